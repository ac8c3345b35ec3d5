/**
 * A complete, runnable Keras script for a project, in the style the courses teach: `Sequential` and
 * `model.add` for a chain, the functional API where the network branches; numeric padding as ZeroPadding2D
 * before a 'valid' layer (as ConvStudio counts it); `model.summary()` right after the model, so its counts
 * can be held against ConvStudio's; the project's data, compile settings, and fit with its epochs, batch
 * size, validation split, early stopping, learning-rate decay and augmentation.
 */
import type { LayerNode } from '../document/graph-schema.ts';
import type { Project } from '../document/project-schema.ts';
import type { TrainingSettings } from '../document/training-schema.ts';
import { formatInt } from '../format/number.ts';
import { layerCalls } from '../layers/layer-calls.ts';
import type { KerasCall } from '../layers/keras-config.ts';
import { exportPlan, type ExportPlan, type PlannedLayer, type PlanResult } from './export-plan.ts';
import { pythonData } from './python-data.ts';
import { indent, pyArgs, pyBool, pyModuleName, pyNumber, pyString, pyTuple } from './python-text.ts';

type Msgs = Extract<PlanResult, { ok: false }>;

/** A Keras layer call as Python: `Conv2D(filters=32, kernel_size=(3, 3), name="conv2d")`. */
export function pythonCall(call: KerasCall): string {
  const positional = call.args.filter((a) => a.positional).map((a) => a.python ?? 'None');
  const named = call.args.filter((a) => !a.positional && a.python !== null).map((a) => `${a.key}=${a.python}`);
  return `${call.className}(${[...positional, ...named, `name=${pyString(call.name)}`].join(', ')})`;
}

/** The Keras layer calls for one node: usually one, two where numeric padding comes first. */
export function kerasLayers(node: LayerNode): string[] {
  return layerCalls(node).map(pythonCall);
}

/** The class a layer call makes: `Conv2D(filters=…)` → Conv2D. */
const className = (call: string) => call.slice(0, call.indexOf('('));

function modelLines(plan: ExportPlan, calls: ReadonlyMap<PlannedLayer, string[]>): string[] {
  const shape = pyTuple(plan.input.outputShape);
  const modelName = pyString(pyModuleName(plan.project.meta.name));
  if (plan.chain) {
    return [
      `model = Sequential(name=${modelName})`,
      `model.add(Input(shape=${shape}))`,
      ...plan.layers.flatMap((l) => calls.get(l)!.map((call) => `model.add(${call})`)),
    ];
  }
  const lines = [`${plan.input.id} = Input(shape=${shape}, name=${pyString(plan.input.node.name)})`];
  for (const l of plan.layers) {
    const args = l.inputs.length === 1 ? l.inputs[0]!.id : `[${l.inputs.map((i) => i.id).join(', ')}]`;
    calls.get(l)!.forEach((call, i) => lines.push(`${l.id} = ${call}(${i === 0 ? args : l.id})`));
  }
  lines.push(`model = Model(inputs=${plan.input.id}, outputs=${plan.output.id}, name=${modelName})`);
  return lines;
}

function optimizer(s: TrainingSettings): string {
  const lr = ['learning_rate', pyNumber(s.learningRate, true)] as [string, string];
  switch (s.optimizer) {
    case 'sgd':
      return `SGD(${pyArgs([lr])})`;
    case 'sgd_momentum':
      return `SGD(${pyArgs([lr, ['momentum', pyNumber(s.momentum, true)]])})`;
    case 'rmsprop':
      return `RMSprop(${pyArgs([lr])})`;
    case 'adam':
      return `Adam(${pyArgs([lr])})`;
  }
}

function callbackLines(s: TrainingSettings): string[] {
  const lines = ['callbacks = []'];
  if (s.earlyStopping) {
    const e = s.earlyStopping;
    lines.push(
      `callbacks.append(EarlyStopping(monitor=${pyString(e.monitor)}, patience=${e.patience}, restore_best_weights=${pyBool(e.restoreBestWeights)}))`,
    );
  }
  if (s.lrDecay) {
    const d = s.lrDecay;
    lines.push(
      `# The learning rate times ${pyNumber(d.factor, true)} every ${d.everyEpochs} epochs.`,
      `callbacks.append(LearningRateScheduler(lambda epoch: ${pyNumber(s.learningRate, true)} * ${pyNumber(d.factor, true)} ** (epoch // ${d.everyEpochs})))`,
    );
  }
  return lines;
}

/** Keras preprocessing layer calls for the project's augmentation. */
function augmentationSteps(s: TrainingSettings): string[] {
  const a = s.augmentation;
  if (!a) return [];
  return [
    a.rotation > 0 ? `RandomRotation(${pyNumber(a.rotation / 360, true)}, fill_mode="constant", seed=SEED)` : null,
    a.shift > 0
      ? `RandomTranslation(${pyNumber(a.shift, true)}, ${pyNumber(a.shift, true)}, fill_mode="constant", seed=SEED)`
      : null,
    a.zoom > 0 ? `RandomZoom(${pyNumber(a.zoom, true)}, fill_mode="constant", seed=SEED)` : null,
    a.flip ? 'RandomFlip("horizontal", seed=SEED)' : null,
    a.noise > 0 ? `GaussianNoise(${pyNumber(a.noise, true)}, seed=SEED)` : null,
  ].filter((x): x is string => x !== null);
}

/** The augmentation model, active only while training, and the model wrapped in it for training. */
function augmentationLines(steps: string[]): string[] {
  if (steps.length === 0) return [];
  return [
    '# Random changes to each training image, new every epoch; inactive for validation and testing.',
    'augmentation = Sequential(',
    '    [',
    ...indent(
      steps.map((s) => `${s},`),
      2,
    ),
    '    ],',
    '    name="augmentation",',
    ')',
    'trainer = Sequential([Input(shape=model.input_shape[1:]), augmentation, model])',
  ];
}

export type ScriptResult = { ok: true; fileName: string; text: string } | Msgs;

export function kerasScript(input: Project, appVersion = ''): ScriptResult {
  const planned = exportPlan(input);
  if (!planned.ok) return planned;
  const plan = planned.plan;
  const s = plan.project.training;
  const classes = plan.output.outputShape.at(-1)!;
  const stem = pyModuleName(plan.project.meta.name);
  const data = pythonData(plan.project.dataset, plan.input.outputShape, s.seed, {
    imports: [],
    load: [
      '(x_train, y_train), (x_test, y_test) = keras.datasets.mnist.load_data()',
      'x_train = x_train[..., None]',
      'x_test = x_test[..., None]',
    ],
  });
  const calls = new Map(plan.layers.map((l) => [l, kerasLayers(l.node)]));
  const steps = augmentationSteps(s);
  const augmentation = augmentationLines(steps);
  const trainer = augmentation.length > 0 ? 'trainer' : 'model';
  const allCalls = [...[...calls.values()].flat(), ...steps];
  const layerImports = [...new Set(['Input', ...allCalls.map(className)])].sort();
  const usesRegularizers = allCalls.some((c) => c.includes('regularizers.'));
  const callbacks = ['EarlyStopping', 'LearningRateScheduler'].filter((c) =>
    c === 'EarlyStopping' ? s.earlyStopping : s.lrDecay,
  );
  const lines = [
    `"""${plan.project.meta.name} — exported from ConvStudio${appVersion ? ` ${appVersion}` : ''}.`,
    '',
    `The network as drawn: ${formatInt(plan.totals.total)} parameters (${formatInt(plan.totals.trainable)} trainable, ${formatInt(plan.totals.nonTrainable)} non-trainable).`,
    'model.summary() below prints the same counts. Runs with Keras 3 (TensorFlow 2.16 or later):',
    '',
    '    pip install tensorflow',
    `    python ${stem}_keras.py`,
    '"""',
    ...[...new Set(['import os', ...data.imports])].sort(),
    '',
    'import numpy as np',
    'import keras',
    `from keras.layers import ${layerImports.join(', ')}`,
    `from keras.models import ${[...(plan.chain ? [] : ['Model']), ...(plan.chain || augmentation.length > 0 ? ['Sequential'] : [])].join(', ')}`,
    `from keras.optimizers import ${optimizer(s).slice(0, optimizer(s).indexOf('('))}`,
    ...(callbacks.length > 0 ? [`from keras.callbacks import ${callbacks.join(', ')}`] : []),
    ...(usesRegularizers ? ['from keras import regularizers'] : []),
    '',
    `SEED = ${s.seed}`,
    `CLASSES = ${classes}`,
    `EPOCHS = ${s.epochs}`,
    '# Weights trained in ConvStudio (Train view → Export), used when they lie next to this script.',
    '# Set EPOCHS = 0 to test them as they are.',
    `TRAINED_WEIGHTS = ${pyString(`${stem}_weights.npz`)}`,
    '',
    '',
    'def load_convstudio_weights(model, path):',
    `    """Weights exported from ConvStudio: an .npz of "layer/weight" arrays, each layer's in its order."""`,
    '    saved = np.load(path)',
    '    for layer in model.layers:',
    '        arrays = [saved[name] for name in saved.files if name.rsplit("/", 1)[0] == layer.name]',
    '        if arrays:',
    '            layer.set_weights(arrays)',
    '',
    '',
    ...(data.helpers.length > 0 ? [...data.helpers, '', ''] : []),
    'keras.utils.set_random_seed(SEED)',
    '',
    '# ---- The network ----',
    ...modelLines(plan, calls),
    'model.summary()',
    'if os.path.exists(TRAINED_WEIGHTS):',
    '    load_convstudio_weights(model, TRAINED_WEIGHTS)',
    '',
    '# ---- The data: images scaled to [0, 1], labels one-hot ----',
    ...data.load,
    'y_train = keras.utils.to_categorical(y_train, CLASSES)',
    'y_test = keras.utils.to_categorical(y_test, CLASSES)',
    '',
    '# ---- Training ----',
    ...augmentation,
    `${trainer}.compile(optimizer=${optimizer(s)}, loss=${pyString(s.loss)}, metrics=["accuracy"])`,
    ...callbackLines(s),
    `history = ${trainer}.fit(`,
    '    x_train,',
    '    y_train,',
    `    batch_size=${s.batchSize},`,
    '    epochs=EPOCHS,',
    `    validation_split=${pyNumber(s.validationSplit, true)},`,
    '    callbacks=callbacks,',
    ')',
    '',
    '# ---- Testing ----',
    `test_loss, test_accuracy = ${trainer}.evaluate(x_test, y_test, verbose=0)`,
    'print(f"Test loss {test_loss:.4f}, test accuracy {test_accuracy:.2%}")',
    `model.save(${pyString(`${stem}.keras`)})`,
    '',
  ];
  return { ok: true, fileName: `${stem}_keras.py`, text: lines.join('\n') };
}

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
import type { Group } from '../document/graph-schema.ts';
import { childGroupOf } from '../document/groups.ts';
import { layerCalls } from '../layers/layer-calls.ts';
import { pythonCall } from '../layers/keras-config.ts';
import { exportPlan, type ExportPlan, type PlannedLayer, type PlanResult } from './export-plan.ts';
import { msg, type Lang } from '../i18n/messages.ts';
import { pythonData } from './python-data.ts';
import { comment, fill, sayIn, type Say } from './script-words.ts';
import { indent, pyArgs, pyBool, pyDocText, pyModuleName, pyNumber, pyString, pyTuple } from './python-text.ts';

type Msgs = Extract<PlanResult, { ok: false }>;

/** The Keras layer calls for one node: usually one, two where numeric padding comes first. */
export function kerasLayers(node: LayerNode): string[] {
  return layerCalls(node).map((call) => pythonCall(call));
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
      ...chainItems(plan, plan.layers, undefined).flatMap((item) =>
        'layer' in item
          ? calls.get(item.layer)!.map((call) => `model.add(${call})`)
          : wrap('model.add(', nestedSequential(plan, item, calls), ')'),
      ),
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

type ChainItem = { layer: PlannedLayer } | { group: Group; layers: PlannedLayer[] };

/**
 * A chain's layers, each nested model directly inside `parent` as one item where its layers follow one
 * another (Keras's `Sequential([...])` inside the Sequential); a model whose layers are apart stays flat.
 */
function chainItems(plan: ExportPlan, layers: PlannedLayer[], parent: string | undefined): ChainItem[] {
  const groups = plan.project.graph.groups ?? [];
  const byId = new Map(groups.map((g) => [g.id, g]));
  const childOf = (l: PlannedLayer) => childGroupOf(groups, l.node.group, parent);

  const runs: Array<{ group: string | undefined; layers: PlannedLayer[] }> = [];
  for (const l of layers) {
    const group = childOf(l);
    const last = runs.at(-1);
    if (group !== undefined && last?.group === group) last.layers.push(l);
    else runs.push({ group, layers: [l] });
  }
  const counts = new Map<string, number>();
  for (const r of runs) if (r.group !== undefined) counts.set(r.group, (counts.get(r.group) ?? 0) + 1);
  return runs.flatMap((run): ChainItem[] =>
    run.group === undefined || counts.get(run.group)! > 1
      ? run.layers.map((layer) => ({ layer }))
      : [{ group: byId.get(run.group)!, layers: run.layers }],
  );
}

/** A nested model of a chain as `Sequential([...], name=...)`, its own nested models inside it. */
function nestedSequential(
  plan: ExportPlan,
  item: Extract<ChainItem, { group: Group }>,
  calls: ReadonlyMap<PlannedLayer, string[]>,
): string[] {
  const inner = chainItems(plan, item.layers, item.group.id).flatMap((i) =>
    'layer' in i ? calls.get(i.layer)!.map((call) => `${call},`) : wrap('', nestedSequential(plan, i, calls), ','),
  );
  return ['Sequential(', '    [', ...indent(inner, 2), '    ],', `    name=${pyString(item.group.name)},`, ')'];
}

/** Lines with `before` on the first and `after` on the last. */
function wrap(before: string, lines: string[], after: string): string[] {
  return lines.map((line, i) => `${i === 0 ? before : ''}${line}${i === lines.length - 1 ? after : ''}`);
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

/** The callbacks the settings ask for (early stopping, step decay); none and there is no callbacks list. */
function callbackLines(s: TrainingSettings, say: Say): string[] {
  const entries: string[] = [];
  if (s.earlyStopping) {
    const e = s.earlyStopping;
    entries.push(
      `EarlyStopping(monitor=${pyString(e.monitor)}, patience=${e.patience}, restore_best_weights=${pyBool(e.restoreBestWeights)}),`,
    );
  }
  if (s.lrDecay) {
    const d = s.lrDecay;
    entries.push(
      ...comment(say(msg('script.lrDecay', { factor: pyNumber(d.factor, true), every: d.everyEpochs }))),
      `LearningRateScheduler(lambda epoch: ${pyNumber(s.learningRate, true)} * ${pyNumber(d.factor, true)} ** (epoch // ${d.everyEpochs})),`,
    );
  }
  return entries.length > 0 ? ['callbacks = [', ...indent(entries), ']'] : [];
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
function augmentationLines(steps: string[], say: Say): string[] {
  if (steps.length === 0) return [];
  return [
    ...comment(say(msg('script.augmentation'))),
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

/**
 * Loading weights exported from ConvStudio where they lie next to the script, right after the network is
 * built: a few lines in the script's flow, not a function to read first; through nested models where there
 * are some.
 */
function weightLoading(nested: boolean, say: Say): string[] {
  const load = (indentBy: string, layers: string) => [
    `${indentBy}for layer in ${layers}:`,
    ...(nested
      ? [
          `${indentBy}    if hasattr(layer, "layers"):  # ${say(msg('script.nestedModel'))}`,
          `${indentBy}        load(layer.layers)`,
          `${indentBy}        continue`,
        ]
      : []),
    `${indentBy}    arrays = [saved[name] for name in saved.files if name.rsplit("/", 1)[0] == layer.name]`,
    `${indentBy}    if arrays:`,
    `${indentBy}        layer.set_weights(arrays)`,
  ];
  return [
    ...comment(say(msg('script.weights'))),
    ...comment(say(msg('script.epochsZero'))),
    'if os.path.exists(TRAINED_WEIGHTS):',
    '    saved = np.load(TRAINED_WEIGHTS)',
    ...(nested
      ? ['', '    def load(layers):', ...load('        ', 'layers'), '', '    load(model.layers)']
      : load('    ', 'model.layers')),
  ];
}

export type ScriptResult = { ok: true; fileName: string; text: string } | Msgs;

export function kerasScript(input: Project, appVersion = '', lang: Lang = 'en'): ScriptResult {
  const say = sayIn(lang);
  const planned = exportPlan(input);
  if (!planned.ok) return planned;
  const plan = planned.plan;
  const s = plan.project.training;
  const classes = plan.output.outputShape.at(-1)!;
  const stem = pyModuleName(plan.project.meta.name);
  const data = pythonData(
    plan.project.dataset,
    plan.input.outputShape,
    s,
    {
      imports: [],
      load: [
        '(x_train, y_train), (x_test, y_test) = keras.datasets.mnist.load_data()',
        'x_train = x_train[..., None]',
        'x_test = x_test[..., None]',
      ],
    },
    say,
  );
  const calls = new Map(plan.layers.map((l) => [l, kerasLayers(l.node)]));
  const steps = augmentationSteps(s);
  const augmentation = augmentationLines(steps, say);
  const callbacks = callbackLines(s, say);
  const trainer = augmentation.length > 0 ? 'trainer' : 'model';
  const allCalls = [...[...calls.values()].flat(), ...steps];
  // A wrapper's layer is a class too: Bidirectional(LSTM(64)) imports both.
  const wrapped = allCalls.flatMap((c) =>
    [...c.slice(className(c).length).matchAll(/(?<![.\w])([A-Z]\w*)\(/g)].map((m) => m[1]!),
  );
  const layerImports = [...new Set(['Input', ...allCalls.map(className), ...wrapped])].sort();
  const usesRegularizers = allCalls.some((c) => c.includes('regularizers.'));
  const callbackClasses = ['EarlyStopping', 'LearningRateScheduler'].filter((c) =>
    c === 'EarlyStopping' ? s.earlyStopping : s.lrDecay,
  );
  const network = modelLines(plan, calls);
  const lines = [
    `"""${fill(say(msg('script.exportedFrom', { version: appVersion ? ` ${appVersion}` : '' })), { name: pyDocText(plan.project.meta.name) })}`,
    '',
    say(msg('script.asDrawn', plan.totals)),
    say(msg('script.kerasRuns')),
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
    ...(callbackClasses.length > 0 ? [`from keras.callbacks import ${callbackClasses.join(', ')}`] : []),
    ...(usesRegularizers ? ['from keras import regularizers'] : []),
    '',
    `SEED = ${s.seed}`,
    `CLASSES = ${classes}`,
    `EPOCHS = ${s.epochs}`,
    ...comment(say(msg('script.trainedWeights'))),
    `TRAINED_WEIGHTS = ${pyString(`${stem}_weights.npz`)}`,
    '',
    '',
    ...(data.helpers.length > 0 ? [...data.helpers, '', ''] : []),
    'keras.utils.set_random_seed(SEED)',
    '',
    ...comment(say(msg('script.network'))),
    ...network,
    'model.summary()',
    '',
    ...weightLoading(
      network.some((line) => line.startsWith('model.add(Sequential(')),
      say,
    ),
    '',
    ...comment(say(msg('script.kerasData'))),
    ...data.load,
    'y_train = keras.utils.to_categorical(y_train, CLASSES)',
    'y_test = keras.utils.to_categorical(y_test, CLASSES)',
    '',
    ...comment(say(msg('script.training'))),
    ...augmentation,
    `${trainer}.compile(optimizer=${optimizer(s)}, loss=${pyString(s.loss)}, metrics=["accuracy"])`,
    ...callbacks,
    `history = ${trainer}.fit(`,
    '    x_train,',
    '    y_train,',
    `    batch_size=${s.batchSize},`,
    '    epochs=EPOCHS,',
    `    validation_split=${pyNumber(s.validationSplit, true)},`,
    ...(callbacks.length > 0 ? ['    callbacks=callbacks,'] : []),
    ')',
    '',
    ...comment(say(msg('script.testing'))),
    `test_loss, test_accuracy = ${trainer}.evaluate(x_test, y_test, verbose=0)`,
    `print(f${pyString(say(msg('script.testResult')))})`,
    `model.save(${pyString(`${stem}.keras`)})`,
    '',
  ];
  return { ok: true, fileName: `${stem}_keras.py`, text: lines.join('\n') };
}

/**
 * One training run: checks the network against the data, trains batch by batch on the chosen backend with
 * the project's settings, reports progress (at most 10 times a second) and each epoch, stops on a NaN loss,
 * evaluates on the test set and saves the model. Pause and stop take effect between batches.
 */
import * as tf from '@tensorflow/tfjs';
import {
  analyse,
  datasetFitProblems,
  evaluatePredictions,
  firstImages,
  inClassOrder,
  msg,
  previewImages,
  sampleImage,
  seededRandom,
  shuffledIndices,
  type Analysis,
  type ImageDataset,
  type Graph,
  type ImageSet,
  type Msg,
  type BackendChoice,
  type Project,
  type StartCommand,
  type TrainerEvent,
  type TrainingSettings,
} from '../../core/index.ts';
import { selectBackend } from '../backends/select-backend.ts';
import { wasmThreads } from '../backends/wasm-threads.ts';
import { datasetEvent } from '../data/describe-dataset.ts';
import { loadDataset } from '../data/load-dataset.ts';
import { buildTfModel, ModelBuildError } from '../model/build-tf-model.ts';
import { augmentBatch } from './augment.ts';
import { trainingGap, type TrainingGap } from './preflight.ts';
import { inPixelRange, makeBatch, range } from './batches.ts';
import { saveLayersModel } from './save-model.ts';
import { startFromWeights } from './start-from.ts';

export interface RunControl {
  stopped: boolean;
  paused: boolean;
  /** Resolves when the run may go on (immediately unless paused). */
  waitWhilePaused(): Promise<void>;
}

export const PROGRESS_INTERVAL_MS = 100;

/**
 * How much faster a network predicts than it trains, for the time left: the validation and test images
 * after training (a forward pass against forward, backward and update; measured about 2× on the textbook
 * net: 10,000 test images in 9–10 s at 500 training images/s).
 */
const PREDICTION_SPEEDUP = 2;
/** How many misclassified test images the evaluation carries. */
export const GALLERY_SIZE = 40;
/** Test images of each class sent with the results, to try the trained network on. */
export const EXAMPLES_PER_CLASS = 2;

export class TrainingProblem extends Error {
  constructor(
    readonly problem: Msg,
    /** False when the problem was found before training began (bad input), true when training failed. */
    readonly duringTraining: boolean,
  ) {
    super(problem.key);
  }
}

export function optimizerFor(settings: TrainingSettings): tf.Optimizer {
  switch (settings.optimizer) {
    case 'sgd':
      return tf.train.sgd(settings.learningRate);
    case 'sgd_momentum':
      return tf.train.momentum(settings.learningRate, settings.momentum);
    case 'rmsprop':
      return tf.train.rmsprop(settings.learningRate);
    case 'adam':
      return tf.train.adam(settings.learningRate);
  }
}

export const LOSSES: Record<TrainingSettings['loss'], string> = {
  categorical_crossentropy: 'categoricalCrossentropy',
  binary_crossentropy: 'binaryCrossentropy',
  mse: 'meanSquaredError',
  mae: 'meanAbsoluteError',
};

/** The network's Input must take the data's images, and its output give one value per class. */
function checkFit(analysis: Analysis, dataset: ImageDataset): void {
  const [problem] = datasetFitProblems(analysis, {
    name: dataset.name,
    shape: dataset.train.shape,
    classes: dataset.classes.length,
  });
  if (problem) throw new TrainingProblem(problem, false);
}

/** Lets pause and stop messages in and waits while paused: the milliseconds paused, or null once stopped. */
async function goOn(control: RunControl): Promise<number | null> {
  // wasm resolves its promises at once: without this the loop would starve pause and stop messages.
  await new Promise((resolve) => setImmediate(resolve));
  const pausedAt = performance.now();
  if (control.paused) await control.waitWhilePaused();
  return control.stopped ? null : performance.now() - pausedAt;
}

/** Mean loss and accuracy over a set, in batches; null when the run was stopped meanwhile. */
async function measure(
  model: tf.LayersModel,
  set: ImageSet,
  indices: Int32Array,
  classes: number,
  batchSize: number,
  pixelRange: TrainingSettings['pixelRange'],
  control: RunControl,
  onBatch: (done: number) => void = () => {},
) {
  let loss = 0;
  let correct = 0;
  const predictions = new Int32Array(indices.length);
  for (let start = 0; start < indices.length; start += batchSize) {
    if ((await goOn(control)) === null) return null;
    const size = Math.min(batchSize, indices.length - start);
    const batch = makeBatch(set, indices, start, size, classes);
    const [batchLoss, guesses] = tf.tidy(() => {
      const probabilities = model.predict(inPixelRange(batch.x, pixelRange)) as tf.Tensor2D;
      const l = tf.mean(tf.metrics.categoricalCrossentropy(batch.y, probabilities));
      return [l, tf.argMax(probabilities, 1)] as const;
    });
    loss += (await batchLoss.data())[0]! * size;
    const guessed = await guesses.data();
    for (let i = 0; i < size; i++) {
      predictions[start + i] = guessed[i]!;
      if (guessed[i] === set.labels[indices[start + i]!]) correct += 1;
    }
    tf.dispose([batchLoss, guesses, batch.x, batch.y]);
    onBatch(start + size);
  }
  const n = Math.max(indices.length, 1);
  return { loss: loss / n, accuracy: correct / n, predictions };
}

export function buildModel(graph: Graph, name: string): tf.LayersModel {
  try {
    return buildTfModel(graph, name);
  } catch (error) {
    if (error instanceof ModelBuildError) {
      const reason =
        error.reason === 'groups'
          ? `groups = ${error.detail}`
          : error.reason === 'noOutput'
            ? error.reason
            : error.detail;
      throw new TrainingProblem(msg('train.cannotBuild', { layer: error.layer, reason }), false);
    }
    throw error;
  }
}

/** Why the chosen backend cannot train the network, in the user's words. */
export function gapProblem(gap: TrainingGap, graph: Graph): Msg {
  switch (gap.kind) {
    case 'kernel':
      return msg('train.missingKernel', { kernel: gap.kernel, backend: gap.backend });
    case 'dilation': {
      const dilated = graph.nodes.filter((n) => {
        const d = (n.params as { dilation_rate?: number | number[] }).dilation_rate;
        return d !== undefined && [d].flat().some((v) => v > 1);
      });
      return msg('train.dilatedGradient', { layers: dilated.map((n) => `'${n.name}'`).join(', ') });
    }
    case 'other':
      return msg('train.cannotTrainHere', { detail: gap.detail });
  }
}

type Selected = Extract<Awaited<ReturnType<typeof selectBackend>>, { ok: true }>;

/**
 * The project's network built on a backend that can train it: the one selected, or the CPU backend where an
 * automatic choice lacks one of the network's kernels (WebAssembly has no depthwise convolution's gradient),
 * said with a new backend event. Throws a TrainingProblem for what no backend here can train.
 */
export async function trainableModel(
  project: Project,
  backend: BackendChoice,
  selection: Selected,
  emit: (event: TrainerEvent) => void,
): Promise<tf.LayersModel> {
  const modelName = project.meta.name.replace(/[^\w-]/g, '_') || 'model';
  let model = buildModel(project.graph, modelName);
  let gap = trainingGap(model);
  if (gap?.kind === 'kernel' && backend === 'auto' && selection.chosen !== 'cpu') {
    model.dispose();
    const fallback = await selectBackend('cpu');
    if (!fallback.ok) throw new TrainingProblem(fallback.error, false);
    const reason = msg('backend.missingKernel', { kernel: gap.kernel, backend: gap.backend });
    const skipped = { backend: selection.chosen, available: false, reason };
    emit({
      type: 'backend',
      chosen: 'cpu',
      threads: null,
      reports: [...selection.reports.filter((r) => r.backend !== selection.chosen), skipped, ...fallback.reports],
    });
    model = buildModel(project.graph, modelName);
    gap = trainingGap(model);
  }
  if (gap) {
    model.dispose();
    throw new TrainingProblem(gapProblem(gap, project.graph), false);
  }
  return model;
}

export async function runTraining(
  command: StartCommand,
  emit: (event: TrainerEvent) => void,
  control: RunControl,
): Promise<void> {
  const settings = command.project.training;
  const selection = await selectBackend(command.backend, command.threads);
  if (!selection.ok) throw new TrainingProblem(selection.error, false);
  const threads = selection.chosen === 'wasm' ? wasmThreads() : null;
  emit({ type: 'backend', chosen: selection.chosen, reports: selection.reports, threads });

  const analysis = analyse(command.project.graph);
  const firstError = analysis.diagnostics.find((d) => d.severity === 'error');
  if (firstError) throw new TrainingProblem(firstError.message, false);
  const input = analysis.nodes.find((n) => n.type === 'Input')?.outputShape ?? [];
  const inputShape: [number, number, number] = input.length === 3 ? (input as [number, number, number]) : [0, 0, 0];
  const loaded = await loadDataset(command.dataset, { inputShape, seed: settings.seed, limits: command.limits });
  if (!loaded.ok) throw new TrainingProblem(loaded.error, false);
  const order = command.startFrom?.classes;
  // Fine-tuning keeps the weights' output order: class i of the data must be their class i.
  const dataset = (order && inClassOrder(loaded.value, order)) || loaded.value;
  const all = command.limitSamples ? firstImages(dataset.train, command.limitSamples) : dataset.train;
  checkFit(analysis, dataset);

  const event = datasetEvent(dataset, all, settings.validationSplit);
  const trainCount = event.train;
  const validationIndices = range(trainCount, all.count);
  const classes = dataset.classes.length;
  emit(event);

  const model = await trainableModel(command.project, command.backend, selection, emit);
  if (command.startFrom) {
    const started = await startFromWeights(model, command.startFrom);
    // A test of weights some layers lack would test a network no one trained.
    if (command.testOnly && started.fresh.length > 0) {
      model.dispose();
      const layers = started.fresh.map((name) => `'${name}'`).join(', ');
      throw new TrainingProblem(msg('train.testFreshLayers', { layers }), false);
    }
    emit(started);
  } else if (command.testOnly) {
    model.dispose();
    throw new TrainingProblem(msg('train.testNeedsWeights'), false);
  }
  const optimizer = optimizerFor(settings);
  model.compile({ optimizer, loss: LOSSES[settings.loss], metrics: ['accuracy'] });

  const random = seededRandom(settings.seed);
  const batchSize = Math.min(settings.batchSize, trainCount);
  const batches = Math.ceil(trainCount / batchSize);
  const early = settings.earlyStopping;
  let best = { value: Infinity, epoch: 0, weights: null as tf.Tensor[] | null };
  let lastProgress = 0;

  try {
    const epochs = command.testOnly ? 0 : settings.epochs;
    for (let epoch = 1; epoch <= epochs && !control.stopped; epoch++) {
      if (settings.lrDecay && epoch > 1 && (epoch - 1) % settings.lrDecay.everyEpochs === 0) {
        (optimizer as unknown as { learningRate: number }).learningRate *= settings.lrDecay.factor;
      }
      const order = shuffledIndices(trainCount, random);
      let lossSum = 0;
      let accuracySum = 0;
      let seen = 0;
      const epochStart = performance.now();
      let pausedFor = 0;
      for (let b = 0; b < batches && !control.stopped; b++) {
        const paused = await goOn(control);
        if (paused === null) break;
        pausedFor += paused;
        const size = Math.min(batchSize, trainCount - b * batchSize);
        const batch = makeBatch(all, order, b * batchSize, size, classes);
        const changed = settings.augmentation ? augmentBatch(batch.x, settings.augmentation, random) : batch.x;
        const inputs = inPixelRange(changed, settings.pixelRange);
        const [loss, accuracy] = (await model.trainOnBatch(inputs, batch.y)) as number[];
        tf.dispose([batch.x, batch.y, changed, inputs]);
        if (!Number.isFinite(loss!)) {
          throw new TrainingProblem(
            msg('train.nan', { epoch, batch: b + 1, learningRate: settings.learningRate }),
            true,
          );
        }
        lossSum += loss! * size;
        accuracySum += accuracy! * size;
        seen += size;
        const now = performance.now();
        if (now - lastProgress >= PROGRESS_INTERVAL_MS || b === batches - 1) {
          lastProgress = now;
          const elapsed = (now - epochStart - pausedFor) / 1000;
          const speed = seen / Math.max(elapsed, 1e-6);
          const remaining = (settings.epochs - epoch) * trainCount + (trainCount - seen);
          // Then each epoch's validation and the test: predictions only, about twice training's speed.
          const checks = (settings.epochs - epoch + 1) * validationIndices.length + dataset.test.count;
          emit({
            type: 'progress',
            epoch,
            epochs: settings.epochs,
            batch: b + 1,
            batches,
            loss: lossSum / seen,
            accuracy: accuracySum / seen,
            samplesPerSecond: speed,
            etaSeconds: (remaining + checks / PREDICTION_SPEEDUP) / speed,
          });
        }
      }
      const seconds = (performance.now() - epochStart - pausedFor) / 1000;
      if (seen === 0) break;
      const validation =
        event.validation > 0
          ? await measure(model, all, validationIndices, classes, batchSize, settings.pixelRange, control)
          : null;
      if (control.stopped) break;
      emit({
        type: 'epoch',
        epoch,
        loss: lossSum / seen,
        accuracy: accuracySum / seen,
        valLoss: validation?.loss ?? null,
        valAccuracy: validation?.accuracy ?? null,
        samplesPerSecond: seen / seconds,
        seconds,
      });
      if (early) {
        const value =
          {
            val_loss: validation?.loss,
            val_accuracy: validation ? -validation.accuracy : undefined,
            loss: lossSum / seen,
            accuracy: -accuracySum / seen,
          }[early.monitor] ?? lossSum / seen;
        if (value < best.value) {
          tf.dispose(best.weights ?? []);
          best = { value, epoch, weights: early.restoreBestWeights ? model.getWeights().map((w) => w.clone()) : null };
        } else if (epoch - best.epoch >= early.patience) {
          break;
        }
      }
    }
    if (control.stopped) {
      // Stop means now: no test evaluation, nothing saved.
      emit({ type: 'done', stopped: true, savedTo: null });
      return;
    }
    if (best.weights) model.setWeights(best.weights);

    const total = dataset.test.count;
    emit({ type: 'testing', done: 0, total });
    let lastTesting = performance.now();
    const testBatch = Math.max(batchSize, 256);
    const test = await measure(
      model,
      dataset.test,
      range(0, total),
      classes,
      testBatch,
      settings.pixelRange,
      control,
      (done) => {
        const now = performance.now();
        if (now - lastTesting < PROGRESS_INTERVAL_MS && done < total) return;
        lastTesting = now;
        emit({ type: 'testing', done, total });
      },
    );
    // Stopped during the test: as during training, nothing is evaluated or saved.
    if (!test) {
      emit({ type: 'done', stopped: true, savedTo: null });
      return;
    }
    const evaluation = evaluatePredictions(dataset.test.labels, test.predictions, classes);
    emit({
      type: 'evaluation',
      testLoss: test.loss,
      testAccuracy: test.accuracy,
      confusion: evaluation.confusion,
      perClassAccuracy: evaluation.perClassAccuracy,
      misclassified: evaluation.misclassified,
      gallery: evaluation.misclassified
        .slice(0, GALLERY_SIZE)
        .map((i) => sampleImage(dataset.test, i, test.predictions[i]!)),
      examples: previewImages(dataset.test, classes, EXAMPLES_PER_CLASS).map((s) => ({
        ...s,
        predicted: test.predictions[s.index]!,
      })),
    });
    if (command.saveDir) await saveLayersModel(model, command.saveDir);
    emit({ type: 'done', stopped: false, savedTo: command.saveDir });
  } finally {
    tf.dispose(best.weights ?? []);
    model.dispose();
    optimizer.dispose();
  }
}

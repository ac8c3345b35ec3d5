/**
 * One training run: checks the network against the data, trains epoch by epoch on the chosen backend's
 * engine (TensorFlow.js, or PyTorch in a Python process) with the project's settings — the order of the
 * images, the learning-rate schedule, validation and early stopping are kept here, for every engine alike —,
 * reports progress (at most 10 times a second) and each epoch, stops on a NaN loss, evaluates on the test
 * set and saves the model. Pause and stop take effect between batches.
 */
import type * as tf from '@tensorflow/tfjs';
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
import { startTorchEngine } from '../pytorch/torch-engine.ts';
import { PROGRESS_INTERVAL_MS, type TrainingEngine } from './engine.ts';
import { trainingGap, type TrainingGap } from './preflight.ts';
import type { RunControl } from './run-control.ts';
import { startFromWeights } from './start-from.ts';
import { TfjsEngine } from './tfjs-engine.ts';
import { TrainingProblem } from './training-problem.ts';

export { TrainingProblem } from './training-problem.ts';
export type { RunControl } from './run-control.ts';

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

/** The network's Input must take the data's images, and its output give one value per class. */
function checkFit(analysis: Analysis, dataset: ImageDataset): void {
  const [problem] = datasetFitProblems(analysis, {
    name: dataset.name,
    shape: dataset.train.shape,
    classes: dataset.classes.length,
  });
  if (problem) throw new TrainingProblem(problem, false);
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
  // PyTorch trains the network, not TensorFlow.js: its gaps do not matter.
  if (selection.chosen === 'pytorch') return model;
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
      device: null,
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

/**
 * The network built on the backend selected, with the weights the run starts from (a fine-tune's), said
 * with a startedFrom event; refused where a test of weights would leave layers untrained.
 */
async function startingModel(
  command: StartCommand,
  selection: Selected,
  emit: (event: TrainerEvent) => void,
): Promise<tf.LayersModel> {
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
  return model;
}

/** The engine of the backend chosen, for a network built and given its starting weights. */
async function startEngine(
  command: StartCommand,
  selection: Selected,
  model: tf.LayersModel,
  sets: { train: ImageSet; test: ImageSet },
  classes: number,
  random: () => number,
  control: RunControl,
): Promise<TrainingEngine> {
  const settings = command.project.training;
  if (!selection.torch) return new TfjsEngine(model, settings, sets, classes, random, control);
  return startTorchEngine(command.project, selection.torch.python, model, sets, command.threads, control);
}

/** The learning rate of an epoch: the step decay's factor once every so many epochs. */
function learningRateOf(settings: TrainingSettings, epoch: number): number {
  const decay = settings.lrDecay;
  return decay
    ? settings.learningRate * decay.factor ** Math.floor((epoch - 1) / decay.everyEpochs)
    : settings.learningRate;
}

export async function runTraining(
  command: StartCommand,
  emit: (event: TrainerEvent) => void,
  control: RunControl,
): Promise<void> {
  const settings = command.project.training;
  const selection = await selectBackend(command.backend, command.threads, command.python);
  if (!selection.ok) throw new TrainingProblem(selection.error, false);
  const threads = selection.chosen === 'wasm' ? wasmThreads() : null;
  emit({
    type: 'backend',
    chosen: selection.chosen,
    reports: selection.reports,
    threads,
    device: selection.torch?.device ?? null,
  });

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
  const classes = dataset.classes.length;
  emit(event);

  const random = seededRandom(settings.seed);
  const sets = { train: all, test: dataset.test };
  const model = await startingModel(command, selection, emit);
  let engine: TrainingEngine;
  try {
    engine = await startEngine(command, selection, model, sets, classes, random, control);
  } catch (error) {
    // PyTorch chosen automatically but not starting (a broken install, a driver): WebAssembly trains instead,
    // and the backend report says why — the app has no other way to choose.
    if (!(selection.torch && command.backend === 'auto' && error instanceof TrainingProblem)) throw error;
    const fallback = await selectBackend('wasm', command.threads);
    if (!fallback.ok) throw error;
    const detail = (error.problem.args as { detail?: string } | undefined)?.detail ?? error.problem.key;
    emit({
      type: 'backend',
      chosen: 'wasm',
      threads: wasmThreads(),
      device: null,
      reports: [
        { backend: 'pytorch', available: false, reason: msg('backend.pytorchDidNotStart', { detail }) },
        ...selection.reports.filter((r) => r.backend !== 'pytorch'),
        ...fallback.reports,
      ],
    });
    const rebuilt = await startingModel(command, fallback, () => {});
    engine = await startEngine(command, fallback, rebuilt, sets, classes, random, control);
  }

  const batchSize = Math.min(settings.batchSize, trainCount);
  const batches = Math.ceil(trainCount / batchSize);
  const validationCount = all.count - trainCount;
  const early = settings.earlyStopping;
  let best = { value: Infinity, epoch: 0, kept: false };

  try {
    const epochs = command.testOnly ? 0 : settings.epochs;
    for (let epoch = 1; epoch <= epochs && !control.stopped; epoch++) {
      const order = shuffledIndices(trainCount, random);
      const sums = await engine.trainEpoch(epoch, order, batchSize, learningRateOf(settings, epoch), (so) => {
        const speed = so.seen / Math.max(so.seconds, 1e-6);
        const remaining = (settings.epochs - epoch) * trainCount + (trainCount - so.seen);
        // Then each epoch's validation and the test: predictions only, about twice training's speed.
        const checks = (settings.epochs - epoch + 1) * validationCount + dataset.test.count;
        emit({
          type: 'progress',
          epoch,
          epochs: settings.epochs,
          batch: so.batches,
          batches,
          loss: so.lossSum / so.seen,
          accuracy: so.accuracySum / so.seen,
          samplesPerSecond: speed,
          etaSeconds: (remaining + checks / PREDICTION_SPEEDUP) / speed,
        });
      });
      if (!sums || sums.seen === 0) break;
      const { seen, lossSum, accuracySum, seconds } = sums;
      const validation = validationCount > 0 ? await engine.measure('train', trainCount, all.count, batchSize) : null;
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
          best = { value, epoch, kept: early.restoreBestWeights };
          if (early.restoreBestWeights) await engine.keepBest();
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
    if (best.kept) await engine.restoreBest();

    const total = dataset.test.count;
    emit({ type: 'testing', done: 0, total });
    let lastTesting = performance.now();
    const test = await engine.measure('test', 0, total, Math.max(batchSize, 256), (done) => {
      const now = performance.now();
      if (now - lastTesting < PROGRESS_INTERVAL_MS && done < total) return;
      lastTesting = now;
      emit({ type: 'testing', done, total });
    });
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
    if (command.saveDir) await engine.save(command.saveDir);
    emit({ type: 'done', stopped: false, savedTo: command.saveDir });
  } finally {
    engine.dispose();
  }
}

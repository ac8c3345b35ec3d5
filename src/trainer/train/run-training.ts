/**
 * One training run in the trainer process: the backend chosen (PyTorch in a Python process of its own, or
 * a TensorFlow.js backend), the dataset loaded from disk, the network built with its starting weights, and
 * the epochs, test and saving of train-loop.ts on the engine of that backend.
 */
import type * as tf from '@tensorflow/tfjs';
import {
  analyse,
  msg,
  seededRandom,
  type BackendChoice,
  type ImageSet,
  type Project,
  type StartCommand,
  type TrainerEvent,
} from '../../core/index.ts';
import { selectBackend } from '../backends/select-backend.ts';
import { wasmThreads } from '../backends/wasm-threads.ts';
import { loadDataset } from '../data/load-dataset.ts';
import { startTorchEngine } from '../pytorch/torch-engine.ts';
import type { TrainingEngine } from './engine.ts';
import { readModelFolder, saveLayersModel } from './model-folder.ts';
import { buildModel, gapProblem, modelNameOf } from './network-model.ts';
import { trainingGap } from './preflight.ts';
import type { RunControl } from './run-control.ts';
import { inputShapeOf, runData } from './run-data.ts';
import { giveStartingWeights } from './start-from.ts';
import { TfjsEngine } from './tfjs-engine.ts';
import { trainAndTest } from './train-loop.ts';
import { TrainingProblem } from './training-problem.ts';

export { TrainingProblem } from './training-problem.ts';
export { buildModel } from './network-model.ts';
export type { RunControl } from './run-control.ts';

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
  const modelName = modelNameOf(project.meta.name);
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

/** The network built on the backend selected, with the weights the run starts from (a fine-tune's). */
async function startingModel(
  command: StartCommand,
  selection: Selected,
  emit: (event: TrainerEvent) => void,
): Promise<tf.LayersModel> {
  const model = await trainableModel(command.project, command.backend, selection, emit);
  const saved = command.startFrom && (await readModelFolder(command.startFrom.dir));
  giveStartingWeights(model, command, saved, emit);
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
  if (!selection.torch) return new TfjsEngine(model, settings, sets, classes, random, control, saveLayersModel);
  return startTorchEngine(command.project, selection.torch.python, model, sets, command.threads, control);
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
  const loaded = await loadDataset(command.dataset, {
    inputShape: inputShapeOf(analysis),
    seed: settings.seed,
    limits: command.limits,
  });
  if (!loaded.ok) throw new TrainingProblem(loaded.error, false);
  const { dataset, all, event } = runData(analysis, loaded.value, command);
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

  try {
    await trainAndTest(
      engine,
      { settings, testOnly: command.testOnly, saveDir: command.saveDir, random },
      { dataset, all, trainCount },
      emit,
      control,
    );
  } finally {
    engine.dispose();
  }
}

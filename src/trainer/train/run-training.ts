/**
 * One training run in the trainer process: the backend chosen (PyTorch in a Python process of its own, or
 * a TensorFlow.js backend), the dataset loaded from disk, the network built with its starting weights, and
 * the epochs, test and saving of train-loop.ts on the engine of that backend.
 */
import type * as tf from '@tensorflow/tfjs';
import { analyse, msg, seededRandom, type ImageSet, type StartCommand, type TrainerEvent } from '../../core/index.ts';
import { selectBackend } from '../backends/select-backend.ts';
import { wasmThreads } from '../backends/wasm-threads.ts';
import { loadDataset } from '../data/load-dataset.ts';
import { startTorchEngine } from '../pytorch/torch-engine.ts';
import type { TrainingEngine } from './engine.ts';
import { saveLayersModel } from './model-folder.ts';
import { readModelFolder } from './read-model-folder.ts';
import { measuredChoice } from './measured-choice.ts';
import type { RunControl } from './run-control.ts';
import { inputShapeOf, runData } from './run-data.ts';
import { giveStartingWeights } from './start-from.ts';
import { TfjsEngine } from './tfjs-engine.ts';
import { trainableModel, type Selected } from './trainable-model.ts';
import { trainAndTest } from './train-loop.ts';
import { TrainingProblem } from './training-problem.ts';

export { TrainingProblem } from './training-problem.ts';
export type { RunControl } from './run-control.ts';

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
  const selected = await selectBackend(command.backend, command.threads, command.python);
  if (!selected.ok) throw new TrainingProblem(selected.error, false);
  const { selection, measured } =
    command.backend === 'auto'
      ? await measuredChoice(command.project, selected, command.threads, command.python, emit, command.measured)
      : { selection: selected, measured: [] };
  const threads = selection.chosen === 'wasm' ? wasmThreads() : null;
  emit({
    type: 'backend',
    chosen: selection.chosen,
    reports: selection.reports,
    threads,
    device: selection.torch?.device ?? null,
    measured,
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

  const sets = { train: all, test: dataset.test };
  /**
   * The run's engine on a backend, started: a function that trains the run on it. Each attempt draws from a
   * generator of its own on the seed (the order of the images, augmentation), as a fresh run would.
   */
  const engineFor = async (chosen: Selected, model: tf.LayersModel) => {
    const random = seededRandom(settings.seed);
    const engine = await startEngine(command, chosen, model, sets, classes, random, control);
    return async () => {
      try {
        const run = { settings, testOnly: command.testOnly, saveDir: command.saveDir, random };
        await trainAndTest(engine, run, { dataset, all, trainCount }, emit, control);
      } finally {
        engine.dispose();
      }
    };
  };
  const onWasm = async (fallback: Selected) =>
    (await engineFor(fallback, await startingModel(command, fallback, () => {})))();

  let train: () => Promise<void>;
  try {
    train = await engineFor(selection, await startingModel(command, selection, emit));
  } catch (error) {
    // PyTorch chosen automatically but not starting (a broken install, a driver): WebAssembly trains instead.
    const fallback = await wasmInstead(command, selection, error, 'backend.pytorchDidNotStart', emit);
    if (!fallback) throw error;
    return onWasm(fallback);
  }
  try {
    await train();
  } catch (error) {
    // PyTorch chosen automatically failing mid-run (the graphics card's memory, a driver): the run starts
    // over on WebAssembly, its first epochs forgotten (a backend event after epochs starts a record afresh).
    const fallback = control.stopped
      ? null
      : await wasmInstead(command, selection, error, 'backend.pytorchFailedMidRun', emit);
    if (!fallback) throw error;
    await onWasm(fallback);
  }
}

/**
 * WebAssembly instead of PyTorch chosen automatically, where PyTorch failed (`error`: not a loss that is no
 * longer a number, which no engine would mend), said with a backend event naming why — the app has no other
 * way to choose. Null where that does not apply or WebAssembly cannot start either.
 */
async function wasmInstead(
  command: StartCommand,
  selection: Selected,
  error: unknown,
  reason: 'backend.pytorchDidNotStart' | 'backend.pytorchFailedMidRun',
  emit: (event: TrainerEvent) => void,
): Promise<Selected | null> {
  if (!(selection.torch && command.backend === 'auto' && error instanceof TrainingProblem)) return null;
  if (error.problem.key === 'train.nan') return null;
  const fallback = await selectBackend('wasm', command.threads);
  if (!fallback.ok) return null;
  const detail = (error.problem.args as { detail?: string } | undefined)?.detail ?? error.problem.key;
  emit({
    type: 'backend',
    chosen: 'wasm',
    threads: wasmThreads(),
    device: null,
    measured: [],
    reports: [
      { backend: 'pytorch', available: false, reason: msg(reason, { detail }) },
      ...selection.reports.filter((r) => r.backend !== 'pytorch'),
      ...fallback.reports,
    ],
  });
  return fallback;
}

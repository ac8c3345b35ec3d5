/**
 * How fast this machine trains a network, before a run: a couple of seconds of training steps on random
 * images of the Input's shape, with the run's backend, thread count, batch size, optimizer and loss. The
 * Training panel turns the figure into the time a run will take.
 */
import type * as tf from '@tensorflow/tfjs';
import { analyse, msg, seededRandom, type ImageSet, type ProbeCommand, type TrainerEvent } from '../../core/index.ts';
import { selectBackend, type BackendSelection } from '../backends/select-backend.ts';
import { wasmThreads } from '../backends/wasm-threads.ts';
import { startTorchEngine } from '../pytorch/torch-engine.ts';
import { trainableModel, TrainingProblem } from './run-training.ts';
import { PROBE_MS, timeTrainingSteps } from './time-steps.ts';

export async function probeSpeed(command: ProbeCommand): Promise<TrainerEvent> {
  try {
    const selection = await selectBackend(command.backend, command.threads, command.python);
    if (!selection.ok) return { type: 'error', message: selection.error, training: false };
    const firstError = analyse(command.project.graph).diagnostics.find((d) => d.severity === 'error');
    if (firstError) return { type: 'error', message: firstError.message, training: false };
    let backend = selection.chosen;
    const model = await trainableModel(command.project, command.backend, selection, (event) => {
      if (event.type === 'backend') backend = event.chosen;
    });
    if (selection.torch) return await probeTorch(command, selection, model);
    const samplesPerSecond = await timeTrainingSteps(model, command.project.training);
    return {
      type: 'speed',
      samplesPerSecond,
      backend,
      threads: backend === 'wasm' ? wasmThreads() : null,
    };
  } catch (error) {
    if (error instanceof TrainingProblem) return { type: 'error', message: error.problem, training: false };
    const detail = error instanceof Error ? error.message : String(error);
    return { type: 'error', message: msg('train.internal', { detail }), training: false };
  }
}

/** Random images of the network's Input shape and random labels. */
function randomImages(shape: [number, number, number], count: number, classes: number): ImageSet {
  const random = seededRandom(1);
  const pixels = new Uint8Array(count * shape[0] * shape[1] * shape[2]);
  for (let i = 0; i < pixels.length; i++) pixels[i] = Math.floor(random() * 256);
  const labels = new Uint8Array(count);
  for (let i = 0; i < count; i++) labels[i] = Math.floor(random() * classes);
  return { pixels, labels, count, shape };
}

/** The same measurement on the PyTorch engine: epochs of a few random batches, the first one not timed. */
async function probeTorch(
  command: ProbeCommand,
  selection: Extract<BackendSelection, { ok: true }>,
  model: tf.LayersModel,
): Promise<TrainerEvent> {
  const settings = command.project.training;
  const shape = model.inputs[0]!.shape.slice(1) as [number, number, number];
  const classes = model.outputs[0]!.shape.at(-1) ?? 1;
  const batch = settings.batchSize;
  // Epochs of several batches, so that one question to Python weighs little against them (64 MB at most).
  const perImage = shape[0] * shape[1] * shape[2];
  const set = randomImages(shape, Math.max(batch, Math.min(batch * 16, Math.floor(64e6 / perImage))), classes);
  const order = Int32Array.from({ length: set.count }, (_, i) => i);
  const never = { stopped: false, paused: false, waitWhilePaused: () => Promise.resolve() };
  const engine = await startTorchEngine(
    command.project,
    selection.torch!.python,
    model,
    { train: set, test: set },
    command.threads,
    never,
  );
  try {
    await engine.trainEpoch(1, order, batch, settings.learningRate, () => {});
    let seen = 0;
    let seconds = 0;
    while (seconds * 1000 < PROBE_MS) {
      const sums = await engine.trainEpoch(1, order, batch, settings.learningRate, () => {});
      if (!sums) break;
      seen += sums.seen;
      seconds += sums.seconds;
    }
    return { type: 'speed', samplesPerSecond: seen / Math.max(seconds, 1e-6), backend: 'pytorch', threads: null };
  } finally {
    engine.dispose();
  }
}

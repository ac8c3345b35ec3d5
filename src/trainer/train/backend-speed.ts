/**
 * How fast a selected backend trains a project's network: a couple of seconds of training steps on random
 * images of the Input's shape, with the run's batch size, optimizer and loss. TensorFlow.js's backends time
 * steps of the built network (time-steps.ts); PyTorch times epochs of a few random batches in its engine.
 */
import type * as tf from '@tensorflow/tfjs';
import { seededRandom, type BackendChoice, type ImageSet, type Project, type TrainerEvent } from '../../core/index.ts';
import { startTorchEngine } from '../pytorch/torch-engine.ts';
import { PROBE_MS, timeTrainingSteps } from './time-steps.ts';
import { trainableModel, type Selected } from './trainable-model.ts';

/**
 * Training images per second. `choice` and `emit` as for a run (trainable-model.ts): under Automatic, a
 * network the backend lacks a kernel for is measured on the CPU backend, said with a backend event. Throws a
 * TrainingProblem where the backend cannot train the network.
 */
export async function speedOn(
  project: Project,
  selection: Selected,
  threads: number | null,
  choice: BackendChoice = selection.chosen,
  emit: (event: TrainerEvent) => void = () => {},
): Promise<number> {
  const model = await trainableModel(project, choice, selection, emit);
  if (selection.torch) return torchSpeed(project, selection, model, threads);
  return timeTrainingSteps(model, project.training);
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

/** Epochs of a few random batches on the PyTorch engine, the first one not timed (the engine disposes the model). */
async function torchSpeed(
  project: Project,
  selection: Selected,
  model: tf.LayersModel,
  threads: number | null,
): Promise<number> {
  const settings = project.training;
  const shape = model.inputs[0]!.shape.slice(1) as [number, number, number];
  const classes = model.outputs[0]!.shape.at(-1) ?? 1;
  const batch = settings.batchSize;
  // Epochs of several batches, so that one question to Python weighs little against them (64 MB at most).
  const perImage = shape[0] * shape[1] * shape[2];
  const set = randomImages(shape, Math.max(batch, Math.min(batch * 16, Math.floor(64e6 / perImage))), classes);
  const order = Int32Array.from({ length: set.count }, (_, i) => i);
  const never = { stopped: false, paused: false, waitWhilePaused: () => Promise.resolve() };
  const engine = await startTorchEngine(
    project,
    selection.torch!.python,
    model,
    { train: set, test: set },
    threads,
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
    return seen / Math.max(seconds, 1e-6);
  } finally {
    // Gone before anything else is measured: a Python winding down would slow what comes next.
    await engine.close();
  }
}

/**
 * How fast a built network trains on the backend TensorFlow.js is on: steps on random images of its Input's
 * shape, with the run's batch size, optimizer and loss, timed for a couple of seconds after one step that
 * is not (it compiles and allocates). The trainer process's probe and the page's trainer both ask it.
 */
import * as tf from '@tensorflow/tfjs';
import type { TrainingSettings } from '../../core/index.ts';
import { LOSSES, optimizerFor } from './tfjs-engine.ts';

/** Steps are timed for at least this long… */
export const PROBE_MS = 2000;
/** …and at least this many steps. */
const PROBE_STEPS = 3;

/** Training images per second; the model is disposed. */
export async function timeTrainingSteps(model: tf.LayersModel, settings: TrainingSettings): Promise<number> {
  model.compile({ optimizer: optimizerFor(settings), loss: LOSSES[settings.loss] });
  const shape = model.inputs[0]!.shape.slice(1) as number[];
  const classes = model.outputs[0]!.shape.at(-1) ?? 1;
  const batch = settings.batchSize;
  const x = tf.randomUniform([batch, ...shape]);
  const y = tf.oneHot(tf.randomUniform([batch], 0, classes, 'int32'), classes);
  try {
    await model.trainOnBatch(x, y);
    const start = performance.now();
    let steps = 0;
    while (steps < PROBE_STEPS || performance.now() - start < PROBE_MS) {
      await model.trainOnBatch(x, y);
      steps += 1;
    }
    return (steps * batch) / ((performance.now() - start) / 1000);
  } finally {
    tf.dispose([x, y]);
    model.dispose();
  }
}

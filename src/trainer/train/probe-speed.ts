/**
 * How fast this machine trains a network, before a run: a couple of seconds of training steps on random
 * images of the Input's shape, with the run's backend, thread count, batch size, optimizer and loss. The
 * Training panel turns the figure into the time a run will take.
 */
import * as tf from '@tensorflow/tfjs';
import { analyse, msg, type ProbeCommand, type TrainerEvent } from '../../core/index.ts';
import { selectBackend } from '../backends/select-backend.ts';
import { wasmThreads } from '../backends/wasm-threads.ts';
import { trainableModel, TrainingProblem } from './run-training.ts';
import { LOSSES, optimizerFor } from './tfjs-engine.ts';

/** Steps are timed for at least this long, after one step that is not (it compiles and allocates). */
export const PROBE_MS = 2000;
/** …and at least this many steps. */
const PROBE_STEPS = 3;

export async function probeSpeed(command: ProbeCommand): Promise<TrainerEvent> {
  try {
    const selection = await selectBackend(command.backend, command.threads);
    if (!selection.ok) return { type: 'error', message: selection.error, training: false };
    const firstError = analyse(command.project.graph).diagnostics.find((d) => d.severity === 'error');
    if (firstError) return { type: 'error', message: firstError.message, training: false };
    let backend = selection.chosen;
    const model = await trainableModel(command.project, command.backend, selection, (event) => {
      if (event.type === 'backend') backend = event.chosen;
    });
    const settings = command.project.training;
    model.compile({ optimizer: optimizerFor(settings), loss: LOSSES[settings.loss] });
    const shape = model.inputs[0]!.shape.slice(1) as number[];
    const classes = model.outputs[0]!.shape.at(-1) ?? 1;
    const batch = settings.batchSize;
    const x = tf.randomUniform([batch, ...shape]);
    const y = tf.oneHot(tf.randomUniform([batch], 0, classes, 'int32'), classes);
    await model.trainOnBatch(x, y);
    const start = performance.now();
    let steps = 0;
    while (steps < PROBE_STEPS || performance.now() - start < PROBE_MS) {
      await model.trainOnBatch(x, y);
      steps += 1;
    }
    const seconds = (performance.now() - start) / 1000;
    tf.dispose([x, y]);
    model.dispose();
    return {
      type: 'speed',
      samplesPerSecond: (steps * batch) / seconds,
      backend,
      threads: backend === 'wasm' ? wasmThreads() : null,
    };
  } catch (error) {
    if (error instanceof TrainingProblem) return { type: 'error', message: error.problem, training: false };
    const detail = error instanceof Error ? error.message : String(error);
    return { type: 'error', message: msg('train.internal', { detail }), training: false };
  }
}

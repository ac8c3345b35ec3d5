/**
 * Fine-tuning: a run that starts from the weights of an earlier run or of an imported model (a run's saved
 * model folder) instead of random ones. Each layer takes its weights by name (core's matchWeights, partial):
 * a layer the saved model lacks, or has in another shape — a new last Dense for this dataset's classes —
 * starts afresh, and the event says which.
 */
import type * as tf from '@tensorflow/tfjs';
import {
  layersModelJsonSchema,
  matchWeights,
  msg,
  weightBytes,
  weightSize,
  type ModelFiles,
  type StartCommand,
  type TrainerEvent,
} from '../../core/index.ts';
import { setMatchedWeights, targetWeights } from '../model/set-weights.ts';
import { TrainingProblem } from './training-problem.ts';

type StartFrom = Pick<NonNullable<StartCommand['startFrom']>, 'runId'>;

/** A saved model's weights, one array each, named as in its manifest; null where the files do not agree. */
export function savedWeights(modelJson: unknown, bytes: Uint8Array) {
  try {
    const json = layersModelJsonSchema.parse(modelJson);
    if (weightBytes(json) !== bytes.byteLength) return null;
    const all = new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
    let at = 0;
    const specs = json.weightsManifest[0]!.weights;
    const values = specs.map((spec) => all.slice(at, (at += weightSize(spec))));
    const sources = specs.map((spec, index) => ({
      key: spec.name,
      name: spec.name,
      layer: null,
      index,
      shape: spec.shape,
    }));
    return { sources, values };
  } catch {
    return null;
  }
}

/** Puts a saved model's weights (savedWeights; null: none readable) into the network, by the layers' names. */
export function startFromWeights(
  model: tf.LayersModel,
  from: StartFrom,
  saved: ReturnType<typeof savedWeights>,
): Extract<TrainerEvent, { type: 'startedFrom' }> {
  if (!saved) throw new TrainingProblem(msg('train.startFromMissing'), false);
  const layers = targetWeights(model);
  const match = matchWeights(
    layers.flatMap((l) => l.targets),
    saved.sources,
    { partial: true },
  );
  if (!match.ok) throw new TrainingProblem(match.errors[0]!, false);
  const weights = setMatchedWeights(layers, match.picks, saved.values);
  if (weights === 0) throw new TrainingProblem(msg('train.startFromNothing'), false);
  return { type: 'startedFrom', runId: from.runId, weights, fresh: match.fresh };
}

/**
 * Gives a run's network the weights it starts from (a fine-tune's: `saved`, the model folder's files as
 * read, null where unreadable), said with a startedFrom event. Refused — the network disposed — where a test
 * of weights would leave layers untrained or has no weights to test.
 */
export function giveStartingWeights(
  model: tf.LayersModel,
  run: { startFrom: StartFrom | null; testOnly: boolean },
  saved: ModelFiles | null,
  emit: (event: TrainerEvent) => void,
): void {
  try {
    if (run.startFrom) {
      const started = startFromWeights(model, run.startFrom, saved && savedWeights(saved.modelJson, saved.weights));
      // A test of weights some layers lack would test a network no one trained.
      if (run.testOnly && started.fresh.length > 0) {
        const layers = started.fresh.map((name) => `'${name}'`).join(', ');
        throw new TrainingProblem(msg('train.testFreshLayers', { layers }), false);
      }
      emit(started);
    } else if (run.testOnly) {
      throw new TrainingProblem(msg('train.testNeedsWeights'), false);
    }
  } catch (error) {
    model.dispose();
    throw error;
  }
}

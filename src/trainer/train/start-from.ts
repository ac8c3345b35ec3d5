/**
 * Fine-tuning: a run that starts from the weights of an earlier run or of an imported model (a run's saved
 * model folder) instead of random ones. Each layer takes its weights by name (core's matchWeights, partial):
 * a layer the saved model lacks, or has in another shape — a new last Dense for this dataset's classes —
 * starts afresh, and the event says which.
 */
import type * as tf from '@tensorflow/tfjs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  layersModelJsonSchema,
  matchWeights,
  msg,
  weightBytes,
  weightSize,
  type StartCommand,
  type TrainerEvent,
} from '../../core/index.ts';
import { setMatchedWeights, targetWeights } from '../model/set-weights.ts';
import { TrainingProblem } from './run-training.ts';

type StartFrom = NonNullable<StartCommand['startFrom']>;

async function savedWeights(dir: string) {
  try {
    const json = layersModelJsonSchema.parse(JSON.parse(await readFile(join(dir, 'model.json'), 'utf8')));
    const bytes = await readFile(join(dir, 'weights.bin'));
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

export async function startFromWeights(
  model: tf.LayersModel,
  from: StartFrom,
): Promise<Extract<TrainerEvent, { type: 'startedFrom' }>> {
  const saved = await savedWeights(from.dir);
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

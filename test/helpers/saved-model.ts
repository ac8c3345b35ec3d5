/** Loads a model `convstudio train --save DIR` wrote (model.json and weights.bin), as TensorFlow.js would. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { base64ToBytes, type TrainedModel } from '../../src/core/index.ts';

export async function loadSavedModel(dir: string): Promise<tf.LayersModel> {
  const modelJson = JSON.parse(readFileSync(join(dir, 'model.json'), 'utf8'));
  const bytes = readFileSync(join(dir, 'weights.bin'));
  return tf.loadLayersModel(
    tf.io.fromMemory({
      modelTopology: modelJson.modelTopology,
      weightSpecs: modelJson.weightsManifest[0].weights,
      weightData: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength),
    }),
  );
}

/** A trained model as the API gives it (`train.model`: model.json's content and base64 weights), loaded. */
export async function loadTrainedModel(trained: TrainedModel): Promise<tf.LayersModel> {
  const bytes = base64ToBytes(trained.weights);
  return tf.loadLayersModel(
    tf.io.fromMemory({
      modelTopology: trained.modelJson.modelTopology,
      weightSpecs: trained.modelJson.weightsManifest[0]!.weights,
      weightData: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength),
    }),
  );
}

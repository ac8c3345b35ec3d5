/**
 * A trained model as one download: model.json and weights.bin in a zip, as TensorFlow.js's layers format
 * keeps them. Unzipped, `tf.loadLayersModel('…/model.json')` loads it, and TensorFlow.js's converter turns
 * it into a Keras .h5 or SavedModel (docs/export.md).
 */
import { strToU8, zipSync } from 'fflate';
import { base64ToBytes } from '../datasets/sample-images.ts';
import type { TrainedModel } from '../api/api-schema.ts';

export function tfjsModelZip(trained: TrainedModel): Uint8Array {
  const modelJson = {
    ...trained.modelJson,
    weightsManifest: [{ ...trained.modelJson.weightsManifest[0]!, paths: ['./weights.bin'] }],
  };
  return zipSync({
    'model.json': strToU8(JSON.stringify(modelJson)),
    'weights.bin': [base64ToBytes(trained.weights), { level: 0 }],
  });
}

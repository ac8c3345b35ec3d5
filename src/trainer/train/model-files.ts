/**
 * A trained model in TensorFlow.js's layers format, as the files hold it (model.json and weights.bin), made
 * in memory: written to disk by the trainer process (save-model.ts), sent to the host by the page trainer.
 */
import * as tf from '@tensorflow/tfjs';
import type { ModelFiles } from '../../core/index.ts';

export async function layersModelFiles(model: tf.LayersModel): Promise<ModelFiles> {
  let files: ModelFiles | null = null;
  await model.save(
    tf.io.withSaveHandler(async (artifacts) => {
      const weights = artifacts.weightData
        ? new Uint8Array(tf.io.concatenateArrayBuffers([artifacts.weightData].flat() as ArrayBuffer[]))
        : new Uint8Array();
      files = {
        weights,
        modelJson: {
          format: 'layers-model',
          generatedBy: `TensorFlow.js tfjs-layers v${tf.version.tfjs}`,
          convertedBy: 'ConvStudio',
          modelTopology: artifacts.modelTopology,
          weightsManifest: [{ paths: ['./weights.bin'], weights: artifacts.weightSpecs }],
        },
      };
      return {
        modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON', weightDataBytes: weights.byteLength },
      };
    }),
  );
  return files!;
}

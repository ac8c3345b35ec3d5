/**
 * A run's model folder in TensorFlow.js's layers format (model.json + weights.bin, loadable by
 * tf.loadLayersModel), written when a run or an import saves its network; read-model-folder.ts reads it.
 */
import type * as tf from '@tensorflow/tfjs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { layersModelFiles } from './model-files.ts';

export async function saveLayersModel(model: tf.LayersModel, dir: string): Promise<void> {
  const { modelJson, weights } = await layersModelFiles(model);
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, 'weights.bin'), weights);
  await writeFile(join(dir, 'model.json'), JSON.stringify(modelJson));
}

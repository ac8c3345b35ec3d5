/**
 * A run's model folder in TensorFlow.js's layers format (model.json + weights.bin, loadable by
 * tf.loadLayersModel): written when a run or an import saves its network, read when a run starts from it.
 */
import type * as tf from '@tensorflow/tfjs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ModelFiles } from '../../core/index.ts';
import { layersModelFiles } from './model-files.ts';

export async function saveLayersModel(model: tf.LayersModel, dir: string): Promise<void> {
  const { modelJson, weights } = await layersModelFiles(model);
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, 'weights.bin'), weights);
  await writeFile(join(dir, 'model.json'), JSON.stringify(modelJson));
}

/** A model folder's two files as they are (checked by whoever reads them); null where either is unreadable. */
export async function readModelFolder(dir: string): Promise<ModelFiles | null> {
  try {
    const [json, weights] = await Promise.all([
      readFile(join(dir, 'model.json'), 'utf8'),
      readFile(join(dir, 'weights.bin')),
    ]);
    return { modelJson: JSON.parse(json) as unknown, weights };
  } catch {
    return null;
  }
}

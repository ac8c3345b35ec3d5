/**
 * A run's model folder (model.json + weights.bin) read as it is, for a run that starts from it and for the
 * host that hands it to the page. No TensorFlow.js here: the host loads this too.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ModelFiles } from '../../core/index.ts';

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

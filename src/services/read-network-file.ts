/**
 * The network of any model file, for the commands that show or train it (`convstudio summary`, `train`):
 * JSON files are read as text; a .keras or .h5 file is read in a trainer process, as the app opens it, and
 * only its structure is kept.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { LoadOptions, LoadResult } from '../core/index.ts';
import { signature } from './open-file.ts';
import { readModelFile } from './read-model-file.ts';
import { askTrainer } from './trainer-client.ts';

export async function readNetworkFile(path: string, options: LoadOptions = {}): Promise<LoadResult> {
  if ((await signature(path)) === 'text') return readModelFile(path, options);
  const saveDir = await mkdtemp(join(tmpdir(), 'convstudio-read-'));
  try {
    const { answer, errors } = await askTrainer(
      { type: 'import', path, fileName: basename(path), saveDir },
      'imported',
    );
    if (!answer) return { ok: false, errors };
    return answer.project ? { ok: true, project: answer.project, kind: 'keras' } : { ok: false, errors: answer.errors };
  } finally {
    await rm(saveDir, { recursive: true, force: true });
  }
}

/**
 * Files the browser host's page opens together (a model.json with its weights files and metadata.json,
 * or one .keras or .h5 file): written to a folder of their own in the app's data folder, opened as files
 * on disk are, and removed once read — the trained weights are kept as the run's model, not as uploads.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { msg, type ApiArgs, type OpenedFile } from '../core/index.ts';
import { openAnyFile, type OpenContext } from './open-file.ts';

type Uploaded = ApiArgs<'project.openFiles'>['files'];

/** The file the others go with: the .keras or .h5 file, else model.json, else the one JSON file. */
export function mainFile(files: Uploaded): string | null {
  const names = files.map((f) => f.name);
  const binary = names.find((n) => /\.(keras|h5|hdf5)$/i.test(n));
  if (binary) return binary;
  if (names.includes('model.json')) return 'model.json';
  const json = names.filter((n) => /\.json$/i.test(n) && n.toLowerCase() !== 'metadata.json');
  return json.length === 1 ? json[0]! : null;
}

export async function openUploadedFiles(files: Uploaded, dataDir: string, context: OpenContext): Promise<OpenedFile> {
  const main = mainFile(files);
  const names = files.map((f) => f.name).join(', ');
  if (!main) return { path: names, result: { ok: false, errors: [msg('file.noModelAmong', { names })] } };
  const folder = join(dataDir, 'uploads', randomUUID());
  try {
    await mkdir(folder, { recursive: true });
    for (const file of files) await writeFile(join(folder, file.name), Buffer.from(file.base64, 'base64'));
    const opened = await openAnyFile(join(folder, main), { ...context, recent: null }, main);
    return { ...opened, path: main };
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

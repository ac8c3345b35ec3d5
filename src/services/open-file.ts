/**
 * Opening any file by its path, as Open, a dropped file, the command line and recent files do: projects,
 * exercises and model configs are read as text (read-model-file.ts); a trained model file — a .keras or
 * .h5 file, or a TF.js model.json whose weights files lie beside it — opens in a trainer process with its
 * weights (TrainingService.importModel). A model.json whose weights are not there opens for its structure,
 * and the notice says which files are missing.
 */
import { open, readFile, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import {
  PRETRAINED,
  SIGNATURE_BYTES,
  fileSignature,
  msg,
  weightsNotImported,
  parseJsonText,
  readWeightsManifest,
  type Msg,
  type OpenedFile,
} from '../core/index.ts';
import { openProject } from './project-files.ts';
import { pretrainedDir } from './package-root.ts';
import type { RecentFiles } from './recent-files.ts';
import type { TrainingService } from './training-service.ts';

export interface OpenContext {
  /** Null for copies (uploads), which are not offered again. */
  recent: RecentFiles | null;
  training: TrainingService;
}

/** A file's kind by its first bytes (an unreadable file counts as text: reading it as text says why). */
export async function signature(path: string): Promise<ReturnType<typeof fileSignature>> {
  try {
    const handle = await open(path, 'r');
    try {
      const { buffer, bytesRead } = await handle.read(Buffer.alloc(SIGNATURE_BYTES), 0, SIGNATURE_BYTES, 0);
      return fileSignature(buffer.subarray(0, bytesRead));
    } finally {
      await handle.close();
    }
  } catch {
    return 'text'; // unreadable: reading it as text says why
  }
}

const exists = (path: string) =>
  stat(path).then(
    (s) => s.isFile(),
    () => false,
  );

/** Most missing files a notice names. */
const FILES_NAMED = 3;

/**
 * Whether a model.json's weights can be read: 'none' where it names no weights files, 'all' where every
 * one is beside it, or what to tell the person (files missing, a manifest that cannot be used).
 */
async function shardsBeside(path: string, fileName: string): Promise<'none' | 'all' | Msg[]> {
  const json = parseJsonText(await readFile(path, 'utf8'), fileName);
  if (!json.ok) return 'none';
  const manifest = readWeightsManifest(json.value, fileName);
  if (!manifest.ok) return weightsNotImported(fileName, manifest.errors);
  if (manifest.files.length === 0) return 'none';
  const present = await Promise.all(manifest.files.map((f) => exists(join(dirname(path), f))));
  const missing = manifest.files.filter((_, i) => !present[i]);
  if (missing.length === 0) return 'all';
  const shards = missing.slice(0, FILES_NAMED).join(', ') + (missing.length > FILES_NAMED ? ', …' : '');
  return [msg('weights.shardMissing', { file: fileName, shards })];
}

/** `fileName`: the name the person knows the file by, where `path` is a copy (an upload). */
export async function openAnyFile(path: string, context: OpenContext, fileName = basename(path)): Promise<OpenedFile> {
  if ((await signature(path)) !== 'text') return importTrained(path, fileName, context);
  const opened = await openProject(path, context.recent);
  if (!opened.result.ok || opened.result.kind !== 'tfjs') return opened;
  const shards = await shardsBeside(path, fileName).catch(() => 'none' as const);
  if (shards === 'none') return opened;
  if (shards !== 'all') return { ...opened, notices: shards };
  const imported = await importTrained(path, fileName, context);
  // The network opened as text stays open if the trainer could not read the file at all.
  if (imported.result.ok) return imported;
  return { ...opened, notices: weightsNotImported(fileName, imported.result.errors) };
}

async function importTrained(path: string, fileName: string, context: OpenContext): Promise<OpenedFile> {
  const imported = await context.training.importModel(path, fileName);
  if (!imported.ok) return { path, result: { ok: false, errors: imported.errors } };
  return { path, result: { ok: true, project: imported.project, kind: 'keras' }, notices: imported.notices };
}

/** One of the trained networks that ship with ConvStudio, opened as a file that is not the person's to save over. */
export async function openPretrained(id: string, context: OpenContext): Promise<OpenedFile> {
  const pretrained = PRETRAINED.find((p) => p.id === id)!;
  const opened = await openAnyFile(join(pretrainedDir(), pretrained.file), { ...context, recent: null });
  return { ...opened, path: pretrained.name.en };
}

/** Saving and opening projects and exercises on disk, with recent files kept up to date; saving PDFs. */
import { mkdir, open } from 'node:fs/promises';
import { dirname } from 'node:path';
import {
  EXERCISE_EXTENSION,
  EXERCISE_FORMAT,
  PROJECT_FORMAT,
  msg,
  type Exercise,
  type OpenedFile,
  type Project,
  type SaveResult,
} from '../core/index.ts';
import { writeFileAtomic } from './atomic-write.ts';
import { readModelFile } from './read-model-file.ts';
import type { RecentFiles } from './recent-files.ts';

export const PROJECT_EXTENSION = '.convstudio.json';

/** Writes a file atomically, making its folder; a failure is a message naming the file and the reason. */
export async function writeDocument(target: string, data: string | Uint8Array): Promise<SaveResult> {
  try {
    await mkdir(dirname(target), { recursive: true });
    await writeFileAtomic(target, data);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : String(error));
    return { ok: false, errors: [msg('file.cannotSave', { path: target, reason })] };
  }
  return { ok: true, path: target };
}

/**
 * The path a save writes, with ConvStudio's extension for it: 'net' and 'net.json' → 'net.convstudio.json'
 * (or the exercise's, or '.pdf'); a name that already has it stays. A save never writes another kind of file
 * (a project save once overwrote a settings.json it was given).
 */
export function documentPath(path: string, extension: string): string {
  if (path.toLowerCase().endsWith(extension)) return path;
  return `${path.replace(/(\.exercise)?\.convstudio\.json$|\.json$/i, '')}${extension}`;
}

/** Whether `path` holds something other than a ConvStudio project or exercise (false where nothing is there). */
async function holdsOtherFile(path: string): Promise<boolean> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    return (error as NodeJS.ErrnoException).code !== 'ENOENT';
  }
  try {
    // A document says what it is near its start: {"format": "convstudio", …}.
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(256), 0, 256, 0);
    const head = buffer.subarray(0, bytesRead).toString('utf8');
    const format = /^\s*\{\s*"format"\s*:\s*"([\w-]+)"/.exec(head)?.[1];
    return format !== PROJECT_FORMAT && format !== EXERCISE_FORMAT;
  } catch {
    return false; // not readable as a file (a folder, say): the write itself will say why it fails
  } finally {
    await handle.close();
  }
}

async function saveJson(
  path: string,
  value: unknown,
  extension: string,
  recent: RecentFiles,
  overwrite: boolean,
): Promise<SaveResult> {
  const target = documentPath(path, extension);
  if (!overwrite && (await holdsOtherFile(target))) {
    return { ok: false, errors: [msg('file.notOurs', { path: target })], notOurs: target };
  }
  const result = await writeDocument(target, JSON.stringify(value, null, 2) + '\n');
  if (result.ok) await recent.add(result.path);
  return result;
}

export const saveProject = (path: string, project: Project, recent: RecentFiles, overwrite = false) =>
  saveJson(path, project, PROJECT_EXTENSION, recent, overwrite);

export const saveExercise = (path: string, exercise: Exercise, recent: RecentFiles, overwrite = false) =>
  saveJson(path, exercise, EXERCISE_EXTENSION, recent, overwrite);

/** `recent`: null where the file is a copy that will be gone (an upload), not a file to offer again. */
export async function openProject(path: string, recent: RecentFiles | null): Promise<OpenedFile> {
  const result = await readModelFile(path);
  if (recent && result.ok && (result.kind === 'project' || result.kind === 'exercise')) await recent.add(path);
  return { path, result };
}

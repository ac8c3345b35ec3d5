/** Saving and opening projects and exercises on disk, with recent files kept up to date; saving PDFs. */
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import {
  EXERCISE_EXTENSION,
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

/** 'net' → 'net.convstudio.json'; names that already end in the extension's last part stay as they are. */
export function withExtension(path: string, extension: string): string {
  const last = extension.slice(extension.lastIndexOf('.'));
  return path.toLowerCase().endsWith(last) ? path : `${path}${extension}`;
}

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

async function saveJson(path: string, value: unknown, extension: string, recent: RecentFiles): Promise<SaveResult> {
  const result = await writeDocument(withExtension(path, extension), JSON.stringify(value, null, 2) + '\n');
  if (result.ok) await recent.add(result.path);
  return result;
}

export function saveProject(path: string, project: Project, recent: RecentFiles): Promise<SaveResult> {
  return saveJson(path, project, PROJECT_EXTENSION, recent);
}

export function saveExercise(path: string, exercise: Exercise, recent: RecentFiles): Promise<SaveResult> {
  return saveJson(path, exercise, EXERCISE_EXTENSION, recent);
}

export async function openProject(path: string, recent: RecentFiles): Promise<OpenedFile> {
  const result = await readModelFile(path);
  if (result.ok && (result.kind === 'project' || result.kind === 'exercise')) await recent.add(path);
  return { path, result };
}

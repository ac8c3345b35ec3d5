/** Saving and opening projects on disk, with recent files kept up to date. */
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { msg, type OpenedFile, type Project, type SaveResult } from '../core/index.ts';
import { writeFileAtomic } from './atomic-write.ts';
import { readModelFile } from './read-model-file.ts';
import type { RecentFiles } from './recent-files.ts';

export const PROJECT_EXTENSION = '.convstudio.json';

/** 'net' → 'net.convstudio.json'; names that already end in .json stay as they are. */
export function withProjectExtension(path: string): string {
  return /\.json$/i.test(path) ? path : `${path}${PROJECT_EXTENSION}`;
}

export async function saveProject(path: string, project: Project, recent: RecentFiles): Promise<SaveResult> {
  const target = withProjectExtension(path);
  try {
    await mkdir(dirname(target), { recursive: true });
    await writeFileAtomic(target, JSON.stringify(project, null, 2) + '\n');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : String(error));
    return { ok: false, errors: [msg('file.cannotSave', { path: target, reason })] };
  }
  await recent.add(target);
  return { ok: true, path: target };
}

export async function openProject(path: string, recent: RecentFiles): Promise<OpenedFile> {
  const result = await readModelFile(path);
  if (result.ok && result.kind === 'project') await recent.add(path);
  return { path, result };
}

/** Reads a project or model file from disk into a LoadResult; every failure becomes a message. */
import { readFile, stat } from 'node:fs/promises';
import {
  MAX_MODEL_FILE_BYTES,
  formatBytes,
  loadModelText,
  msg,
  type LoadOptions,
  type LoadResult,
} from '../core/index.ts';

export async function readModelFile(path: string, options: LoadOptions = {}): Promise<LoadResult> {
  let size: number;
  try {
    const info = await stat(path);
    if (info.isDirectory()) return { ok: false, errors: [msg('file.isFolder', { path })] };
    size = info.size;
  } catch (error) {
    return { ok: false, errors: [fileError(path, error)] };
  }
  if (size > MAX_MODEL_FILE_BYTES) {
    return {
      ok: false,
      errors: [
        msg('file.tooLarge', {
          path,
          size: formatBytes(size),
          max: formatBytes(MAX_MODEL_FILE_BYTES),
        }),
      ],
    };
  }
  try {
    return loadModelText(await readFile(path, 'utf8'), path, options);
  } catch (error) {
    return { ok: false, errors: [fileError(path, error)] };
  }
}

function fileError(path: string, error: unknown) {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return msg('file.notFound', { path });
  if (code === 'EISDIR') return msg('file.isFolder', { path });
  return msg('file.unreadable', {
    path,
    reason: code ?? (error instanceof Error ? error.message : String(error)),
  });
}

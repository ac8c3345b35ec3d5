/** Reads an IDX file from disk, gunzipping it when it is compressed (as Debian and most mirrors ship them). */
import { readFile } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import { MAX_DATASET_FILE_BYTES, formatBytes, msg, parseIdx, type IdxResult } from '../../core/index.ts';

export async function readIdxFile(path: string, maxBytes = MAX_DATASET_FILE_BYTES): Promise<IdxResult> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (error) {
    return {
      ok: false,
      error: msg('data.unreadable', { file: path, reason: (error as NodeJS.ErrnoException).code ?? String(error) }),
    };
  }
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
    try {
      // Unpacked no further than the cap: a small .gz can hold gigabytes.
      bytes = gunzipSync(bytes, { maxOutputLength: maxBytes + 4096 });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') {
        return {
          ok: false,
          error: msg('data.gzipTooLarge', { file: path, max: formatBytes(maxBytes) }),
        };
      }
      return { ok: false, error: msg('data.unreadable', { file: path, reason: 'damaged gzip' }) };
    }
  }
  return parseIdx(bytes, path, maxBytes);
}

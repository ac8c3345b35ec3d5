/**
 * Writes a file so that a crash or a power cut mid-save never leaves it broken: the data (text as UTF-8) goes
 * to a temporary file beside it, is flushed to disk, replaces the old file in one rename, and the folder is
 * flushed too so that the rename itself survives. A save killed before its rename leaves its temporary file
 * behind; `sweepStaleTemporaryFiles` removes those on the next start.
 */
import { randomBytes } from 'node:crypto';
import { open, readdir, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** `.NAME.PID.HEX.tmp`: the temporary files of ConvStudio's saves, and only those. */
const TEMPORARY = /^\..+\.(\d+)\.[0-9a-f]{8}\.tmp$/;
/** A temporary file older than this is stale even if its process number is in use again. */
const STALE_MS = 60 * 60 * 1000;

export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    const handle = await open(temp, 'w');
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  await syncFolder(dirname(path));
}

/** Flushes a folder's entries (the rename) to disk; where the system cannot (Windows), the rename stands. */
async function syncFolder(folder: string): Promise<void> {
  try {
    const handle = await open(folder, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // EISDIR/EPERM on Windows: folders cannot be opened for flushing there.
  }
}

function processIsGone(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

/**
 * Removes the temporary files that killed saves left in these folders: those whose process has gone, or that
 * are over an hour old. Returns what it removed. Unreadable folders are passed over.
 */
export async function sweepStaleTemporaryFiles(folders: Iterable<string>): Promise<string[]> {
  const removed: string[] = [];
  for (const folder of new Set(folders)) {
    let names: string[];
    try {
      names = await readdir(folder);
    } catch {
      continue;
    }
    for (const name of names) {
      const match = TEMPORARY.exec(name);
      if (!match) continue;
      const path = join(folder, name);
      const pid = Number(match[1]);
      try {
        const old = Date.now() - (await stat(path)).mtimeMs > STALE_MS;
        if ((pid !== process.pid && processIsGone(pid)) || old) {
          await rm(path, { force: true });
          removed.push(path);
        }
      } catch {
        // gone already, or not ours to remove
      }
    }
  }
  return removed;
}

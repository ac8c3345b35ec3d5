/**
 * Saves killed in the middle (SIGKILL, as a crash or a power cut would end them): the file is always one
 * whole version, and the temporary files the killed saves leave are gone once ConvStudio starts again (the
 * real browser host, on the same data and projects folders). Issue 14: 8 kills had left 95 MB behind.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, it } from 'vitest';
import { serve } from '../helpers/browser-host.ts';

const ATOMIC = pathToFileURL(join(import.meta.dirname, '../../src/services/atomic-write.ts')).href;
const TSX = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
const temporaries = (dir: string) => readdirSync(dir).filter((name) => name.endsWith('.tmp'));

/** Starts a process that saves `target` over and over (8 MB, every byte the save's number) and kills it mid-save. */
async function killMidSave(dir: string, target: string, round: number): Promise<void> {
  const saver = join(dir, 'saver.mjs');
  writeFileSync(
    saver,
    `import { writeFileAtomic } from ${JSON.stringify(ATOMIC)};
     for (let i = 1; ; i++) await writeFileAtomic(${JSON.stringify(target)}, Buffer.alloc(8 << 20, (${round} * 16 + i) % 256));`,
  );
  const child = spawn(process.execPath, ['--import', TSX, saver], { stdio: 'ignore' });
  const before = new Set(temporaries(dir));
  // Kill it while its temporary file is there: mid-save, before the rename.
  while (temporaries(dir).every((name) => before.has(name))) await new Promise((r) => setTimeout(r, 2));
  child.kill('SIGKILL');
  await new Promise((resolve) => child.once('exit', resolve));
}

it('a killed save leaves a whole file, and its temporary file goes at the next start', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'convstudio-killed-'));
  const target = join(dir, 'net.convstudio.json');
  for (let round = 0; round < 4; round++) {
    await killMidSave(dir, target, round);
    const saved = readFileSync(target, { flag: 'a+' });
    // Nothing, or one whole version: 8 MB of one byte value.
    if (saved.length > 0) {
      expect(saved.length).toBe(8 << 20);
      expect(saved.every((b) => b === saved[0])).toBe(true);
    }
  }
  expect(temporaries(dir).length).toBeGreaterThanOrEqual(4);
  // Somebody else's file that only looks alike is not touched.
  writeFileSync(join(dir, 'notes.tmp'), 'mine');

  const served = await serve(null, { dataDir: join(dir, 'data'), projectsDir: dir });
  try {
    await expect.poll(() => temporaries(dir), { timeout: 5_000 }).toEqual(['notes.tmp']);
  } finally {
    await served.stop();
  }
}, 60_000);

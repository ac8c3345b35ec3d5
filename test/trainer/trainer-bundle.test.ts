/**
 * The trainer as the app ships it: electron-vite's bundle out/main/trainer.js (what Electron's
 * utilityProcess starts), run here with plain Node. Also: a trainer whose owner dies does not stay behind.
 */
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findTemplate, makeProject, type TrainerEvent } from '../../src/core/index.ts';
import { forkTrainer, startTrainer, trainerBundle } from '../../src/services/trainer-client.ts';

// test/global-setup.ts has built the app.
const TRAINER_BUNDLE = trainerBundle();

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('the bundled trainer', () => {
  it('trains with plain Node, no TypeScript loader', async () => {
    const project = makeProject(findTemplate('mnist-4-layer')!.build(), 'bundle');
    project.training.epochs = 1;
    const events: TrainerEvent[] = [];
    const run = startTrainer(
      { type: 'start', project, dataset: { kind: 'builtin', name: 'mnist' }, limitSamples: 256 },
      (e) => events.push(e),
      () => forkTrainer(TRAINER_BUNDLE),
    );
    await run.finished;
    expect(events.map((e) => e.type)).toEqual(expect.arrayContaining(['backend', 'dataset', 'epoch', 'evaluation']));
    expect(events.at(-1)).toEqual({ type: 'done', stopped: false, savedTo: null });
  }, 60_000);

  it.each(['tiny-cnn.keras', 'tiny-cnn.h5', 'teachable/model.json'])(
    'opens a trained model file with its weights: %s (HDF5 in WebAssembly, zip, TF.js)',
    async (file) => {
      const events: TrainerEvent[] = [];
      const path = join(import.meta.dirname, '../fixtures/trained', file);
      const saveDir = join(tmpdir(), `convstudio-bundle-import-${process.pid}-${file.replace(/\W/g, '_')}`);
      const run = startTrainer(
        { type: 'import', path, fileName: file, saveDir },
        (e) => events.push(e),
        () => forkTrainer(TRAINER_BUNDLE),
      );
      await run.finished;
      expect(events.map((e) => (e.type === 'error' ? e.message : e.type))).toEqual(['imported']);
      expect(events[0]).toMatchObject({ type: 'imported', weights: 4, weightProblems: [], errors: [] });
    },
    60_000,
  );

  it('ends when its owner is killed, even while paused (it sends nothing then)', async () => {
    const owner = join(tmpdir(), `convstudio-owner-${process.pid}.mjs`);
    writeFileSync(
      owner,
      `import { fork } from 'node:child_process';
       const project = JSON.parse(process.argv[2]);
       const child = fork(${JSON.stringify(TRAINER_BUNDLE)}, [], { stdio: ['ignore', 'ignore', 'ignore', 'ipc'] });
       child.send({ type: 'start', project, dataset: { kind: 'builtin', name: 'mnist' } });
       child.on('message', (m) => {
         if (m.type === 'progress') child.send({ type: 'pause' });
         if (m.type === 'paused') console.log('trainer ' + child.pid);
       });`,
    );
    const project = makeProject(findTemplate('textbook-mnist')!.build(), 'orphan');
    const parent = spawn(process.execPath, [owner, JSON.stringify(project)], { stdio: ['ignore', 'pipe', 'ignore'] });
    const trainerPid = await new Promise<number>((resolve) =>
      parent.stdout.on('data', (d) => {
        const match = /trainer (\d+)/.exec(String(d));
        if (match) resolve(Number(match[1]));
      }),
    );
    expect(alive(trainerPid)).toBe(true);
    parent.kill('SIGKILL');
    await expect.poll(() => alive(trainerPid), { timeout: 5_000 }).toBe(false);
  }, 60_000);
});

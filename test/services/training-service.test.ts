/**
 * The training service's idea of "a run is going on", with the trainer process replaced by a stand-in
 * whose exit the test decides: a run is over for the page once it reports done, while its process may
 * still be exiting; closing the host still ends every trainer process.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findTemplate, makeProject, type MeasuredSpeed, type Msg } from '../../src/core/index.ts';
import type { TrainerProcess } from '../../src/services/trainer-client.ts';
import { TrainingService } from '../../src/services/training-service.ts';

/** A trainer that answers 'start' with done, and exits only when told (or killed). */
function standIn() {
  let onMessage: (raw: unknown) => void = () => {};
  let onExit: (crash: Msg | null) => void = () => {};
  const process = {
    alive: true,
    send: () => queueMicrotask(() => onMessage({ type: 'done', stopped: false, savedTo: null })),
    onMessage: (listener: (raw: unknown) => void) => (onMessage = listener),
    onExit: (listener: (crash: Msg | null) => void) => (onExit = listener),
    kill: () => process.exit(),
    exit: () => {
      if (!process.alive) return;
      process.alive = false;
      onExit(null);
    },
  };
  return process;
}

describe('TrainingService', () => {
  const start = {
    project: makeProject(findTemplate('textbook-mnist')!.build()),
    backend: 'wasm',
    threads: null,
    measured: [] as MeasuredSpeed[],
    limitSamples: 64,
    startFrom: null,
    testOnly: false,
  } as const;

  it('takes a new run as soon as the last one reports done, and ends every process on shutdown', async () => {
    const launched: ReturnType<typeof standIn>[] = [];
    const service = new TrainingService({
      dataDir: mkdtempSync(join(tmpdir(), 'convstudio-service-')),
      emit: () => {},
      launch: () => {
        const child = standIn();
        launched.push(child);
        return child as TrainerProcess;
      },
    });
    expect(service.start(start).ok).toBe(true);
    expect(service.start(start)).toMatchObject({ ok: false, errors: [{ key: 'train.alreadyRunning' }] });
    await new Promise((resolve) => setTimeout(resolve, 0));
    // Done reported, the process not yet gone: the page may train again.
    expect(launched[0]!.alive).toBe(true);
    expect(service.running).toBe(false);
    expect(service.start(start).ok).toBe(true);
    await service.shutdown();
    expect(launched.map((child) => child.alive)).toEqual([false, false]);
  });
});

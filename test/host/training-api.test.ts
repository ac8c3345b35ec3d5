/**
 * Training through the browser host's API, as the page uses it: a real host on 127.0.0.1, a real WebSocket,
 * real trainer processes, events pushed back over the socket.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import WebSocket from 'ws';
import {
  analyse,
  base64ToBytes,
  findTemplate,
  makeProject,
  translate,
  type HostEvent,
  type MeasuredSpeed,
  type TrainedModel,
  type TrainerEvent,
} from '../../src/core/index.ts';
import { startHost, type RunningHost } from '../../src/host/server.ts';
import { createApiHandlers } from '../../src/services/api-handlers.ts';
import { DESCRIBE_AT_ONCE, TrainingService } from '../../src/services/training-service.ts';
import { descendants } from '../helpers/browser-host.ts';
import { defaultThreads } from '../../src/trainer/backends/wasm-threads.ts';
import { loadTrainedModel } from '../helpers/saved-model.ts';
import { pythonForCheck, standInGpuPython } from '../helpers/torch-python.ts';

const torchPython = pythonForCheck();

let host: RunningHost;
let ws: WebSocket;
let training: TrainingService;
const root = mkdtempSync(join(tmpdir(), 'convstudio-training-api-'));
const hostEvents: HostEvent[] = [];
let nextId = 1;

beforeAll(async () => {
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>ConvStudio</title>');
  let running: RunningHost | null = null;
  training = new TrainingService({ dataDir: join(root, 'data'), emit: (e) => running?.broadcast(e) });
  const handlers = createApiHandlers({
    host: 'browser',
    version: '1',
    systemLang: 'en',
    initialFile: null,
    dataDir: join(root, 'data'),
    projectsFolder: join(root, 'projects'),
    training,
  });
  host = running = await startHost({ rendererDir: root, handlers, port: 0, log: () => {} });
  ws = new WebSocket(`ws://127.0.0.1:${host.port}/api?token=${host.token}`, {
    origin: `http://127.0.0.1:${host.port}`,
  });
  await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
  ws.on('message', (data) => {
    const message = JSON.parse(data.toString());
    if ('event' in message) hostEvents.push(message.event);
  });
});

afterAll(async () => {
  ws.close();
  await training.shutdown();
  await host.close();
});

function call<T>(method: string, params: unknown): Promise<{ ok: boolean; value?: T; error?: unknown }> {
  const id = nextId++;
  return new Promise((resolve) => {
    const listen = (data: WebSocket.RawData) => {
      const message = JSON.parse(data.toString());
      if (message.id !== id) return;
      ws.off('message', listen);
      resolve(message.result);
    };
    ws.on('message', listen);
    ws.send(JSON.stringify({ id, method, params }));
  });
}

const eventsOf = (runId: string): TrainerEvent[] => hostEvents.filter((e) => e.runId === runId).map((e) => e.event);

function quickProject() {
  const project = makeProject(findTemplate('textbook-mnist')!.build(), 'quick');
  project.training.epochs = 1;
  return project;
}

describe('training through the host API', () => {
  it('streams a run to the page, then hands over the trained model', async () => {
    const started = await call<{ ok: boolean; runId: string }>('train.start', {
      project: quickProject(),
      limitSamples: 512,
    });
    expect(started.ok).toBe(true);
    const runId = started.value!.runId;
    expect(runId).toMatch(/^run-/);

    const second = await call<{ ok: boolean; errors: unknown[] }>('train.start', { project: quickProject() });
    expect(second.value).toMatchObject({ ok: false, errors: [{ key: 'train.alreadyRunning' }] });

    await expect.poll(() => eventsOf(runId).at(-1)?.type, { timeout: 60_000, interval: 200 }).toBe('done');
    const events = eventsOf(runId);
    // The host's trainer computes on every core (one left to the window from four up): the threaded build.
    expect(events[0]).toMatchObject({ type: 'backend', chosen: 'wasm', threads: defaultThreads() });
    const dataset = events.find((e) => e.type === 'dataset');
    expect(dataset).toMatchObject({ name: 'MNIST', train: 461, validation: 51, test: 10_000 });
    expect(events.some((e) => e.type === 'epoch')).toBe(true);
    // After the last epoch, the test images checked are counted up to all 10,000, before the evaluation.
    const testing = events.filter((e) => e.type === 'testing');
    expect(testing[0]).toEqual({ type: 'testing', done: 0, total: 10_000 });
    expect(testing.at(-1)).toEqual({ type: 'testing', done: 10_000, total: 10_000 });
    expect(events.findIndex((e) => e.type === 'testing')).toBeGreaterThan(
      events.findLastIndex((e) => e.type === 'epoch'),
    );
    const evaluation = events.find((e) => e.type === 'evaluation');
    if (evaluation?.type !== 'evaluation') throw new Error('no evaluation');
    expect(events.indexOf(evaluation)).toBeGreaterThan(events.indexOf(testing.at(-1)!));
    expect(evaluation.gallery.length).toBeGreaterThan(0);
    const wrong = evaluation.gallery[0]!;
    expect(wrong.predicted).not.toBe(wrong.label);
    expect(base64ToBytes(wrong.pixels).length).toBe(28 * 28);
    expect(events.at(-1)).toMatchObject({ type: 'done', stopped: false, savedTo: training.modelDir(runId) });

    const model = await call<{ modelJson: { modelTopology: unknown }; weights: string }>('train.model', { runId });
    expect(model.value!.modelJson.modelTopology).toBeTruthy();
    // Every parameter the core counts, as float32.
    const parameters = analyse(quickProject().graph).totals.total;
    expect(parameters).toBe(242_062);
    expect(base64ToBytes(model.value!.weights).length).toBe(4 * parameters);
  }, 90_000);

  it.skipIf(!torchPython)(
    'trains on PyTorch when asked: the page gets a model that guesses as PyTorch did',
    async () => {
      const started = await call<{ ok: boolean; runId: string }>('train.start', {
        project: quickProject(),
        backend: 'pytorch',
        limitSamples: 2_000,
      });
      const runId = started.value!.runId;
      await expect.poll(() => eventsOf(runId).at(-1)?.type, { timeout: 60_000, interval: 200 }).toBe('done');
      const events = eventsOf(runId);
      expect(events[0]).toMatchObject({ type: 'backend', chosen: 'pytorch', threads: null });
      const evaluation = events.find((e) => e.type === 'evaluation');
      if (evaluation?.type !== 'evaluation') throw new Error('no evaluation');
      expect(evaluation.testAccuracy).toBeGreaterThan(0.5);

      // The images the results show, each with PyTorch's guess: the page's TensorFlow.js model guesses the same.
      const trained = await call<TrainedModel>('train.model', { runId });
      const model = await loadTrainedModel(trained.value!);
      const shown = [...evaluation.gallery, ...evaluation.examples];
      expect(shown.length).toBeGreaterThan(20);
      const x = tf.tensor4d(
        shown.flatMap((s) => Array.from(base64ToBytes(s.pixels), (v) => v / 255)),
        [shown.length, 28, 28, 1],
      );
      const guesses = Array.from((model.predict(x) as tf.Tensor).argMax(1).dataSync());
      expect(guesses).toEqual(shown.map((s) => s.predicted));
      tf.dispose([x]);
      model.dispose();

      const measured = await call<{ ok: boolean; backend: string; samplesPerSecond: number }>('train.probe', {
        project: quickProject(),
        backend: 'pytorch',
      });
      expect(measured.value).toMatchObject({ ok: true, backend: 'pytorch' });
      expect(measured.value!.samplesPerSecond).toBeGreaterThan(20);
    },
    120_000,
  );

  it.skipIf(!torchPython)(
    'under Automatic with PyTorch on a graphics card, measures once and decides from the figures the page gives back',
    async () => {
      // A stand-in Python that says it has a graphics card (the trainer processes read it when they start).
      const saved = { python: process.env.CONVSTUDIO_PYTHON, device: process.env.CONVSTUDIO_TORCH_DEVICE };
      process.env.CONVSTUDIO_PYTHON = standInGpuPython(mkdtempSync(join(root, 'python-')), torchPython!);
      process.env.CONVSTUDIO_TORCH_DEVICE = 'cpu';
      /** The events of an automatic run up to its backend event; the run is then stopped. */
      const choose = async (measured: MeasuredSpeed[] | undefined) => {
        const started = await call<{ ok: boolean; runId: string }>('train.start', {
          project: quickProject(),
          limitSamples: 512,
          ...(measured ? { measured } : {}),
        });
        const runId = started.value!.runId;
        await expect
          .poll(() => eventsOf(runId).some((e) => e.type === 'backend'), { timeout: 60_000, interval: 100 })
          .toBe(true);
        await call('train.stop', { runId });
        await expect.poll(() => eventsOf(runId).at(-1)?.type, { timeout: 60_000, interval: 200 }).toBe('done');
        const events = eventsOf(runId);
        const backend = events.find((e) => e.type === 'backend');
        if (backend?.type !== 'backend') throw new Error('no backend event');
        return { measuring: events.some((e) => e.type === 'measuring'), backend };
      };
      try {
        // Nothing known: both are measured, said first.
        const first = await choose(undefined);
        expect(first.measuring).toBe(true);
        expect(first.backend.measured.map((m) => m.backend)).toEqual(['pytorch', 'wasm']);
        // The figures given back: no measuring, and the faster by them trains, whichever it is.
        for (const [torch, wasm, chosen] of [
          [10, 1_000, 'wasm'],
          [1_000, 10, 'pytorch'],
        ] as const) {
          const figures: MeasuredSpeed[] = [
            { backend: 'pytorch', samplesPerSecond: torch },
            { backend: 'wasm', samplesPerSecond: wasm },
          ];
          const again = await choose(figures);
          expect(again.measuring).toBe(false);
          expect(again.backend).toMatchObject({ chosen, measured: figures });
          const loser = again.backend.reports.find((r) => r.backend === (chosen === 'wasm' ? 'pytorch' : 'wasm'));
          expect(loser?.reason?.key).toBe('backend.measuredSlower');
        }
      } finally {
        process.env.CONVSTUDIO_PYTHON = saved.python;
        process.env.CONVSTUDIO_TORCH_DEVICE = saved.device;
        if (saved.python === undefined) delete process.env.CONVSTUDIO_PYTHON;
        if (saved.device === undefined) delete process.env.CONVSTUDIO_TORCH_DEVICE;
      }
    },
    180_000,
  );

  it('stops a run when asked and reports it stopped', async () => {
    const project = quickProject();
    project.training.epochs = 50;
    const started = await call<{ runId: string }>('train.start', { project, limitSamples: 2_000 });
    const runId = started.value!.runId;
    await expect.poll(() => eventsOf(runId).some((e) => e.type === 'progress'), { timeout: 30_000 }).toBe(true);
    await call('train.stop', { runId });
    await expect
      .poll(() => eventsOf(runId).at(-1), { timeout: 5_000 })
      .toEqual({
        type: 'done',
        stopped: true,
        savedTo: null,
      });
  }, 60_000);

  it('trains on the thread count the page asks for, and refuses an absurd one', async () => {
    const started = await call<{ runId: string }>('train.start', {
      project: quickProject(),
      limitSamples: 256,
      threads: 3,
    });
    const runId = started.value!.runId;
    await expect.poll(() => eventsOf(runId).at(-1)?.type, { timeout: 60_000, interval: 200 }).toBe('done');
    expect(eventsOf(runId)[0]).toMatchObject({ type: 'backend', chosen: 'wasm', threads: 3 });
    expect(eventsOf(runId).some((e) => e.type === 'epoch')).toBe(true);

    for (const threads of [0, 1.5, 100_000]) {
      const refused = await call('train.start', { project: quickProject(), threads });
      expect(refused.ok).toBe(false);
      expect(JSON.stringify(refused.error)).toContain('threads');
    }
  }, 90_000);

  it('measures how fast this machine trains the network, on the threads asked for', async () => {
    const measured = await call<{ ok: boolean; samplesPerSecond: number; backend: string; threads: number }>(
      'train.probe',
      { project: quickProject(), threads: 2 },
    );
    expect(measured.value).toMatchObject({ ok: true, backend: 'wasm', threads: 2 });
    // The textbook net trains hundreds of images a second on one core of a laptop, not millions.
    expect(measured.value!.samplesPerSecond).toBeGreaterThan(20);
    expect(measured.value!.samplesPerSecond).toBeLessThan(1_000_000);

    const broken = quickProject();
    broken.graph.edges = [];
    const refused = await call<{ ok: boolean; errors: { key: string }[] }>('train.probe', { project: broken });
    expect(refused.value!.ok).toBe(false);
    expect(refused.value!.errors.length).toBeGreaterThan(0);
  }, 60_000);

  it('refuses a network with errors, naming them', async () => {
    const project = quickProject();
    project.graph.edges = [];
    const result = await call<{ ok: boolean; errors: { key: string }[] }>('train.start', { project });
    expect(result.value!.ok).toBe(false);
    expect(result.value!.errors.length).toBeGreaterThan(0);
  });
});

describe('describing a dataset', () => {
  it('gives classes, counts and a preview of built-in MNIST', async () => {
    const result = await call<{ ok: true; dataset: Extract<TrainerEvent, { type: 'dataset' }> }>('dataset.describe', {
      dataset: { kind: 'builtin', name: 'mnist' },
      inputShape: [28, 28, 1],
    });
    const dataset = result.value!.dataset;
    expect(dataset).toMatchObject({ name: 'MNIST', shape: [28, 28, 1], train: 54_000, validation: 6_000 });
    expect(dataset.classCounts).toEqual([5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949]);
    expect(dataset.preview).toHaveLength(40);
    expect(dataset.preview.filter((p) => p.label === 7)).toHaveLength(4);
  }, 30_000);

  it('names the file and the problem of a broken dataset, in both languages', async () => {
    const folder = join(root, 'broken');
    mkdirSync(folder);
    writeFileSync(join(folder, 'train-images-idx3-ubyte'), Buffer.from([0, 0, 9, 9, 0, 0, 0, 1]));
    for (const name of ['train-labels-idx1-ubyte', 't10k-images-idx3-ubyte', 't10k-labels-idx1-ubyte'])
      writeFileSync(join(folder, name), Buffer.from([0, 0, 8, 1, 0, 0, 0, 1, 3]));
    const result = await call<{ ok: false; errors: Parameters<typeof translate>[0][] }>('dataset.describe', {
      dataset: { kind: 'idx', path: folder },
      inputShape: [28, 28, 1],
    });
    expect(result.value!.ok).toBe(false);
    const [problem] = result.value!.errors;
    expect(translate(problem!, 'en')).toMatch(/train-images-idx3-ubyte/);
    expect(translate(problem!, 'zh-TW')).toMatch(/train-images-idx3-ubyte/);
  }, 30_000);

  it(`runs six descriptions asked at once ${DESCRIBE_AT_ONCE} at a time, and answers all of them`, async () => {
    const trainers = () => descendants(process.pid).filter((p) => p.command.includes('trainer-process')).length;
    let most = 0;
    const watch = setInterval(() => (most = Math.max(most, trainers())), 50);
    const results = await Promise.all(
      Array.from({ length: 6 }, () =>
        call<{ ok: boolean }>('dataset.describe', {
          dataset: { kind: 'builtin', name: 'mnist' },
          inputShape: [28, 28, 1],
        }),
      ),
    );
    clearInterval(watch);
    expect(results.map((r) => r.value?.ok)).toEqual(Array(6).fill(true));
    expect(most).toBeGreaterThan(0);
    expect(most).toBeLessThanOrEqual(DESCRIBE_AT_ONCE);
  }, 120_000);
});

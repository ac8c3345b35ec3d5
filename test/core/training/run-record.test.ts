/** A run's record from the trainer's events, the overfitting warning, smoothing and the CSV export. */
import { describe, expect, it } from 'vitest';
import {
  MAX_BATCH_POINTS,
  msg,
  applyTrainerEvent,
  newRunRecord,
  overfittingStart,
  PROJECT_VERSION,
  readProject,
  runMetricsCsv,
  smoothed,
  trainingSettingsSchema,
  type EpochPoint,
  type TrainerEvent,
} from '../../../src/core/index.ts';

const fresh = () =>
  newRunRecord({
    id: 'run-1',
    startedAt: '2026-11-23T10:00:00Z',
    settings: trainingSettingsSchema.parse({}),
    network: { params: 242_062, layers: 8 },
  });

const epoch = (n: number, loss: number, valLoss: number | null): EpochPoint => ({
  epoch: n,
  loss,
  accuracy: 0.9,
  valLoss,
  valAccuracy: valLoss === null ? null : 0.9,
  samplesPerSecond: 700,
  seconds: 60,
});

describe('run records', () => {
  it('start over when the run moves to another backend after training (its engine failed)', () => {
    const pytorch: TrainerEvent = {
      type: 'backend',
      chosen: 'pytorch',
      reports: [],
      threads: null,
      device: { kind: 'cuda', name: 'GPU' },
      measured: [],
    };
    const progress: TrainerEvent = {
      type: 'progress',
      epoch: 1,
      epochs: 2,
      batch: 3,
      batches: 10,
      loss: 2,
      accuracy: 0.2,
      samplesPerSecond: 100,
      etaSeconds: 9,
    };
    let record = [pytorch, progress, { type: 'epoch', ...epoch(1, 1.5, 1.4) } as TrainerEvent].reduce(
      applyTrainerEvent,
      fresh(),
    );
    expect(record.epochs).toHaveLength(1);
    record = applyTrainerEvent(record, {
      type: 'backend',
      chosen: 'wasm',
      reports: [],
      threads: 2,
      device: null,
      measured: [],
    });
    expect(record).toMatchObject({
      backend: 'wasm',
      device: null,
      threads: 2,
      epochs: [],
      batches: [],
      progressSeen: 0,
    });
    // A backend event before any training (the usual one) leaves nothing to forget.
    expect(applyTrainerEvent(fresh(), pytorch)).toEqual({
      ...fresh(),
      backend: 'pytorch',
      threads: null,
      device: 'GPU',
    });
  });

  it('follow a run from backend to done', () => {
    const events: TrainerEvent[] = [
      { type: 'backend', chosen: 'wasm', reports: [], threads: 2, device: null, measured: [] },
      {
        type: 'dataset',
        name: 'MNIST',
        classes: ['0', '1'],
        shape: [28, 28, 1],
        train: 90,
        validation: 10,
        test: 50,
        classCounts: [50, 50],
        preview: [],
      },
      {
        type: 'progress',
        epoch: 1,
        epochs: 2,
        batch: 2,
        batches: 4,
        loss: 0.7,
        accuracy: 0.5,
        samplesPerSecond: 10,
        etaSeconds: 3,
      },
      { type: 'epoch', ...epoch(1, 0.5, 0.6) },
      {
        type: 'evaluation',
        testLoss: 0.4,
        testAccuracy: 0.8,
        confusion: [
          [20, 5],
          [5, 20],
        ],
        perClassAccuracy: [0.8, 0.8],
        misclassified: [1],
        gallery: [],
        examples: [],
      },
      { type: 'done', stopped: false, savedTo: '/runs/run-1' },
    ];
    const record = events.reduce(applyTrainerEvent, fresh());
    expect(record).toMatchObject({
      status: 'done',
      backend: 'wasm',
      threads: 2,
      dataset: { name: 'MNIST', train: 90, validation: 10, test: 50 },
      batches: [[0.5, 0.7, 0.5]],
      epochs: [epoch(1, 0.5, 0.6)],
      evaluation: { testAccuracy: 0.8 },
      modelDir: '/runs/run-1',
    });
  });

  it('a failed run keeps its reason; a stopped one says so', () => {
    const message = msg('train.crashed', { reason: 'SIGKILL' });
    expect(applyTrainerEvent(fresh(), { type: 'error', message, training: true })).toMatchObject({
      status: 'failed',
      error: message,
    });
    expect(applyTrainerEvent(fresh(), { type: 'done', stopped: true, savedTo: null }).status).toBe('stopped');
  });

  it('keep at most MAX_BATCH_POINTS progress points, evenly spread, over 50,000 reports', () => {
    let record = fresh();
    const reports = 50_000;
    for (let i = 1; i <= reports; i++) {
      record = applyTrainerEvent(record, {
        type: 'progress',
        epoch: Math.ceil(i / 500),
        epochs: 100,
        batch: ((i - 1) % 500) + 1,
        batches: 500,
        loss: 1 / i,
        accuracy: 0.5,
        samplesPerSecond: 1,
        etaSeconds: 1,
      });
    }
    expect(record.batches.length).toBeLessThanOrEqual(MAX_BATCH_POINTS);
    expect(record.batches.length).toBeGreaterThan(MAX_BATCH_POINTS / 2);
    const gaps = record.batches.slice(1).map((p, i) => p[0] - record.batches[i]![0]);
    expect(Math.max(...gaps) - Math.min(...gaps)).toBeLessThan(1e-9);
    expect(record.batches.at(-1)![0]).toBeGreaterThan(99);
  });
});

describe('the overfitting warning', () => {
  it('marks where validation loss rose for three epochs while training loss fell', () => {
    const epochs = [
      epoch(1, 0.5, 0.4),
      epoch(2, 0.3, 0.3),
      epoch(3, 0.2, 0.31),
      epoch(4, 0.15, 0.33),
      epoch(5, 0.1, 0.36),
    ];
    expect(overfittingStart(epochs)).toBe(2);
    expect(overfittingStart(epochs.slice(0, 4))).toBeNull();
  });

  it('stays quiet when both losses rise (a learning rate too high) or there is no validation', () => {
    const diverging = [epoch(1, 0.5, 0.4), epoch(2, 0.6, 0.5), epoch(3, 0.7, 0.6), epoch(4, 0.8, 0.7)];
    expect(overfittingStart(diverging)).toBeNull();
    const noValidation = [1, 2, 3, 4, 5].map((n) => epoch(n, 1 / n, null));
    expect(overfittingStart(noValidation)).toBeNull();
  });
});

describe('curves and exports', () => {
  it('smooths as TensorBoard does', () => {
    expect(smoothed([1, 1, 1])).toEqual([1, 1, 1]);
    expect(smoothed([0, 10], 0.5)).toEqual([0, 5]);
    expect(smoothed([3, 4], 0)).toEqual([3, 4]);
  });

  it('writes the per-epoch metrics as CSV', () => {
    const record = { ...fresh(), epochs: [epoch(1, 0.5, 0.6), epoch(2, 0.25, null)] };
    expect(runMetricsCsv(record)).toBe(
      'epoch,loss,accuracy,val_loss,val_accuracy,samples_per_s,seconds\n1,0.5,0.9,0.6,0.9,700,60\n2,0.25,0.9,,,700,60\n',
    );
  });

  it('a version 1 project opens as the current version with no runs', () => {
    const result = readProject({ format: 'convstudio', version: 1, graph: { nodes: [], edges: [] } }, 'old.json');
    expect(result.ok && result.project.version).toBe(PROJECT_VERSION);
    expect(result.ok && result.project.runs).toEqual([]);
  });
});

/**
 * The five lessons: none of a lesson's tasks is done on its starting network, and a network (and settings,
 * and a run) that does what the tasks say meets each of them — checked by the same analysis the canvas shows.
 */
import { describe, expect, it } from 'vitest';
import {
  LESSONS,
  analyse,
  lessonProgress,
  makeProject,
  sequential,
  trainedWithoutOverfitting,
  type Graph,
  type LayerSpec,
  type Lesson,
  type RunRecord,
} from '../../../src/core/index.ts';

const s = (type: string, params: Record<string, unknown> = {}): LayerSpec => ({ type, params }) as LayerSpec;
const relu = { activation: 'relu' };
const lesson = (id: string): Lesson => LESSONS.find((l) => l.id === id)!;
const fresh = makeProject(sequential([s('Input', { shape: [28, 28, 1] })]));

function progress(l: Lesson, graph: Graph, over: Partial<Parameters<typeof lessonProgress>[1]> = {}) {
  return lessonProgress(l, { graph, training: fresh.training, runs: [], ...over });
}

/** A finished run whose validation accuracy and loss went through these values, epoch by epoch. */
const run = (points: [number, number][]): RunRecord =>
  ({
    ...({} as RunRecord),
    status: 'done',
    epochs: points.map(([valAccuracy, valLoss], i) => ({
      epoch: i + 1,
      loss: 0.1,
      accuracy: 0.99,
      valAccuracy,
      valLoss,
      samplesPerSecond: 1000,
      seconds: 10,
    })),
  }) as RunRecord;

describe('the built-in lessons', () => {
  it('are five, each in English and Chinese, none of their tasks done at the start', () => {
    expect(LESSONS.map((l) => l.id)).toEqual([
      'convolution',
      'stride-padding',
      'pooling-flatten',
      'counting',
      'overfitting',
    ]);
    for (const l of LESSONS) {
      expect(
        analyse(l.build()).diagnostics.filter((d) => d.severity === 'error'),
        l.id,
      ).toEqual([]);
      for (const words of [l.title, l.intro, ...l.tasks.map((t) => t.say)]) {
        expect(words.en.length).toBeGreaterThan(5);
        expect(words['zh-TW']).toMatch(/[\u4e00-\u9fff]/);
      }
      expect(progress(l, l.build()), l.id).toEqual(l.tasks.map(() => false));
    }
  });

  it('1: 32 filters, a second Conv2D of 64, and its 18,496 parameters', () => {
    const l = lesson('convolution');
    const one = sequential([
      s('Input', { shape: [28, 28, 1] }),
      s('Conv2D', { filters: 32, kernel_size: [3, 3], ...relu }),
    ]);
    expect(progress(l, one)).toEqual([true, false, false]);
    const two = sequential([
      ...one.nodes.map((n) => s(n.type, n.params as Record<string, unknown>)),
      s('Conv2D', { filters: 64, kernel_size: [3, 3] }),
    ]);
    expect(progress(l, two)).toEqual([true, true, true]);
  });

  it('2: same padding, stride 2, and the 13 × 13 of a stride that does not tile', () => {
    const l = lesson('stride-padding');
    const net = (params: Record<string, unknown>) =>
      sequential([s('Input', { shape: [28, 28, 1] }), s('Conv2D', { filters: 32, kernel_size: [3, 3], ...params })]);
    expect(progress(l, net({ padding: 'same' }))).toEqual([true, false, false]);
    expect(progress(l, net({ padding: 'same', strides: [2, 2] }))).toEqual([false, true, false]);
    expect(progress(l, net({ strides: [2, 2] }))).toEqual([false, false, true]);
  });

  it('3: pooling to 13 × 13 × 32, Flatten to 5,408, and a valid classifier', () => {
    const l = lesson('pooling-flatten');
    const layers = [
      s('Input', { shape: [28, 28, 1] }),
      s('Conv2D', { filters: 32, kernel_size: [3, 3], ...relu }),
      s('MaxPooling2D', { pool_size: [2, 2] }),
      s('Flatten'),
    ];
    expect(progress(l, sequential(layers))).toEqual([true, true, false]);
    expect(progress(l, sequential([...layers, s('Dense', { units: 10, activation: 'softmax' })]))).toEqual([
      true,
      true,
      true,
    ]);
  });

  it('4: no bias, a second pool under 400,000, global pooling under 30,000', () => {
    const l = lesson('counting');
    const start = l.build().nodes.map((n) => s(n.type, n.params as Record<string, unknown>));
    const noBias = [start[0]!, s('Conv2D', { ...start[1]!.params, use_bias: false }), ...start.slice(2)];
    expect(progress(l, sequential(noBias))).toEqual([true, false, false]);
    const pooled = [...noBias.slice(0, 5), s('MaxPooling2D', { pool_size: [2, 2] }), ...noBias.slice(5)];
    expect(analyse(sequential(pooled)).totals.total).toBe(288 + 18_496 + (2_304 + 1) * 128 + 1_290);
    expect(progress(l, sequential(pooled))).toEqual([true, true, false]);
    const global = noBias.map((spec) => (spec.type === 'Flatten' ? s('GlobalAveragePooling2D') : spec));
    // Without Flatten the first Dense takes 64 values: 288 + 18,496 + 65 × 128 + 1,290 (under 400,000 too).
    expect(analyse(sequential(global)).totals.total).toBe(28_394);
    expect(progress(l, sequential(global))).toEqual([true, true, true]);
  });

  it('5: dropout before the last Dense, BatchNormalization, the remedies turned on, and a run that did not overfit', () => {
    const l = lesson('overfitting');
    const start = l.build().nodes.map((n) => s(n.type, n.params as Record<string, unknown>));
    const remedied = [
      start[0]!,
      start[1]!,
      s('BatchNormalization'),
      ...start.slice(2, 5),
      s('Dropout', { rate: 0.5 }),
      start[5]!,
    ];
    const training = {
      ...fresh.training,
      earlyStopping: { monitor: 'val_loss' as const, patience: 2, restoreBestWeights: true },
      augmentation: { rotation: 10, shift: 0.1, zoom: 0.1, flip: false, noise: 0 },
    };
    const good = run([
      [0.975, 0.09],
      [0.981, 0.07],
      [0.983, 0.072],
    ]);
    expect(progress(l, sequential(remedied), { training, runs: [good] })).toEqual([true, true, true, true]);
    expect(progress(l, sequential(remedied))).toEqual([true, true, false, false]);
  });

  it('tells a run that overfitted, or fell short, from one that did not', () => {
    const overfit = run([
      [0.982, 0.06],
      [0.983, 0.075],
    ]);
    expect(trainedWithoutOverfitting([overfit], 0.98)).toBe(false);
    expect(trainedWithoutOverfitting([run([[0.97, 0.1]])], 0.98)).toBe(false);
    expect(trainedWithoutOverfitting([{ ...run([[0.99, 0.05]]), status: 'stopped' }], 0.98)).toBe(false);
    expect(trainedWithoutOverfitting([run([[0.99, 0.05]])], 0.98)).toBe(true);
  });
});

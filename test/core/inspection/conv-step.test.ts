/**
 * A Conv2D's output value worked out by hand (core's convolutionAt) equals TensorFlow.js's convolution at
 * every cell, for random inputs, kernels, strides, dilations and both paddings (fast-check), and a 6×6
 * image of a vertical edge under a ±1 edge filter gives what one works out by hand.
 */
import * as tf from '@tensorflow/tfjs';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { convolutionAt } from '../../../src/core/index.ts';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('convolution at one cell', () => {
  it('equals TensorFlow.js at every cell, for any shapes, strides, dilations and padding', () => {
    const setting = fc
      .record({
        h: fc.integer({ min: 3, max: 9 }),
        w: fc.integer({ min: 3, max: 9 }),
        c: fc.integer({ min: 1, max: 3 }),
        k: fc.integer({ min: 1, max: 3 }),
        filters: fc.integer({ min: 1, max: 3 }),
        stride: fc.integer({ min: 1, max: 3 }),
        dilation: fc.integer({ min: 1, max: 2 }),
        same: fc.boolean(),
        seed: fc.integer({ min: 1, max: 10_000 }),
      })
      // TensorFlow takes a dilation only with stride 1, and the window must fit a 'valid' input.
      .filter(
        (s) => (s.dilation === 1 || s.stride === 1) && (s.same || s.dilation * (s.k - 1) + 1 <= Math.min(s.h, s.w)),
      );
    fc.assert(
      fc.property(setting, (s) => {
        const x = tf.randomNormal([1, s.h, s.w, s.c], 0, 1, 'float32', s.seed);
        const kernel = tf.randomNormal([s.k, s.k, s.c, s.filters], 0, 1, 'float32', s.seed + 1);
        const bias = tf.randomNormal([s.filters], 0, 1, 'float32', s.seed + 2);
        const padding = s.same ? 'same' : 'valid';
        const out = tf.tidy(() =>
          tf.add(tf.conv2d(x as tf.Tensor4D, kernel as tf.Tensor4D, s.stride, padding, 'NHWC', s.dilation), bias),
        );
        const [, oh, ow] = out.shape;
        const values = out.dataSync();
        const input = { values: x.dataSync(), shape: [s.h, s.w, s.c] as const };
        const weights = { values: kernel.dataSync(), shape: [s.k, s.k, s.c, s.filters] as const };
        for (let r = 0; r < oh!; r++) {
          for (let col = 0; col < ow!; col++) {
            for (let f = 0; f < s.filters; f++) {
              const step = convolutionAt({
                input,
                kernel: weights,
                bias: bias.dataSync(),
                strides: [s.stride, s.stride],
                dilation: [s.dilation, s.dilation],
                padding,
                activation: 'linear',
                cell: [r, col],
                filter: f,
              });
              expect(step.products).toHaveLength(s.k * s.k * s.c);
              expect(step.value).toBeCloseTo(values[(r * ow! + col) * s.filters + f]!, 4);
            }
          }
        }
        tf.dispose([x, kernel, bias, out]);
      }),
      { numRuns: 60 },
    );
  });

  it('a 6×6 image of a vertical edge and a ±1 edge filter: the edge gives 30, the flat parts 0', () => {
    // Left half 10, right half 0; the filter's three rows are 1, 0, −1.
    const image = Array.from({ length: 36 }, (_, i) => (i % 6 < 3 ? 10 : 0));
    const filter = [1, 0, -1, 1, 0, -1, 1, 0, -1];
    const at = (column: number) =>
      convolutionAt({
        input: { values: image, shape: [6, 6, 1] },
        kernel: { values: filter, shape: [3, 3, 1, 1] },
        bias: null,
        strides: [1, 1],
        dilation: [1, 1],
        padding: 'valid',
        activation: 'relu',
        cell: [0, column],
        filter: 0,
      });
    expect([0, 1, 2, 3].map((c) => at(c).value)).toEqual([0, 30, 30, 0]);
    expect(at(1).products.map((p) => p.product)).toEqual([10, 0, -0, 10, 0, -0, 10, 0, -0]);
  });
});

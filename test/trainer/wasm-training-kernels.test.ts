/**
 * The wasm training kernels (filter and input gradients, transposed products) against TensorFlow.js's
 * reference CPU backend, for the strides and paddings
 * networks use.
 */
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { beforeAll, describe, expect, it } from 'vitest';
import { registerWasmTrainingKernels } from '../../src/trainer/backends/select-backend.ts';
import {
  registerWasmConv2DBackpropFilter,
  samePadding,
} from '../../src/trainer/backends/wasm-conv2d-backprop-filter.ts';

async function filterGradient(
  backend: 'cpu' | 'wasm',
  x: Float32Array,
  xShape: number[],
  dy: Float32Array,
  k: number[],
  stride: number,
  pad: 'valid' | 'same',
) {
  await tf.setBackend(backend);
  const input = tf.tensor4d(x, xShape as [number, number, number, number]);
  const filter = tf.zeros([k[0]!, k[1]!, xShape[3]!, k[2]!]) as tf.Tensor4D;
  const out = tf.conv2d(input, filter, stride, pad);
  const upstream = tf.tensor(dy.subarray(0, out.size), out.shape);
  const grad = tf.grad((f: tf.Tensor) => tf.sum(tf.mul(tf.conv2d(input, f as tf.Tensor4D, stride, pad), upstream)))(
    filter,
  );
  return grad.data();
}

beforeAll(async () => {
  await tf.setBackend('wasm');
  await tf.ready();
  registerWasmConv2DBackpropFilter();
});

describe('Conv2DBackpropFilter on wasm', () => {
  it.each([
    [[2, 9, 9, 3], [3, 3, 4], 1, 'valid'],
    [[2, 9, 9, 3], [3, 3, 4], 2, 'valid'],
    [[2, 9, 9, 3], [3, 3, 4], 1, 'same'],
    [[2, 9, 9, 3], [3, 3, 4], 2, 'same'],
    [[3, 10, 7, 2], [5, 3, 6], 2, 'same'],
    [[4, 28, 28, 1], [5, 5, 16], 1, 'same'],
    [[3, 11, 9, 1], [3, 3, 4], 2, 'valid'],
    [[3, 11, 9, 1], [3, 3, 4], 2, 'same'],
    [[2, 12, 12, 1], [3, 3, 8], 1, 'valid'],
  ] as const)('input %j, kernel %j, stride %i, padding %s: matches the CPU backend', async (xShape, k, stride, pad) => {
    const xSize = xShape.reduce((a: number, b: number) => a * b, 1);
    const x = Float32Array.from({ length: xSize }, (_, i) => Math.sin(i * 0.37));
    const dy = Float32Array.from({ length: xSize * k[2] }, (_, i) => Math.cos(i * 0.11));
    const reference = await filterGradient('cpu', x, [...xShape], dy, [...k], stride, pad);
    const wasm = await filterGradient('wasm', x, [...xShape], dy, [...k], stride, pad);
    expect(wasm.length).toBe(reference.length);
    let worst = 0;
    for (let i = 0; i < wasm.length; i++)
      worst = Math.max(worst, Math.abs(wasm[i]! - reference[i]!) / (1 + Math.abs(reference[i]!)));
    expect(worst).toBeLessThan(1e-4);
  });

  it('pads as TensorFlow does for same: the extra row goes at the end', () => {
    expect(samePadding(28, 5, 1)).toEqual([2, 2]);
    expect(samePadding(9, 3, 2)).toEqual([1, 1]);
    expect(samePadding(10, 3, 2)).toEqual([0, 1]);
    expect(samePadding(10, 5, 2)).toEqual([1, 2]);
    expect(samePadding(7, 1, 2)).toEqual([0, 0]);
  });
});

describe('the faster wasm kernels for training', () => {
  async function inputGradient(
    backend: 'cpu' | 'wasm',
    dy: Float32Array,
    dyShape: number[],
    w: Float32Array,
    wShape: number[],
    xShape: number[],
    stride: number,
    pad: 'valid' | 'same',
  ) {
    await tf.setBackend(backend);
    if (backend === 'wasm') registerWasmTrainingKernels();
    const out = tf.conv2dTranspose(
      tf.tensor4d(dy, dyShape as never),
      tf.tensor4d(w, wShape as never),
      xShape as never,
      stride,
      pad,
    );
    return out.data();
  }

  it.each([
    [[2, 9, 9, 3], [3, 3, 3, 4], 1, 'valid'],
    [[2, 9, 9, 3], [3, 3, 3, 4], 1, 'same'],
    [[2, 10, 7, 2], [5, 3, 2, 6], 1, 'same'],
    [[2, 9, 9, 3], [3, 3, 3, 4], 2, 'same'],
  ] as const)(
    'Conv2DBackpropInput for input %j, filter %j, stride %i, %s matches the CPU backend',
    async (xShape, wShape, stride, pad) => {
      await tf.setBackend('cpu');
      const dyShape = tf.conv2d(
        tf.zeros([...xShape]) as tf.Tensor4D,
        tf.zeros([...wShape]) as tf.Tensor4D,
        stride,
        pad,
      ).shape;
      const dy = Float32Array.from({ length: dyShape.reduce((a, b) => a * b, 1) }, (_, i) => Math.sin(i * 0.3));
      const w = Float32Array.from({ length: wShape.reduce((a: number, b: number) => a * b, 1) }, (_, i) =>
        Math.cos(i * 0.7),
      );
      const reference = await inputGradient('cpu', dy, dyShape, w, [...wShape], [...xShape], stride, pad);
      const wasm = await inputGradient('wasm', dy, dyShape, w, [...wShape], [...xShape], stride, pad);
      let worst = 0;
      for (let i = 0; i < wasm.length; i++)
        worst = Math.max(worst, Math.abs(wasm[i]! - reference[i]!) / (1 + Math.abs(reference[i]!)));
      expect(wasm.length).toBe(reference.length);
      expect(worst).toBeLessThan(1e-4);
    },
  );

  it('transposed matrix products give the same result as the CPU backend', async () => {
    const a = Float32Array.from({ length: 6 * 4 }, (_, i) => Math.sin(i));
    const b = Float32Array.from({ length: 6 * 5 }, (_, i) => Math.cos(i));
    const product = async (backend: 'cpu' | 'wasm') => {
      await tf.setBackend(backend);
      if (backend === 'wasm') registerWasmTrainingKernels();
      const ta = tf.tensor2d(a, [6, 4]);
      const tb = tf.tensor2d(b, [6, 5]);
      return [
        await tf.matMul(ta, tb, true, false).data(),
        await tf.matMul(tb, ta, true, false).data(),
        await tf.matMul(tf.transpose(ta), tf.transpose(tb), false, true).data(),
      ];
    };
    const [cpu, wasm] = [await product('cpu'), await product('wasm')];
    for (let k = 0; k < cpu.length; k++) {
      for (let i = 0; i < cpu[k]!.length; i++) expect(wasm[k]![i]).toBeCloseTo(cpu[k]![i]!, 4);
    }
  });
});

describe('max-pool gradient and leading-axes sums on wasm', () => {
  const values = (n: number, f: (i: number) => number) => Float32Array.from({ length: n }, (_, i) => f(i));

  async function onBoth<T>(run: () => Promise<T>): Promise<[T, T]> {
    await tf.setBackend('cpu');
    const cpu = await run();
    await tf.setBackend('wasm');
    registerWasmTrainingKernels();
    return [cpu, await run()];
  }

  it.each([
    [[2, 8, 8, 3], 2, 2, 'valid'],
    [[2, 6, 6, 4], 3, 3, 'valid'],
    [[2, 8, 8, 3], 3, 1, 'same'],
    [[2, 9, 9, 3], 2, 2, 'valid'],
    [[2, 9, 7, 2], 3, 2, 'same'],
    [[1, 9, 9, 1], 2, 2, 'same'],
  ] as const)(
    'MaxPoolGrad for %j, pool %i, stride %i, %s matches the CPU backend, ties included',
    async (shape, pool, stride, pad) => {
      const size = shape.reduce((a: number, b: number) => a * b, 1);
      // Every third value is 0, as after a ReLU: windows hold the same largest value twice.
      const x = values(size, (i) => (i % 3 === 0 ? 0 : Math.min(0, Math.sin(i * 1.37) * 3 + i * 1e-4)));
      const [cpu, wasm] = await onBoth(async () => {
        const input = tf.tensor4d(x, [...shape] as [number, number, number, number]);
        const pooled = tf.maxPool(input, pool, stride, pad);
        const upstream = tf.tensor(
          values(pooled.size, (i) => Math.cos(i)),
          pooled.shape,
        );
        return tf
          .grad((t: tf.Tensor) => tf.sum(tf.mul(tf.maxPool(t as tf.Tensor4D, pool, stride, pad), upstream)))(input)
          .data();
      });
      for (let i = 0; i < cpu.length; i++) expect(wasm[i]).toBeCloseTo(cpu[i]!, 5);
    },
  );

  it('sums over leading axes (bias gradients) and other axes as the CPU backend does', async () => {
    const x = values(2 * 3 * 4 * 5, (i) => Math.sin(i));
    const [cpu, wasm] = await onBoth(async () => {
      const t = tf.tensor4d(x, [2, 3, 4, 5]);
      return Promise.all([
        tf.sum(t, [0, 1, 2]).data(),
        tf.sum(t, 0).data(),
        tf.sum(t, [1, 3]).data(),
        tf.sum(t, [0, 1], true).data(),
      ]);
    });
    cpu.forEach((expected, k) => {
      for (let i = 0; i < expected.length; i++) expect(wasm[k]![i]).toBeCloseTo(expected[i]!, 4);
    });
  });
});

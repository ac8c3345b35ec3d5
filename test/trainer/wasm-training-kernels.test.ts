/**
 * The wasm training kernels (filter and input gradients, transposed products) against TensorFlow.js's
 * reference CPU backend, for the strides and paddings networks use, on one thread and with the work split
 * between threads.
 */
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { registerWasmTrainingKernels } from '../../src/trainer/backends/select-backend.ts';
import { findTemplate, samePadding } from '../../src/core/index.ts';
import { buildTfModel } from '../../src/trainer/model/build-tf-model.ts';
import { registerWasmConv2DBackpropFilter } from '../../src/trainer/backends/wasm-conv2d-backprop-filter.ts';
import { startWasm } from '../../src/trainer/backends/wasm-threads.ts';
import { FusedAdam } from '../../src/trainer/backends/wasm-adam.ts';
import { trainingKernels, type WasmBackendHeap } from '../../src/trainer/backends/simd/training-kernels.ts';

async function filterGradient(
  backend: 'cpu' | 'wasm',
  x: Float32Array,
  xShape: number[],
  dy: Float32Array,
  k: number[],
  stride: number,
  pad: 'valid' | 'same',
) {
  await use(backend);
  const input = tf.tensor4d(x, xShape as [number, number, number, number]);
  const filter = tf.zeros([k[0]!, k[1]!, xShape[3]!, k[2]!]) as tf.Tensor4D;
  const out = tf.conv2d(input, filter, stride, pad);
  const upstream = tf.tensor(dy.subarray(0, out.size), out.shape);
  const grad = tf.grad((f: tf.Tensor) => tf.sum(tf.mul(tf.conv2d(input, f as tf.Tensor4D, stride, pad), upstream)))(
    filter,
  );
  return grad.data();
}

/** Every kernel is checked with the work split over 1, 2 and 4 threads (the threaded wasm build). */
const THREADS = [1, 2, 4];
let threads = 1;

async function use(backend: 'cpu' | 'wasm'): Promise<void> {
  if (backend === 'cpu') {
    await tf.setBackend('cpu');
    return;
  }
  expect(await startWasm(threads)).toBe(threads);
  registerWasmTrainingKernels();
  expect(trainingKernels(tf.backend() as unknown as WasmBackendHeap)!.threads).toBe(threads);
}

beforeAll(async () => {
  await tf.setBackend('wasm');
  await tf.ready();
  registerWasmConv2DBackpropFilter();
});

const values = (n: number, f: (i: number) => number) => Float32Array.from({ length: n }, (_, i) => f(i));

/** Runs the same computation on the CPU backend, then on wasm with our kernels. */
async function onBoth<T>(run: () => Promise<T>): Promise<[T, T]> {
  await tf.setBackend('cpu');
  const cpu = await run();
  await use('wasm');

  return [cpu, await run()];
}

/** Records the names of our split kernel calls on the active wasm backend until the test ends. */
function recordSplits(calls: string[]): void {
  const kernels = tf.getBackend() === 'wasm' && trainingKernels(tf.backend() as unknown as WasmBackendHeap);
  if (!kernels) return;
  const split = kernels.split;
  kernels.split = (name, parts) => {
    calls.push(name);
    split(name, parts);
  };
  onTestFinished(() => {
    kernels.split = split;
  });
}

describe.each(THREADS)('on %i threads', (count) => {
  beforeAll(() => {
    threads = count;
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
      // A SIMD loop (one input channel: 16 filters at a time, then 4); six filters with dy padded to eight.
      [[3, 14, 14, 1], [5, 5, 36], 1, 'same'],
      [[2, 13, 10, 1], [4, 2, 20], 3, 'same'],
      [[2, 10, 10, 1], [7, 7, 4], 1, 'same'],
      [[2, 8, 8, 1], [3, 3, 6], 1, 'same'],
      // Input channels in fours: the other SIMD loop, 8 filters at a time, then 4.
      [[2, 9, 9, 4], [3, 3, 8], 1, 'valid'],
      [[2, 9, 9, 4], [3, 3, 8], 1, 'same'],
      [[2, 9, 9, 8], [3, 3, 12], 2, 'same'],
      [[2, 10, 7, 8], [5, 3, 12], 2, 'valid'],
      [[3, 14, 14, 16], [5, 5, 36], 1, 'same'],
      [[2, 11, 11, 12], [4, 4, 4], 3, 'same'],
      [[2, 6, 6, 4], [3, 3, 6], 1, 'same'],
      // Other channel counts go one channel at a time (LeNet's second layer: 6 in, 16 out).
      [[3, 14, 14, 6], [5, 5, 16], 1, 'valid'],
      [[2, 9, 9, 3], [3, 3, 3], 1, 'same'],
      [[2, 10, 7, 2], [5, 3, 8], 2, 'same'],
      [[2, 12, 12, 6], [3, 3, 8], 1, 'same'],
      [[2, 16, 16, 3], [3, 3, 32], 1, 'same'],
    ] as const)(
      'input %j, kernel %j, stride %i, padding %s: matches the CPU backend',
      async (xShape, k, stride, pad) => {
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
      },
    );

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
      await use(backend);

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
      // Input channels in fours: our SIMD convolution, padding dy image by image.
      [[2, 9, 9, 4], [3, 3, 4, 8], 1, 'valid'],
      [[2, 10, 7, 8], [5, 3, 8, 4], 1, 'same'],
      [[2, 12, 12, 16], [4, 4, 16, 8], 1, 'same'],
      // Other input channels: our convolution with the turned filter padded to four (LeNet's two layers).
      [[2, 28, 28, 1], [5, 5, 1, 6], 1, 'same'],
      [[2, 14, 14, 6], [5, 5, 6, 16], 1, 'valid'],
      [[2, 8, 8, 3], [3, 3, 3, 5], 1, 'same'],
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

    it.each([
      [[2, 9, 9, 4], [3, 3, 4, 8], 1, 'valid'],
      [[2, 9, 9, 4], [3, 3, 4, 8], 1, 'same'],
      [[3, 14, 14, 16], [5, 5, 16, 36], 1, 'same'],
      [[2, 13, 11, 3], [4, 2, 3, 12], 1, 'same'],
      [[2, 10, 7, 1], [5, 5, 1, 16], 1, 'same'],
      [[2, 6, 10, 8], [3, 3, 8, 4], 1, 'valid'],
      [[2, 5, 5, 4], [5, 5, 4, 4], 1, 'valid'],
      // Filters not in fours: padded to the next four, the result cut back (LeNet's 6; 1; 3).
      [[2, 9, 9, 4], [3, 3, 4, 6], 1, 'same'],
      [[2, 28, 28, 1], [5, 5, 1, 6], 1, 'same'],
      [[2, 8, 8, 5], [3, 3, 5, 1], 1, 'valid'],
      [[2, 8, 8, 2], [3, 3, 2, 3], 1, 'same'],
      // Not ours: stride 2.
      [[2, 9, 9, 4], [3, 3, 4, 8], 2, 'same'],
    ] as const)(
      'Conv2D for input %j, filter %j, stride %i, %s matches the CPU backend',
      async (xShape, wShape, stride, pad) => {
        const size = (shape: readonly number[]) => shape.reduce((a, b) => a * b, 1);
        const x = Float32Array.from({ length: size(xShape) }, (_, i) => Math.sin(i * 0.37));
        const w = Float32Array.from({ length: size(wShape) }, (_, i) => Math.cos(i * 0.71));
        const [cpu, wasm] = await onBoth(() =>
          tf.conv2d(tf.tensor4d(x, [...xShape]), tf.tensor4d(w, [...wShape]), stride, pad).data(),
        );
        expect(wasm.length).toBe(cpu.length);
        for (let i = 0; i < cpu.length; i++) expect(wasm[i]).toBeCloseTo(cpu[i]!, 3);
      },
    );

    it('transposed matrix products give the same result as the CPU backend', async () => {
      const a = Float32Array.from({ length: 6 * 4 }, (_, i) => Math.sin(i));
      const b = Float32Array.from({ length: 6 * 5 }, (_, i) => Math.cos(i));
      const product = async (backend: 'cpu' | 'wasm') => {
        await use(backend);

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

    it.each([
      // [m, k, n]: rows in fours or not, k past a block of 256, columns in eights or ending on four.
      [1, 1, 4],
      [5, 7, 12],
      [16, 300, 8],
      [37, 513, 20],
      [128, 64, 128],
      // A transposed B with far more values than the result: taken the other way round, Cᵀ = B · Aᵀ.
      [8, 64, 256],
    ] as const)(
      'matrix products of %i × %i by %i columns (in fours: our kernel), every way transposed, match the CPU backend',
      async (m, k, n) => {
        const a = values(m * k, (i) => Math.sin(i * 0.37));
        const b = values(k * n, (i) => Math.cos(i * 0.11));
        const calls: string[] = [];
        const [cpu, wasm] = await onBoth(async () => {
          recordSplits(calls);
          const [ta, tb] = [tf.tensor2d(a, [m, k]), tf.tensor2d(b, [k, n])];
          const [at, bt] = [tf.transpose(ta), tf.transpose(tb)];
          const products = [
            tf.matMul(ta, tb),
            tf.matMul(at, tb, true, false),
            tf.matMul(ta, bt, false, true),
            tf.matMul(at, bt, true, true),
            tf.matMul(ta.reshape([1, m, k]), tb.reshape([1, k, n])),
          ];
          expect(products[4]!.shape).toEqual([1, m, n]);
          const data = await Promise.all(products.map((p) => p.data()));
          tf.dispose([ta, tb, at, bt, ...products]);
          return data;
        });
        expect(calls.filter((c) => c === 'matMul')).toHaveLength(5);
        for (const [p, product] of cpu.entries()) {
          expect(wasm[p]!.length).toBe(m * n);
          for (let i = 0; i < product.length; i++) expect(wasm[p]![i]).toBeCloseTo(product[i]!, 3);
        }
      },
    );

    it.each(['linear', 'relu', 'elu', 'relu6', 'sigmoid', 'leakyrelu', 'prelu'] as const)(
      'fused convolutions and products (predict) with %s, with and without a bias, match the CPU backend',
      async (activation) => {
        const x = values(3 * 10 * 10 * 4, (i) => Math.sin(i * 0.37));
        const w = values(3 * 3 * 4 * 8, (i) => Math.cos(i * 0.11));
        const a = values(6 * 50, (i) => Math.sin(i * 0.7));
        const b = values(50 * 12, (i) => Math.cos(i * 0.3));
        const bias = values(8, (i) => i - 4);
        const calls: string[] = [];
        const [cpu, wasm] = await onBoth(async () => {
          recordSplits(calls);
          const [tx, tw] = [tf.tensor4d(x, [3, 10, 10, 4]), tf.tensor4d(w, [3, 3, 4, 8])];
          const [ma, mb] = [tf.tensor2d(a, [6, 50]), tf.tensor2d(b, [50, 12])];
          // LeNet's six filters: a bias whose channels are not in fours.
          const six = tf.slice(tw, [0, 0, 0, 0], [3, 3, 4, 6]);
          const settings = (channels: number) => ({
            activation,
            leakyreluAlpha: 0.2,
            preluActivationWeights:
              activation === 'prelu' ? tf.tensor1d(values(channels, (i) => 0.1 * i + 0.05)) : undefined,
          });
          const results = [
            tf.fused.conv2d({ x: tx, filter: tw, strides: 1, pad: 'same', bias: tf.tensor1d(bias), ...settings(8) }),
            tf.fused.conv2d({ x: tx, filter: tw, strides: 1, pad: 'valid', ...settings(8) }),
            tf.fused.conv2d({
              x: tx,
              filter: six,
              strides: 1,
              pad: 'same',
              bias: tf.tensor1d(bias.slice(0, 6)),
              ...settings(6),
            }),
            tf.fused.matMul({ a: ma, b: mb, bias: tf.tensor1d(values(12, (i) => i / 3 - 2)), ...settings(12) }),
            tf.fused.matMul({ a: ma, b: tf.transpose(mb), transposeB: true, ...settings(12) }),
          ];
          return Promise.all(results.map((r) => r.data()));
        });
        // Our loops whatever the activation: ReLU ours too, the others the backend's kernels after them.
        expect(calls.filter((c) => c === 'conv2d')).toHaveLength(3);
        expect(calls.filter((c) => c === 'matMul')).toHaveLength(2);
        for (const [r, result] of cpu.entries())
          for (let i = 0; i < result.length; i++) expect(wasm[r]![i]).toBeCloseTo(result[i]!, 3);
      },
    );

    it('a matrix product gives the same values to the bit on every thread count (each value summed in order)', async () => {
      const a = values(128 * 300, (i) => Math.sin(i * 0.37));
      const b = values(300 * 64, (i) => Math.cos(i * 0.11));
      await use('wasm');
      const here = await tf.matMul(tf.tensor2d(a, [128, 300]), tf.tensor2d(b, [300, 64]), false, false).data();
      expect(await startWasm(1)).toBe(1);
      registerWasmTrainingKernels();
      const one = await tf.matMul(tf.tensor2d(a, [128, 300]), tf.tensor2d(b, [300, 64]), false, false).data();
      expect(here).toEqual(one);
    });

    it('a Dense input gradient with a large weight matrix (the swapped product) matches the CPU backend', async () => {
      // dy · Wᵀ with W of 2,048 × 64 values: computed as (W · dyᵀ)ᵀ on wasm.
      const dy = Float32Array.from({ length: 3 * 64 }, (_, i) => Math.sin(i * 0.7));
      const w = Float32Array.from({ length: 2048 * 64 }, (_, i) => Math.cos(i * 0.013));
      const product = async (backend: 'cpu' | 'wasm') => {
        await use(backend);

        return tf.matMul(tf.tensor2d(dy, [3, 64]), tf.tensor2d(w, [2048, 64]), false, true).data();
      };
      const [cpu, wasm] = [await product('cpu'), await product('wasm')];
      expect(wasm.length).toBe(3 * 2048);
      for (let i = 0; i < cpu.length; i++) expect(wasm[i]).toBeCloseTo(cpu[i]!, 3);
    });
  });

  describe('depthwise convolution gradients on wasm (the backend has none of its own)', () => {
    it.each([
      [[2, 9, 9, 3], [3, 3, 3, 1], 1, 'valid'],
      [[2, 9, 9, 3], [3, 3, 3, 2], 1, 'same'],
      [[2, 10, 7, 4], [5, 3, 4, 1], 2, 'same'],
      [[1, 12, 12, 8], [3, 3, 8, 1], 2, 'valid'],
    ] as const)(
      'for input %j, depthwise filter %j, stride %i, %s: both gradients match the CPU backend',
      async (xShape, wShape, stride, pad) => {
        const x = values(
          xShape.reduce((a: number, b: number) => a * b, 1),
          (i) => Math.sin(i * 0.37),
        );
        const w = values(
          wShape.reduce((a: number, b: number) => a * b, 1),
          (i) => Math.cos(i * 0.71),
        );
        const [cpu, wasm] = await onBoth(async () => {
          const input = tf.tensor4d(x, [...xShape]);
          const filter = tf.tensor4d(w, [...wShape]);
          const f = (a: tf.Tensor, b: tf.Tensor) =>
            tf.sum(tf.sin(tf.depthwiseConv2d(a as tf.Tensor4D, b as tf.Tensor4D, stride, pad)));
          const [dx, dw] = tf.grads(f)([input, filter]);
          return [await dx!.data(), await dw!.data()];
        });
        for (const [i, reference] of cpu.entries()) {
          let worst = 0;
          for (let k = 0; k < reference.length; k++)
            worst = Math.max(worst, Math.abs(wasm[i]![k]! - reference[k]!) / (1 + Math.abs(reference[k]!)));
          expect(wasm[i]!.length).toBe(reference.length);
          expect(worst).toBeLessThan(1e-4);
        }
      },
    );
  });

  describe("Adam's update on wasm in one pass", () => {
    /** Four ranges of at least 16,384 values (kernel-pool.ts's least split) and a tail of 3. */
    const BIG = 4 * 16_384 + 3;
    it("gives TensorFlow.js's Adam's weights (CPU backend) after 6 steps, with the learning rate changed on the way (a weight large enough to be split between threads, its length not a multiple of 4)", async () => {
      let run = 0;
      const steps = async (adam: () => tf.Optimizer) => {
        run += 1;
        const w = tf.variable(
          tf.tensor2d(
            values(12, (i) => Math.sin(i)),
            [3, 4],
          ),
          true,
          `adam_w_${run}`,
        );
        const b = tf.variable(tf.tensor1d(values(4, (i) => i / 10)), true, `adam_b_${run}`);
        const big = tf.variable(tf.tensor1d(values(BIG, (i) => Math.sin(i / 100))), true, `adam_big_${run}`);
        const optimizer = adam();
        const kernels = new Set<string>();
        for (let step = 0; step < 6; step++) {
          if (step === 3) (optimizer as unknown as { learningRate: number }).learningRate = 0.0005;
          const grads = {
            [w.name]: tf.tensor2d(
              values(12, (i) => Math.cos(i * step + 1) * (step + 1)),
              [3, 4],
            ),
            [b.name]: tf.tensor1d(values(4, (i) => (i - step) / 7)),
            [big.name]: tf.tensor1d(values(BIG, (i) => Math.cos(i / 50 + step) * (step + 1))),
          };
          const profile = await tf.profile(() => optimizer.applyGradients(grads));
          profile.kernelNames.forEach((name) => kernels.add(name));
          tf.dispose(Object.values(grads));
        }
        const result = [...(await w.data()), ...(await b.data()), ...(await big.data())];
        tf.dispose([w, b, big]);
        optimizer.dispose();
        return { result, kernels };
      };
      const [cpu, wasm] = await onBoth(() => steps(() => new FusedAdam(0.001)));
      // On the CPU backend the optimizer is TensorFlow.js's own; on wasm it is one kernel per weight.
      expect(cpu.kernels.has('ConvStudioAdam')).toBe(false);
      expect(wasm.kernels.has('ConvStudioAdam')).toBe(true);
      const reference = await (async () => {
        await tf.setBackend('cpu');
        return (await steps(() => tf.train.adam(0.001))).result;
      })();
      expect(cpu.result).toEqual(reference);
      for (let i = 0; i < reference.length; i++) expect(wasm.result[i]!).toBeCloseTo(reference[i]!, 6);
    });
  });

  describe('max-pool gradient and leading-axes sums on wasm', () => {
    it.each([
      [[2, 8, 8, 3], 2, 2, 'valid'],
      [[2, 6, 6, 4], 3, 3, 'valid'],
      [[2, 8, 8, 3], 3, 1, 'same'],
      [[2, 9, 9, 3], 2, 2, 'valid'],
      [[2, 9, 7, 2], 3, 2, 'same'],
      [[1, 9, 9, 1], 2, 2, 'same'],
      // Channels in fours and windows that do not overlap take the SIMD loop, unless a window leaves the input.
      [[2, 8, 8, 16], 2, 2, 'valid'],
      [[2, 9, 7, 8], 2, 2, 'valid'],
      [[2, 9, 9, 4], 3, 3, 'valid'],
      [[1, 9, 9, 4], 2, 2, 'same'],
      [[2, 7, 7, 36], 2, 2, 'valid'],
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

    it.each([
      [[3, 8, 8, 16], 2, 'valid'],
      [[2, 9, 7, 8], 2, 'valid'],
      [[2, 9, 9, 4], 3, 'valid'],
      [[5, 28, 28, 16], 2, 'valid'],
      // Not tiled (a window leaves the input, or channels not in fours): the backend's own kernel.
      [[1, 9, 9, 4], 2, 'same'],
      [[2, 8, 8, 3], 2, 'valid'],
    ] as const)('MaxPool for %j, pool and stride %i, %s equals the CPU backend exactly', async (shape, pool, pad) => {
      const size = shape.reduce((a: number, b: number) => a * b, 1);
      // Negative values, -Infinity and ties: the largest must win, whatever its sign.
      const x = values(size, (i) => (i % 11 === 0 ? -Infinity : i % 3 === 0 ? -1 : Math.sin(i * 1.37) - 2));
      const [cpu, wasm] = await onBoth(() =>
        tf.maxPool(tf.tensor4d(x, [...shape] as [number, number, number, number]), pool, pool, pad).data(),
      );
      expect(wasm).toEqual(cpu);
    });

    it.each([
      [[3, 28, 28, 6], 2],
      [[2, 10, 10, 16], 2],
      [[2, 9, 7, 3], 2],
      [[2, 9, 9, 5], 3],
      [[1, 8, 8, 4], 4],
    ] as const)(
      'AvgPool and its gradient for %j, pool and stride %i (valid), any channel count, match the CPU backend on our loops',
      async (shape, pool) => {
        const size = shape.reduce((a: number, b: number) => a * b, 1);
        const x = values(size, (i) => Math.sin(i * 1.37) * 3);
        const calls: string[] = [];
        const [cpu, wasm] = await onBoth(async () => {
          recordSplits(calls);
          const input = tf.tensor4d(x, [...shape] as [number, number, number, number]);
          const y = tf.avgPool(input, pool, pool, 'valid');
          const upstream = tf.tensor(
            values(y.size, (i) => Math.cos(i)),
            y.shape,
          );
          const dx = tf.grad((t: tf.Tensor) =>
            tf.sum(tf.mul(tf.avgPool(t as tf.Tensor4D, pool, pool, 'valid'), upstream)),
          )(input);
          return Promise.all([y.data(), dx.data()]);
        });
        expect(calls).toEqual(['avgPoolTiled', 'avgPoolTiled', 'avgPoolGradTiled']);
        for (const [k, reference] of cpu.entries())
          for (let i = 0; i < reference.length; i++) expect(wasm[k]![i]).toBeCloseTo(reference[i]!, 5);
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

    it.each([1, 3, 4, 16, 20, 36, 37])('sums %i columns over many rows as the CPU backend does', async (columns) => {
      const x = values(300 * columns, (i) => Math.sin(i * 0.61));
      const [cpu, wasm] = await onBoth(() => tf.sum(tf.tensor3d(x, [10, 30, columns]), [0, 1]).data());
      expect(wasm.length).toBe(columns);
      for (let i = 0; i < columns; i++) expect(wasm[i]).toBeCloseTo(cpu[i]!, 3);
    });

    it('sums no rows to zeros', async () => {
      const [cpu, wasm] = await onBoth(() => tf.sum(tf.zeros([0, 8]), 0).data());
      expect([...wasm]).toEqual([...cpu]);
    });
  });

  describe('bias, ReLU and clones on wasm', () => {
    it.each([
      [[4, 5, 5, 16], [16]],
      [[3, 36], [36]],
      [[2, 3, 3, 6], [6]],
      [[2, 4, 4], [1]],
      // 1,200 rows of 32: split between threads by rows.
      [[40, 30, 32], [32]],
      [
        [2, 3, 8],
        [3, 8],
      ],
    ])('adds %j and %j as the CPU backend does', async (aShape, bShape) => {
      const size = (shape: number[]) => shape.reduce((p, q) => p * q, 1);
      const [cpu, wasm] = await onBoth(() =>
        tf
          .add(
            tf.tensor(
              values(size(aShape), (i) => Math.sin(i)),
              aShape,
            ),
            tf.tensor(
              values(size(bShape), (i) => i - 2.5),
              bShape,
            ),
          )
          .data(),
      );
      expect([...wasm]).toEqual([...cpu]);
    });

    // 50,003 values are split between threads (at least 16,384 a thread), the others are not.
    it.each([4096, 4099, 3, 50_003])(
      'ReLU of %i values and its gradient match the CPU backend, zeros included',
      async (n) => {
        // Exact zeros (where the gradient is 0 in TensorFlow), negatives and positives.
        const x = values(n, (i) => (i % 5 === 0 ? 0 : Math.sin(i * 0.9)));
        const up = values(n, (i) => Math.cos(i * 0.3));
        const [cpu, wasm] = await onBoth(async () => {
          const input = tf.tensor1d(x);
          const upstream = tf.tensor1d(up);
          const y = await tf.relu(input).data();
          const dx = await tf
            .grad((t: tf.Tensor) => tf.sum(tf.mul(tf.relu(t), upstream)))(input)
            .data();
          return [y, dx];
        });
        // The same numbers; TensorFlow's product writes −0 where a negative dy meets x ≤ 0, ours writes 0.
        const plain = (v: ArrayLike<number>) => Array.from(v, (value) => value + 0);
        expect(plain(wasm[0]!)).toEqual(plain(cpu[0]!));
        expect(plain(wasm[1]!)).toEqual(plain(cpu[1]!));
      },
    );

    it.each(['tanh', 'sigmoid'] as const)(
      '%s and its gradient match the CPU backend over the whole float range, tails and NaN included',
      async (name) => {
        const f = name === 'tanh' ? tf.tanh : tf.sigmoid;
        // Large enough to be split between threads, not a multiple of 4; tiny, moderate, saturated,
        // infinite values and NaN, both signs, around tanh's switch between its two formulas (0.25).
        const special = [
          0,
          -0,
          1e-7,
          -3e-5,
          0.2499,
          0.25,
          0.2501,
          -0.7,
          3,
          -9,
          20,
          -88,
          90,
          1e30,
          Infinity,
          -Infinity,
          NaN,
        ];
        const x = values(100_003, (i) => special[i] ?? Math.sin(i * 0.37) * Math.exp((i % 50) / 10 - 2));
        const dy = values(x.length, (i) => Math.cos(i * 0.11));
        const calls: string[] = [];
        const [cpu, wasm] = await onBoth(async () => {
          recordSplits(calls);
          const input = tf.tensor1d(x);
          const [y, dx] = [f(input), tf.grad((t: tf.Tensor) => tf.sum(tf.mul(f(t), tf.tensor1d(dy))))(input)];
          return Promise.all([y.data(), dx.data()]);
        });
        expect(calls).toEqual(['squash', 'squash', 'squashGrad']);
        for (const [k, reference] of cpu.entries()) {
          let [worst, nans] = [0, 0];
          for (let i = 0; i < reference.length; i++) {
            if (Number.isNaN(reference[i]) !== Number.isNaN(wasm[k]![i])) nans++;
            else if (!Number.isNaN(reference[i]))
              worst = Math.max(worst, Math.abs(wasm[k]![i]! - reference[i]!) / (1 + Math.abs(reference[i]!)));
          }
          expect(nans).toBe(0);
          expect(worst).toBeLessThan(4e-7);
        }
        // Near zero tanh keeps x's own digits (its polynomial), not 1 − 2 / (e^2x + 1)'s rounding.
        if (name === 'tanh') expect(wasm[0]![2]! / 1e-7).toBeCloseTo(1, 6);
      },
    );

    it('keeps the ReLU gradient of other backends their own', async () => {
      await use('wasm');

      await tf.setBackend('cpu');
      const dx = await tf
        .grad((t: tf.Tensor) => tf.sum(tf.relu(t)))(tf.tensor1d([-1, 0, 2]))
        .data();
      expect([...dx]).toEqual([0, 0, 1]);
    });

    it('a clone shares memory with its original and outlives it, without leaking', async () => {
      await use('wasm');

      const buffers = () => tf.memory().numDataBuffers;
      const held = () => tf.backend().numDataIds();
      const [buffersBefore, heldBefore] = [buffers(), held()];
      const original = tf.tensor2d([1, 2, 3, 4], [2, 2]);
      const copy = tf.clone(original);
      expect(buffers() - buffersBefore).toBe(1);
      original.dispose();
      expect(await copy.data()).toEqual(Float32Array.from([1, 2, 3, 4]));
      copy.dispose();
      expect(held()).toBe(heldBefore);
    });
  });

  describe('Dropout on wasm in one pass', () => {
    /** The mask the kernel documents (training-kernels.wat): lowbias32 of index · 0x9e3779b9 xor seed. */
    const kept = (index: number, seed: number, rate: number) => {
      let h = (Math.imul(index, 0x9e3779b9) ^ seed) >>> 0;
      h = Math.imul(h ^ (h >>> 16), 0x7feb352d) >>> 0;
      h = Math.imul(h ^ (h >>> 15), 0x846ca68b) >>> 0;
      h = (h ^ (h >>> 16)) >>> 0;
      return h >= Math.floor(rate * 2 ** 32);
    };
    const run = (x: tf.Tensor, rate: number, seed: number) =>
      tf.engine().runKernel('ConvStudioDropout', { x }, { rate, seed } as never) as tf.Tensor;

    it('keeps the values its seed picks, whatever the threads, scaled by 1 / (1 − rate), and about 1 − rate of them', async () => {
      await use('wasm');
      // Four split ranges and a tail of 3; no zeros in x, so a zero in the output is a dropped value.
      const n = 4 * 16_384 + 3;
      const x = tf.tensor1d(values(n, (i) => 1 + (i % 7)));
      for (const [rate, seed] of [
        [0.25, 12345],
        [0.5, -987654321],
      ] as const) {
        const out = await run(x, rate, seed).data();
        const scale = Math.fround(1 / (1 - rate));
        let keptCount = 0;
        for (let i = 0; i < n; i++) {
          const expected = kept(i, seed, rate) ? Math.fround((1 + (i % 7)) * scale) : 0;
          if (out[i] !== expected) throw new Error(`value ${i}: ${out[i]} where ${expected} was expected`);
          if (out[i] !== 0) keptCount++;
        }
        expect(Math.abs(keptCount / n - (1 - rate))).toBeLessThan(0.01);
      }
      x.dispose();
    });

    it('passes the gradient through the same values only, and trains the textbook net through its Dropout layers', async () => {
      await use('wasm');
      const x = tf.tensor2d(
        values(6000, (i) => 1 + (i % 5)),
        [60, 100],
      );
      const u = tf.tensor2d(
        values(6000, (i) => Math.cos(i)),
        [60, 100],
      );
      const seed = 4242;
      const dx = await tf
        .grad((t: tf.Tensor) => tf.sum(tf.mul(run(t, 0.4, seed), u)))(x)
        .data();
      const uValues = await u.data();
      for (let i = 0; i < 6000; i++) {
        const expected = kept(i, seed, 0.4) ? Math.fround(uValues[i]! * Math.fround(1 / 0.6)) : 0;
        expect(dx[i]).toBeCloseTo(expected, 6);
      }
      tf.dispose([x, u]);

      const model = buildTfModel(findTemplate('textbook-mnist')!.build());
      const optimizer = new FusedAdam(0.001);
      const images = tf.randomUniform([8, 28, 28, 1]);
      const labels = tf.oneHot(tf.tensor1d([0, 1, 2, 3, 4, 5, 6, 7], 'int32'), 10);
      const loss = () => tf.losses.softmaxCrossEntropy(labels, model.apply(images, { training: true }) as tf.Tensor);
      // Each profile's names are read at once: TensorFlow.js hands back the same object from every profile.
      const training = [
        ...(await tf.profile(() => optimizer.minimize(loss as () => tf.Scalar) ?? undefined)).kernelNames,
      ];
      const predicting = [...(await tf.profile(() => tf.dispose(model.predict(images)))).kernelNames];
      expect(training).toContain('ConvStudioDropout');
      expect(predicting).not.toContain('ConvStudioDropout');
      // Saved, the layers are Keras's Dropout with their rates.
      const layers = (
        model.toJSON(null, false) as unknown as {
          config: { layers: { class_name: string; config: { rate?: number } }[] };
        }
      ).config.layers;
      expect(layers.filter((l) => l.class_name === 'Dropout').map((l) => l.config.rate)).toEqual([0.25, 0.5]);
      tf.dispose([images, labels]);
      optimizer.dispose();
      model.dispose();
    });
  });

  describe('training on wasm with our kernels', () => {
    it.each(['textbook-mnist', 'lenet-5'])(
      '%s leaves no tensor and no backend memory behind, step after step, predict included',
      async (id) => {
        await use('wasm');

        const model = buildTfModel(findTemplate(id)!.build());
        model.compile({ optimizer: tf.train.adam(0.001), loss: 'categoricalCrossentropy' });
        const x = tf.randomUniform([8, 28, 28, 1]);
        const y = tf.oneHot(tf.tensor1d([0, 1, 2, 3, 4, 5, 6, 7], 'int32'), 10);
        await model.trainOnBatch(x, y);
        const [tensors, held] = [tf.memory().numTensors, tf.backend().numDataIds()];
        for (let i = 0; i < 3; i++) {
          await model.trainOnBatch(x, y);
          tf.dispose(model.predict(x));
        }
        expect(tf.memory().numTensors).toBe(tensors);
        expect(tf.backend().numDataIds()).toBe(held);
        tf.dispose([x, y]);
        model.dispose();
      },
    );
  });
});

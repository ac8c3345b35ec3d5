/**
 * The WebAssembly backend on several threads (wasm-threads.ts, simd/kernel-pool.ts): how work is split,
 * that a thread count always gives the same sums, that results equal one thread's up to float rounding,
 * and that a kernel failing on one of its parts is reported instead of hanging the trainer.
 */
import fc from 'fast-check';
import * as tf from '@tensorflow/tfjs';
import { afterAll, describe, expect, it } from 'vitest';
import { registerWasmTrainingKernels } from '../../src/trainer/backends/select-backend.ts';
import { elementParts, MAX_PARTS, MIN_PART, splitRange } from '../../src/trainer/backends/simd/kernel-pool.ts';
import { pointer, trainingKernels, type WasmBackendHeap } from '../../src/trainer/backends/simd/training-kernels.ts';
import { defaultThreads, startWasm } from '../../src/trainer/backends/wasm-threads.ts';

afterAll(async () => {
  await startWasm(1);
});

describe('splitting work between threads', () => {
  it('takes every core, leaving one to the window from four cores up', () => {
    expect([1, 2, 3, 4, 8, 16].map((cores) => defaultThreads(cores))).toEqual([1, 2, 3, 3, 7, 15]);
  });

  it('covers every item once, in order, in at most as many runs as threads, starting on the alignment', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100_000 }),
        fc.integer({ min: 1, max: 16 }),
        fc.integer({ min: 1, max: 5000 }),
        fc.constantFrom(1, 4, 16),
        (count, parts, least, align) => {
          const ranges = splitRange(count, parts, least, align);
          expect(ranges.length).toBeGreaterThanOrEqual(1);
          expect(ranges.length).toBeLessThanOrEqual(parts);
          expect(ranges[0]![0]).toBe(0);
          expect(ranges.at(-1)![1]).toBe(count);
          ranges.forEach(([start, end], i) => {
            if (i > 0) expect(start).toBe(ranges[i - 1]![1]);
            expect(start % align).toBe(0);
            if (ranges.length > 1) expect(end - start).toBeGreaterThanOrEqual(Math.min(least, count));
          });
        },
      ),
    );
  });

  it('leaves small element-wise passes to one thread', () => {
    expect(elementParts(MIN_PART, 4)).toEqual([[0, MIN_PART]]);
    expect(elementParts(4 * MIN_PART + 3, 4)).toHaveLength(4);
  });
});

/** The filter gradient of a 5 × 5 convolution over a batch of 16 (the textbook net's second layer, smaller). */
async function filterGradient(threads: number): Promise<Float32Array> {
  await startWasm(threads);
  registerWasmTrainingKernels();
  const x = tf.tensor4d(
    Float32Array.from({ length: 16 * 14 * 14 * 16 }, (_, i) => Math.sin(i * 0.37)),
    [16, 14, 14, 16],
  );
  const dy = tf.tensor4d(
    Float32Array.from({ length: 16 * 14 * 14 * 36 }, (_, i) => Math.cos(i * 0.11)),
    [16, 14, 14, 36],
  );
  const dw = tf.engine().runKernel(
    'Conv2DBackpropFilter',
    { x, dy },
    {
      strides: [1, 1],
      pad: 'same',
      dataFormat: 'NHWC',
      filterShape: [5, 5, 16, 36],
    },
  ) as tf.Tensor;
  const values = (await dw.data()) as Float32Array;
  tf.dispose([x, dy, dw]);
  return values;
}

describe('results on several threads', () => {
  it('the same sums every time for a given thread count, and one thread’s up to rounding', async () => {
    const one = await filterGradient(1);
    const two = await filterGradient(2);
    expect(await filterGradient(2)).toEqual(two);
    const four = await filterGradient(4);
    expect(await filterGradient(4)).toEqual(four);
    for (const split of [two, four]) {
      let worst = 0;
      for (let i = 0; i < one.length; i++)
        worst = Math.max(worst, Math.abs(split[i]! - one[i]!) / (1 + Math.abs(one[i]!)));
      expect(worst).toBeLessThan(1e-4);
    }
  });

  it('runs every part of a call once, however many more parts than threads, call after call', async () => {
    expect(await startWasm(2)).toBe(2);
    const backend = tf.backend() as unknown as WasmBackendHeap;
    const kernels = trainingKernels(backend)!;
    const count = 4096;
    const x = tf.tensor1d(Float32Array.from({ length: count }, (_, i) => (i % 2 ? i : -i)));
    const out = backend.makeOutput([count], 'float32');
    const [px, pout] = [pointer(backend, x), pointer(backend, out)];
    const heap = backend as unknown as { typedArrayFromHeap(t: tf.TensorInfo): Float32Array };
    // Calls follow one another with different parts, so a worker that claimed late from an earlier call
    // and ran its arguments would leave a wrong or missing value somewhere.
    for (let call = 0; call < 300; call++) {
      const parts = 1 + (call % MAX_PARTS);
      heap.typedArrayFromHeap(out).fill(Number.NaN);
      kernels.split(
        'relu',
        splitRange(count, parts, 1, 4).map(([a, b]) => [px + 4 * a, pout + 4 * a, b - a]),
      );
      const values = heap.typedArrayFromHeap(out);
      for (let i = 0; i < count; i++) if (values[i] !== (i % 2 ? i : 0)) throw new Error(`call ${call}, value ${i}`);
    }
    expect(() =>
      kernels.split(
        'relu',
        Array.from({ length: MAX_PARTS + 1 }, () => [px, pout, 4]),
      ),
    ).toThrow(/do not fit the kernel pool/);
    x.dispose();
    (backend as unknown as { disposeData(id: object): void }).disposeData(out.dataId);
  });

  it('a kernel that fails on one of its parts is reported, whichever thread ran it, and the pool works on', async () => {
    expect(await startWasm(2)).toBe(2);
    const backend = tf.backend() as unknown as WasmBackendHeap;
    const kernels = trainingKernels(backend)!;
    expect(kernels.threads).toBe(2);
    const x = tf.tensor1d(Float32Array.from({ length: 8 }, (_, i) => i - 4));
    const out = backend.makeOutput([8], 'float32');
    const [px, pout] = [pointer(backend, x), pointer(backend, out)];
    // The second part reads far beyond the memory's end: WebAssembly traps on the thread that claimed it.
    expect(() =>
      kernels.split('relu', [
        [px, pout, 8],
        [0x7ff00000, pout, 1 << 20],
      ]),
    ).toThrow(/The kernel relu failed on one of its parts/);
    kernels.split('relu', [
      [px, pout, 4],
      [px + 16, pout + 16, 4],
    ]);
    const heap = backend as unknown as { typedArrayFromHeap(t: tf.TensorInfo): Float32Array };
    expect([...heap.typedArrayFromHeap(out)]).toEqual([0, 0, 0, 0, 0, 1, 2, 3]);
    x.dispose();
    (backend as unknown as { disposeData(id: object): void }).disposeData(out.dataId);
  });
});

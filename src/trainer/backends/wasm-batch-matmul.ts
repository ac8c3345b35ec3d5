/**
 * Matrix products on TensorFlow.js's wasm backend. A single product (no batch, or a batch of one) whose
 * result has columns in fours is a SIMD loop of ours (training-kernels.wat) over parts of the result's
 * rows, which the kernel pool's threads share: the Dense layers' products of training (forward, weight
 * gradient, input gradient). The backend's own product (XNNPACK) runs on a pool of its own that scaled
 * 1.3× from one thread to two on the textbook MNIST net (8.2 → 6.4 ms a step), and packs its second
 * operand afresh on every call.
 *
 * Ours reads A as it lies or transposed (a stride each way), so xᵀ · dy needs no copy; B it reads by rows,
 * so for a transposed B (dy · Wᵀ) either B is transposed first or the product is taken the other way round
 * and transposed back, whichever moves fewer values. Each value is summed in k's order whatever the split,
 * so results do not change with the thread count.
 *
 * Other products keep the backend's kernel, with transposed operands transposed explicitly first: the
 * backend's product is 6–7× slower when an operand is transposed (24 ms against 3.4 ms for a Dense layer's
 * weight gradient on MNIST). And a Dense layer's input gradient dy · Wᵀ with a large W goes the other way
 * round there, as (W · dyᵀ)ᵀ: the backend packs its second operand afresh, so packing Wᵀ cost more than the
 * product (105 → 36 ms for the CIFAR-10 net's 4096 × 1024 layer; docs/performance.md).
 */
import type { TensorInfo } from '@tensorflow/tfjs';

import { batchParts } from './simd/kernel-pool.ts';
import { pointer, trainingKernels, type TrainingKernels, type WasmBackendHeap } from './simd/training-kernels.ts';
import { replaceWasmKernel, temporaries, wasmKernel as kernel, type KernelFunc } from './wasm-kernel-calls.ts';

/** Below this many values in W, transposing it is as cheap as the two transposes of the swapped form. */
const LARGE = 1 << 16;
/** Multiply-adds a part of a split product does at least (about 10 µs on one core). */
const LEAST_WORK = 1 << 16;

/** Swaps the last two axes. */
function flipped(transpose: KernelFunc, t: TensorInfo, backend: unknown): TensorInfo {
  const perm = t.shape.map((_, i) => i);
  [perm[perm.length - 1], perm[perm.length - 2]] = [perm[perm.length - 2]!, perm[perm.length - 1]!];
  return transpose({ inputs: { x: t }, backend, attrs: { perm } });
}

/** Whether a tensor holds one matrix: rank 2, or a batch of one. */
const oneMatrix = (t: TensorInfo) => t.shape.length >= 2 && t.shape.slice(0, -2).every((d) => d === 1);

/** c [m × n] = A · B on the pool's threads, rows split in fours (A as matMul in the .wat reads it). */
function multiply(
  simd: TrainingKernels,
  [pa, pb, pc]: [number, number, number],
  [m, k, n]: [number, number, number],
  [aRow, aStep]: [number, number],
): void {
  const least = Math.max(4, Math.ceil(LEAST_WORK / Math.max(1, k * n)));
  simd.split(
    'matMul',
    batchParts(m, simd.threads, least, 4).map(([i0, i1]) => [
      pa + i0 * aRow,
      pb,
      pc + 4 * i0 * n,
      i1 - i0,
      k,
      n,
      aRow,
      aStep,
    ]),
  );
}

/** The product by our kernel (see the file's comment), or null where it leaves it to the backend. */
export function simdProduct(
  backend: WasmBackendHeap,
  a: TensorInfo,
  b: TensorInfo,
  transposeA: boolean,
  transposeB: boolean,
): TensorInfo | null {
  const simd = trainingKernels(backend);
  if (!simd || a.dtype !== 'float32' || b.dtype !== 'float32' || a.shape.length !== b.shape.length) return null;
  if (!oneMatrix(a) || !oneMatrix(b)) return null;
  const [a0, a1] = a.shape.slice(-2) as [number, number];
  const [b0, b1] = b.shape.slice(-2) as [number, number];
  const [m, k] = transposeA ? [a1, a0] : [a0, a1];
  const n = transposeB ? b0 : b1;
  if (n % 4 !== 0 || (transposeB ? b1 : b0) !== k) return null;
  const lead = a.shape.slice(0, -2);
  const { keep, free } = temporaries(backend);
  const transpose = (t: TensorInfo) => flipped(kernel('Transpose'), t, backend);
  try {
    // A transposed B (dy · Wᵀ): either B is transposed (k·n values), or the product is taken the other way
    // round, Cᵀ = B · Aᵀ, and transposed back (m·n values, and m·k more where A lies untransposed) —
    // whichever moves fewer values: W of the CIFAR-10 net's 4096 × 1024 layer is 4 M values, its
    // dy and dx 0.7 M together.
    const swap = transposeB && m % 4 === 0 && m > 0 && (transposeA ? 0 : m * k) + m * n < k * n;
    if (swap) {
      const rowMajorAT = transposeA ? a : keep(transpose(a));
      const swapped = keep(backend.makeOutput([...lead, n, m], 'float32'));
      const pointers = [pointer(backend, b), pointer(backend, rowMajorAT), pointer(backend, swapped)] as const;
      multiply(simd, [...pointers], [n, k, m], [4 * k, 4]);
      return transpose(swapped);
    }
    const out = backend.makeOutput([...lead, m, n], 'float32');
    if (m === 0 || n === 0) return out;
    const rowMajorB = transposeB ? keep(transpose(b)) : b;
    const pointers = [pointer(backend, a), pointer(backend, rowMajorB), pointer(backend, out)] as const;
    multiply(simd, [...pointers], [m, k, n], transposeA ? [4, 4 * m] : [4 * k, 4]);
    return out;
  } finally {
    free();
  }
}

export function registerWasmBatchMatMul(): void {
  const transpose = kernel('Transpose');
  replaceWasmKernel('BatchMatMul', (multiply) => (args) => {
    const { inputs, backend, attrs } = args;
    const [a, b] = [inputs.a!, inputs.b!];
    const [transposeA, transposeB] = [attrs.transposeA === true, attrs.transposeB === true];
    const ours = simdProduct(backend as WasmBackendHeap, a, b, transposeA, transposeB);
    if (ours) return ours;
    if (!transposeA && !transposeB) return multiply(args);
    const { keep, free } = temporaries(backend);
    const flip = (t: TensorInfo, keepIt = true): TensorInfo => {
      const f = flipped(transpose, t, backend);
      return keepIt ? keep(f) : f;
    };
    const untransposed = { ...attrs, transposeA: false, transposeB: false };
    try {
      const [m, n] = [a.shape[0]!, b.shape[0]!];
      const swap = a.shape.length === 2 && b.shape.length === 2 && !transposeA && n > m && n * b.shape[1]! >= LARGE;
      if (swap) {
        const product = keep(multiply({ inputs: { a: b, b: flip(a) }, backend, attrs: untransposed }));
        return flip(product, false);
      }
      return multiply({
        inputs: { a: transposeA ? flip(a) : a, b: transposeB ? flip(b) : b },
        backend,
        attrs: untransposed,
      });
    } finally {
      free();
    }
  });
}

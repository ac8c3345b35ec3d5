/**
 * Adding a layer's bias (x of shape [..., C] plus a bias of shape [C]) on TensorFlow.js's wasm backend in
 * one SIMD pass (training-kernels.wat), for C in fours: the backend's broadcasting Add took 3 ms for the
 * textbook net's first layer. Every other addition keeps the backend's kernel.
 */
import { pointer, trainingKernels, type TrainingKernels, type WasmBackendHeap } from './simd/training-kernels.ts';
import { replaceWasmKernel } from './wasm-kernel-calls.ts';
import { batchParts, MIN_PART } from './simd/kernel-pool.ts';

export function registerWasmBiasAdd(): void {
  replaceWasmKernel('Add', (fallback) => (args) => {
    const { a, b } = args.inputs;
    if (!a || !b || a.dtype !== 'float32' || b.dtype !== 'float32') return fallback(args);
    const columns = a.shape[a.shape.length - 1]!;
    const bias = a.shape.length >= 2 && b.shape.length === 1 && b.shape[0] === columns;
    const backend = args.backend as WasmBackendHeap;
    const simd = trainingKernels(backend);
    if (!simd || !bias || columns === 0 || columns % 4 !== 0) return fallback(args);
    const rows = a.shape.slice(0, -1).reduce((p, q) => p * q, 1);
    const out = backend.makeOutput([...a.shape], 'float32');
    addBiasRows(simd, ...([a, b, out].map((t) => pointer(backend, t)) as [number, number, number]), rows, columns);
    return out;
  });
}

/** out = x + bias for `rows` rows of `columns` values (in fours), on the pool's threads; out may be x. */
export function addBiasRows(
  simd: TrainingKernels,
  x: number,
  bias: number,
  out: number,
  rows: number,
  columns: number,
): void {
  const rowBytes = 4 * columns;
  simd.split(
    'addBias',
    batchParts(rows, simd.threads, Math.ceil(MIN_PART / columns)).map(([r0, r1]) => [
      x + r0 * rowBytes,
      bias,
      out + r0 * rowBytes,
      r1 - r0,
      columns,
    ]),
  );
}

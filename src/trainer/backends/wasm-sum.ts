/**
 * Sums over every axis but the last on TensorFlow.js's wasm backend, as training's bias gradients ask for
 * (dy summed over batch, height and width). The backend transposes first, which costs more than the sum
 * (49 ms per batch on the 4-layer MNIST CNN); a product with a row of ones, which replaced it, made the
 * backend pack the matrix afresh each step. A SIMD column sum of ours (training-kernels.wat) reads it once.
 * Other reductions keep the backend's kernel.
 */
import { pointer, trainingKernels, type WasmBackendHeap } from './simd/training-kernels.ts';
import { replaceWasmKernel } from './wasm-kernel-calls.ts';

export function registerWasmSum(): void {
  replaceWasmKernel('Sum', (fallback) => (args) => {
    const { inputs, attrs } = args;
    const x = inputs.x!;
    const rank = x.shape.length;
    // No axis means every axis: the backend's own reduction does that well.
    if (attrs.axis === null || attrs.axis === undefined) return fallback(args);
    const axes = (Array.isArray(attrs.axis) ? attrs.axis : [attrs.axis])
      .map((a) => ((a as number) + rank) % rank)
      .sort((a, b) => a - b);
    // Exactly the bias-gradient case: every axis but the last.
    const leading = axes.length === rank - 1 && axes.every((a, i) => a === i);
    const backend = args.backend as WasmBackendHeap;
    const simd = trainingKernels(backend);
    if (!simd || !leading || x.dtype !== 'float32' || attrs.keepDims) return fallback(args);
    const rows = x.shape.slice(0, axes.length).reduce((a, b) => a * b, 1);
    const columns = x.shape[rank - 1]!;
    const out = backend.makeOutput([columns], 'float32');
    simd.sumRows(pointer(backend, x), pointer(backend, out), rows, columns);
    return out;
  });
}

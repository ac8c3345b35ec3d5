/**
 * Sums over every axis but the last on TensorFlow.js's wasm backend, as training's bias gradients ask for
 * (dy summed over batch, height and width): the backend transposes first, which costs more than the sum
 * (49 ms per batch on the 4-layer MNIST CNN). A product with a row of ones needs no transpose.
 * Other reductions keep the backend's kernel.
 */
import { replaceWasmKernel, temporaries, wasmKernel as kernel } from './wasm-kernel-calls.ts';

export function registerWasmSum(): void {
  const reshape = kernel('Reshape');
  const fill = kernel('Fill');
  const matMul = kernel('BatchMatMul');
  replaceWasmKernel('Sum', (fallback) => (args) => {
    const { inputs, backend, attrs } = args;
    const x = inputs.x!;
    const rank = x.shape.length;
    // No axis means every axis: the backend's own reduction does that well.
    if (attrs.axis === null || attrs.axis === undefined) return fallback(args);
    const axes = (Array.isArray(attrs.axis) ? attrs.axis : [attrs.axis])
      .map((a) => ((a as number) + rank) % rank)
      .sort((a, b) => a - b);
    // Exactly the bias-gradient case: every axis but the last.
    const leading = axes.length === rank - 1 && axes.every((a, i) => a === i);
    if (!leading || x.dtype !== 'float32' || attrs.keepDims) return fallback(args);
    const rows = x.shape.slice(0, axes.length).reduce((a, b) => a * b, 1);
    const rest = x.shape.slice(axes.length);
    const columns = rest.reduce((a, b) => a * b, 1);
    const { keep, free } = temporaries(backend);
    try {
      const matrix = keep(reshape({ inputs: { x }, backend, attrs: { shape: [1, rows, columns] } }));
      const ones = keep(fill({ inputs: {}, backend, attrs: { shape: [1, 1, rows], value: 1, dtype: 'float32' } }));
      const product = keep(
        matMul({ inputs: { a: ones, b: matrix }, backend, attrs: { transposeA: false, transposeB: false } }),
      );
      return reshape({ inputs: { x: product }, backend, attrs: { shape: rest } });
    } finally {
      free();
    }
  });
}

/**
 * TensorFlow.js's wasm matrix product is 6–7× slower when an operand is transposed (measured here:
 * 24 ms against 3.4 ms for a Dense layer's weight gradient on MNIST). Training's backward pass always asks
 * for transposed products, so this kernel transposes the operand explicitly and multiplies untransposed.
 *
 * One case goes the other way round: a Dense layer's input gradient dy · Wᵀ with a large W. The backend
 * packs its second operand afresh (W is new after every update), so packing Wᵀ cost more than the product;
 * (W · dyᵀ)ᵀ packs only the small dyᵀ. 105 → 36 ms for the CIFAR-10 net's 4096 × 1024 layer, 20 → 16 ms
 * for the 4-layer MNIST net's 9216 × 128 (docs/performance.md).
 */
import type { TensorInfo } from '@tensorflow/tfjs';

import { replaceWasmKernel, temporaries, wasmKernel as kernel } from './wasm-kernel-calls.ts';

/** Below this many values in W, transposing it is as cheap as the two transposes of the swapped form. */
const LARGE = 1 << 16;

export function registerWasmBatchMatMul(): void {
  const transpose = kernel('Transpose');
  replaceWasmKernel('BatchMatMul', (multiply) => (args) => {
    const { inputs, backend, attrs } = args;
    if (!attrs.transposeA && !attrs.transposeB) return multiply(args);
    const { keep, free } = temporaries(backend);
    const flip = (t: TensorInfo, keepIt = true): TensorInfo => {
      const perm = t.shape.map((_, i) => i);
      [perm[perm.length - 1], perm[perm.length - 2]] = [perm[perm.length - 2]!, perm[perm.length - 1]!];
      const flipped = transpose({ inputs: { x: t }, backend, attrs: { perm } });
      return keepIt ? keep(flipped) : flipped;
    };
    const untransposed = { ...attrs, transposeA: false, transposeB: false };
    try {
      const [a, b] = [inputs.a!, inputs.b!];
      const [m, n] = [a.shape[0]!, b.shape[0]!];
      const swap =
        a.shape.length === 2 && b.shape.length === 2 && !attrs.transposeA && n > m && n * b.shape[1]! >= LARGE;
      if (swap) {
        const product = keep(multiply({ inputs: { a: b, b: flip(a) }, backend, attrs: untransposed }));
        return flip(product, false);
      }
      return multiply({
        inputs: { a: attrs.transposeA ? flip(a) : a, b: attrs.transposeB ? flip(b) : b },
        backend,
        attrs: untransposed,
      });
    } finally {
      free();
    }
  });
}

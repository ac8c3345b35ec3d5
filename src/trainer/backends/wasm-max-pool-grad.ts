/**
 * The gradient of max pooling for TensorFlow.js's wasm backend, as one pass of plain JavaScript over the
 * wasm heap: for each window, the first position holding its maximum (in row-major order, as TensorFlow
 * picks it) receives the window's output gradient; overlapping windows add up.
 *
 * The backend's own kernel is a slower loop and disagrees with the CPU backend when windows do not tile the
 * input; an earlier version of ours composed backend kernels (resize, compare, multiply) and gave a tie's
 * gradient to every maximum. Measured per textbook MNIST batch: 37 ms (backend) → 19.5 ms (composed) →
 * 14.4 ms (this loop) → see docs/performance.md for the SIMD one.
 *
 * Windows that do not overlap and lie inside the input, with channels in fours (2 × 2 pools with stride 2,
 * as nearly every net has), take a SIMD loop of ours instead (training-kernels.wat), which compares with
 * the pooled output the forward pass kept rather than searching each window again.
 */
import type { backend_util } from '@tensorflow/tfjs';
import { type TensorInfo } from '@tensorflow/tfjs';
import { pointer, trainingKernels, type WasmBackendHeap } from './simd/training-kernels.ts';
import { replaceWasmKernel } from './wasm-kernel-calls.ts';
import { tiledPool } from './wasm-max-pool.ts';
import { poolInfo, splitPool } from './wasm-pool-windows.ts';

/** The part of the wasm backend this kernel uses. */
interface WasmHeapBackend extends WasmBackendHeap {
  typedArrayFromHeap(t: TensorInfo): Float32Array;
}

export function registerWasmMaxPoolGrad(): void {
  replaceWasmKernel('MaxPoolGrad', (fallback) => (args) => {
    const { inputs, attrs } = args;
    const { dy, input, output } = inputs;
    if (!dy || !input || input.dtype !== 'float32') return fallback(args);
    const backend = args.backend as WasmHeapBackend;
    const info = poolInfo(input, attrs);
    const out = backend.makeOutput([...input.shape], 'float32');
    const simd = trainingKernels(backend);
    if (simd && tiledPool(info) && output && output.dtype === 'float32') {
      const [image, pooled] = [
        info.inHeight * info.inWidth * info.inChannels,
        info.outHeight * info.outWidth * info.inChannels,
      ];
      const tensors = (
        [
          [input, image],
          [output, pooled],
          [dy, pooled],
          [out, image],
        ] as const
      ).map(([t, perImage]): [number, number] => [pointer(backend, t), perImage]);
      splitPool(simd, 'maxPoolGradTiled', tensors, info);
      return out;
    }
    // Views are taken after the allocation: growing the heap would detach earlier ones.
    maxPoolGradient(
      backend.typedArrayFromHeap(input),
      backend.typedArrayFromHeap(dy),
      backend.typedArrayFromHeap(out),
      info,
    );
    return out;
  });
}

/** dx = the pooling gradient of dy for input x, NHWC; exported for its test. */
export function maxPoolGradient(
  x: Float32Array,
  dy: Float32Array,
  dx: Float32Array,
  info: Pick<
    backend_util.Conv2DInfo,
    | 'batchSize'
    | 'inHeight'
    | 'inWidth'
    | 'inChannels'
    | 'outHeight'
    | 'outWidth'
    | 'filterHeight'
    | 'filterWidth'
    | 'strideHeight'
    | 'strideWidth'
    | 'padInfo'
  >,
): void {
  const { batchSize, inHeight: h, inWidth: w, inChannels: c, outHeight: oh, outWidth: ow } = info;
  const { filterHeight: kh, filterWidth: kw, strideHeight: sh, strideWidth: sw } = info;
  const top = info.padInfo.top;
  const left = info.padInfo.left;
  dx.fill(0);
  const best = new Float32Array(c);
  const at = new Int32Array(c);
  let o = 0;
  for (let n = 0; n < batchSize; n++) {
    const image = n * h * w * c;
    for (let i = 0; i < oh; i++) {
      const r0 = Math.max(0, i * sh - top);
      const r1 = Math.min(h, i * sh - top + kh);
      for (let j = 0; j < ow; j++) {
        const c0 = Math.max(0, j * sw - left);
        const c1 = Math.min(w, j * sw - left + kw);
        best.fill(-Infinity);
        at.fill(-1);
        for (let r = r0; r < r1; r++) {
          for (let col = c0; col < c1; col++) {
            const base = image + (r * w + col) * c;
            for (let k = 0; k < c; k++) {
              const v = x[base + k]!;
              if (v > best[k]!) {
                best[k] = v;
                at[k] = base + k;
              }
            }
          }
        }
        for (let k = 0; k < c; k++, o++) {
          const p = at[k]!;
          if (p >= 0) dx[p] = dx[p]! + dy[o]!;
        }
      }
    }
  }
}

/**
 * Max pooling on TensorFlow.js's wasm backend for windows that do not overlap and lie inside the input,
 * with channels in fours (2 × 2 pools with stride 2, as nearly every net has): a SIMD loop of ours
 * (training-kernels.wat) over parts of the batch, which the kernel pool's threads share. The backend's own
 * kernel runs on one thread whatever the thread count (textbook MNIST, 2 threads: 2.2 ms a step for its
 * two pools). Other pools keep the backend's kernel.
 */
import { backend_util, type TensorInfo } from '@tensorflow/tfjs';
import { pointer, trainingKernels, type WasmBackendHeap } from './simd/training-kernels.ts';
import { batchParts } from './simd/kernel-pool.ts';
import { replaceWasmKernel } from './wasm-kernel-calls.ts';

/** Whether pooling windows tile the input: none overlap, none reaches past it, channels in fours. */
export function tiledPool(info: backend_util.Conv2DInfo): boolean {
  return (
    info.filterHeight === info.strideHeight &&
    info.filterWidth === info.strideWidth &&
    info.padInfo.top === 0 &&
    info.padInfo.left === 0 &&
    info.outHeight * info.filterHeight <= info.inHeight &&
    info.outWidth * info.filterWidth <= info.inWidth &&
    info.inChannels % 4 === 0
  );
}

export function registerWasmMaxPool(): void {
  replaceWasmKernel('MaxPool', (fallback) => (args) => {
    const x = args.inputs.x;
    const { attrs } = args;
    const backend = args.backend as WasmBackendHeap;
    const simd = trainingKernels(backend);
    if (!simd || !x || x.dtype !== 'float32' || x.shape.length !== 4) return fallback(args);
    const info = backend_util.computePool2DInfo(
      x.shape as [number, number, number, number],
      attrs.filterSize as number | [number, number],
      attrs.strides as number | [number, number],
      1,
      attrs.pad as 'same' | 'valid' | number,
      attrs.dimRoundingMode as 'floor' | 'round' | 'ceil' | undefined,
    );
    if (!tiledPool(info) || info.outHeight === 0 || info.outWidth === 0) return fallback(args);
    const { batchSize: n, inHeight: h, inWidth: w, inChannels: c, outHeight: oh, outWidth: ow } = info;
    const out: TensorInfo = backend.makeOutput([n, oh, ow, c], 'float32');
    const [px, py] = [pointer(backend, x), pointer(backend, out)];
    simd.split(
      'maxPoolTiled',
      batchParts(n, simd.threads).map(([a, b]) => [
        px + 4 * a * h * w * c,
        py + 4 * a * oh * ow * c,
        b - a,
        h,
        w,
        c,
        oh,
        ow,
        info.filterHeight,
        info.filterWidth,
      ]),
    );
    return out;
  });
}

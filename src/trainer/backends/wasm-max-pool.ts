/**
 * Max pooling on TensorFlow.js's wasm backend for windows that do not overlap and lie inside the input,
 * with channels in fours (2 × 2 pools with stride 2, as nearly every net has): a SIMD loop of ours
 * (training-kernels.wat) over parts of the batch, which the kernel pool's threads share. The backend's own
 * kernel runs on one thread whatever the thread count (textbook MNIST, 2 threads: 2.2 ms a step for its
 * two pools). Other pools keep the backend's kernel.
 */
import type { backend_util } from '@tensorflow/tfjs';
import { type TensorInfo } from '@tensorflow/tfjs';
import { pointer, trainingKernels, type WasmBackendHeap } from './simd/training-kernels.ts';
import { replaceWasmKernel } from './wasm-kernel-calls.ts';
import { poolInfo, splitPool, windowsTile } from './wasm-pool-windows.ts';

/** Whether our max-pooling loops take this pooling: windows that tile the input, channels in fours. */
export const tiledPool = (info: backend_util.Conv2DInfo) => windowsTile(info) && info.inChannels % 4 === 0;

export function registerWasmMaxPool(): void {
  replaceWasmKernel('MaxPool', (fallback) => (args) => {
    const x = args.inputs.x;
    const { attrs } = args;
    const backend = args.backend as WasmBackendHeap;
    const simd = trainingKernels(backend);
    if (!simd || !x || x.dtype !== 'float32' || x.shape.length !== 4) return fallback(args);
    const info = poolInfo(x, attrs);
    if (!tiledPool(info)) return fallback(args);
    const { batchSize: n, inHeight: h, inWidth: w, inChannels: c, outHeight: oh, outWidth: ow } = info;
    const out: TensorInfo = backend.makeOutput([n, oh, ow, c], 'float32');
    const tensors: [number, number][] = [
      [pointer(backend, x), h * w * c],
      [pointer(backend, out), oh * ow * c],
    ];
    splitPool(simd, 'maxPoolTiled', tensors, info);
    return out;
  });
}

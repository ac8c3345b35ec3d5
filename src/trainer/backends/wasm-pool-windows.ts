/** Where the windows of a pooling layer lie, for the pooling kernels of ours on the wasm backend. */
import { backend_util, type TensorInfo } from '@tensorflow/tfjs';
import { batchParts } from './simd/kernel-pool.ts';
import type { KernelName, TrainingKernels } from './simd/training-kernels.ts';

/** A pooling's geometry from its input and a pooling kernel's settings. */
export function poolInfo(input: TensorInfo, attrs: Record<string, unknown>): backend_util.Conv2DInfo {
  return backend_util.computePool2DInfo(
    input.shape as [number, number, number, number],
    attrs.filterSize as number | [number, number],
    attrs.strides as number | [number, number],
    1,
    attrs.pad as 'same' | 'valid' | number,
    attrs.dimRoundingMode as 'floor' | 'round' | 'ceil' | undefined,
  );
}

/** Whether the windows tile the input: none overlap, none reaches past it (rows and columns may be left over). */
export function windowsTile(info: backend_util.Conv2DInfo): boolean {
  return (
    info.filterHeight === info.strideHeight &&
    info.filterWidth === info.strideWidth &&
    info.padInfo.top === 0 &&
    info.padInfo.left === 0 &&
    info.outHeight * info.filterHeight <= info.inHeight &&
    info.outWidth * info.filterWidth <= info.inWidth &&
    info.outHeight > 0 &&
    info.outWidth > 0
  );
}

/**
 * Runs a pooling loop of ours (the .wat's …Tiled kernels) over the batch in parts on the pool's threads:
 * `tensors` are its tensor arguments as [address, values per image], then come the pooling's sizes.
 */
export function splitPool(
  simd: TrainingKernels,
  kernel: KernelName,
  tensors: [number, number][],
  info: backend_util.Conv2DInfo,
): void {
  const { batchSize: n, inHeight: h, inWidth: w, inChannels: c, outHeight: oh, outWidth: ow } = info;
  simd.split(
    kernel,
    batchParts(n, simd.threads).map(([a, b]) => [
      ...tensors.map(([address, perImage]) => address + 4 * a * perImage),
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
}

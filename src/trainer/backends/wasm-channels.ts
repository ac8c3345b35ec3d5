/**
 * A tensor's last axis (its channels) cut or padded with zeros to another length, row by row on the kernel
 * pool's threads: how channel counts that are not in fours (LeNet's 6 filters, a first layer's 1 or 3
 * input channels) reach our loops, which work on channels in fours, and how their results come back.
 */
import type { TensorInfo } from '@tensorflow/tfjs';

import { batchParts, MIN_PART } from './simd/kernel-pool.ts';
import { pointer, type TrainingKernels, type WasmBackendHeap } from './simd/training-kernels.ts';

/** Channels rounded up to fours. */
export const inFours = (channels: number) => Math.ceil(channels / 4) * 4;

/** A new float32 tensor: t with its last axis cut to `channels` values, or followed by zeros up to them. */
export function withChannels(
  simd: TrainingKernels,
  backend: WasmBackendHeap,
  t: TensorInfo,
  channels: number,
): TensorInfo {
  const from = t.shape.at(-1)!;
  const out = backend.makeOutput([...t.shape.slice(0, -1), channels], 'float32');
  const rows = t.shape.slice(0, -1).reduce((a, b) => a * b, 1);
  const [src, dst] = [pointer(backend, t), pointer(backend, out)];
  simd.split(
    'resizeRows',
    batchParts(rows, simd.threads, Math.ceil(MIN_PART / Math.max(from, channels, 1))).map(([r0, r1]) => [
      src + 4 * r0 * from,
      dst + 4 * r0 * channels,
      r1 - r0,
      from,
      channels,
    ]),
  );
  return out;
}

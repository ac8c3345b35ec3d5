/**
 * Average pooling and its gradient on TensorFlow.js's wasm backend, for windows that do not overlap and
 * lie inside the input (LeNet's 2 × 2 pools), any channel count: SIMD loops of ours (training-kernels.wat)
 * over parts of the batch, which the kernel pool's threads share. The backend computes both on one thread;
 * LeNet-5's two gradients took 6.4 ms of its 2-thread step. Other pools keep the backend's kernels.
 */
import type { TensorInfo } from '@tensorflow/tfjs';
import { pointer, trainingKernels, type WasmBackendHeap } from './simd/training-kernels.ts';
import { replaceWasmKernel } from './wasm-kernel-calls.ts';
import { poolInfo, splitPool, windowsTile } from './wasm-pool-windows.ts';

type Pool = 'avgPoolTiled' | 'avgPoolGradTiled';

/** `kernel` from `from` (x, or dy) to a new tensor (y, or dx the input's shape), or null where ours does not apply. */
function averagePool(
  kernel: Pool,
  backend: WasmBackendHeap,
  from: TensorInfo,
  input: TensorInfo,
  attrs: Record<string, unknown>,
): TensorInfo | null {
  const simd = trainingKernels(backend);
  if (!simd || from.dtype !== 'float32' || input.shape.length !== 4) return null;
  const info = poolInfo(input, attrs);
  if (!windowsTile(info)) return null;
  const { batchSize: n, inHeight: h, inWidth: w, inChannels: c, outHeight: oh, outWidth: ow } = info;
  const [image, pooled] = [h * w * c, oh * ow * c];
  const forward = kernel === 'avgPoolTiled';
  const out = backend.makeOutput(forward ? [n, oh, ow, c] : [n, h, w, c], 'float32');
  const tensors: [number, number][] = [
    [pointer(backend, from), forward ? image : pooled],
    [pointer(backend, out), forward ? pooled : image],
  ];
  splitPool(simd, kernel, tensors, info);
  return out;
}

export function registerWasmAvgPool(): void {
  replaceWasmKernel('AvgPool', (fallback) => (args) => {
    const x = args.inputs.x!;
    return averagePool('avgPoolTiled', args.backend as WasmBackendHeap, x, x, args.attrs) ?? fallback(args);
  });
  replaceWasmKernel('AvgPoolGrad', (fallback) => (args) => {
    const { dy, input } = args.inputs;
    if (!dy || !input) return fallback(args);
    return averagePool('avgPoolGradTiled', args.backend as WasmBackendHeap, dy, input, args.attrs) ?? fallback(args);
  });
}

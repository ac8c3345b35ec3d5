/**
 * Element-wise activations on TensorFlow.js's wasm backend as one SIMD pass of ours each, forward and
 * backward, split in ranges between the kernel pool's threads (ReLU, tanh, the sigmoid). TensorFlow.js
 * computes their gradients as two or three element-wise kernels with a tensor the size of the layer's
 * output each; ours is one pass. The gradients are registered for every backend, so on the others they
 * stay TensorFlow.js's own.
 */
import {
  backend as activeBackend,
  engine,
  getBackend,
  getGradient,
  getKernel,
  registerGradient,
  registerKernel,
  type GradConfig,
  type KernelConfig,
  type Tensor,
  type TensorInfo,
} from '@tensorflow/tfjs';
import { elementParts } from './simd/kernel-pool.ts';
import { pointer, trainingKernels, type KernelName, type WasmBackendHeap } from './simd/training-kernels.ts';
import { replaceWasmKernel } from './wasm-kernel-calls.ts';

export interface Elementwise {
  /** TensorFlow.js's kernel, whose gradient is replaced too. */
  op: string;
  /** Our pass (x, out, count, ...settings) and its gradient's (dy, saved, dx, count, ...settings). */
  forward: KernelName;
  backward: KernelName;
  settings: number[];
  /** What the gradient reads besides dy: the op's input (ReLU) or output (tanh, sigmoid). */
  saved: 'x' | 'y';
  /** The name our gradient kernel is registered under. */
  gradient: string;
}

const size = (t: TensorInfo) => t.shape.reduce((a, b) => a * b, 1);

/**
 * Runs an element-wise pass of ours (`kernel`: its arrays' addresses, the count, then its settings) over
 * `count` values of each of `arrays`, in ranges on the pool's threads: activations here, Adam's update.
 */
export function elementwise(
  backend: WasmBackendHeap,
  kernel: KernelName,
  arrays: number[],
  count: number,
  settings: number[] = [],
) {
  const simd = trainingKernels(backend)!;
  simd.split(
    kernel,
    elementParts(count, simd.threads).map(([a, b]) => [...arrays.map((p) => p + 4 * a), b - a, ...settings]),
  );
}

export function registerElementwise({ op, forward, backward, settings, saved, gradient }: Elementwise): void {
  replaceWasmKernel(op, (fallback) => (args) => {
    const x = args.inputs.x!;
    const backend = args.backend as WasmBackendHeap;
    if (!trainingKernels(backend) || x.dtype !== 'float32') return fallback(args);
    const out = backend.makeOutput([...x.shape], 'float32');
    elementwise(backend, forward, [pointer(backend, x), pointer(backend, out)], size(x), settings);
    return out;
  });

  if (getKernel(gradient, 'wasm')) return;
  registerKernel({
    kernelName: gradient,
    backendName: 'wasm',
    kernelFunc: (({ inputs, backend }: { inputs: Record<string, TensorInfo>; backend: WasmBackendHeap }) => {
      const [dy, kept] = [inputs.dy!, inputs[saved]!];
      const out = backend.makeOutput([...kept.shape], 'float32');
      elementwise(
        backend,
        backward,
        [dy, kept, out].map((t) => pointer(backend, t)),
        size(kept),
        settings,
      );
      return out;
    }) as unknown as KernelConfig['kernelFunc'],
  });
  const original = getGradient(op);
  const replaced: GradConfig = {
    ...original,
    gradFunc: (dy, tensors, attrs) => {
      const [kept] = tensors as Tensor[];
      const upstream = dy as Tensor;
      const ours =
        getBackend() === 'wasm' &&
        trainingKernels(activeBackend() as unknown as WasmBackendHeap) &&
        upstream.dtype === 'float32' &&
        kept!.dtype === 'float32';
      if (!ours) return original.gradFunc(dy, tensors, attrs);
      return { x: () => engine().runKernel(gradient, { dy: upstream, [saved]: kept! }) as Tensor };
    },
  };
  registerGradient(replaced);
}

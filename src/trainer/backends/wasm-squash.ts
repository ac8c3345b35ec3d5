/**
 * tanh and the logistic sigmoid, and their gradients, for TensorFlow.js's wasm backend as SIMD passes of
 * ours (training-kernels.wat: e^x from its Taylor polynomial after a range reduction, within 2·10⁻⁷ of
 * Math.tanh and 1 / (1 + Math.exp(−x))) split between the kernel pool's threads. The backend computes
 * both on one thread, 13 ns a value: LeNet-5's tanh layers took 10 ms of its step on two threads, and
 * the gradients took two or three element-wise kernels each. The gradients are registered for every
 * backend, so on the others they stay TensorFlow.js's own.
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
import { pointer, trainingKernels, type WasmBackendHeap } from './simd/training-kernels.ts';
import { elementParts } from './simd/kernel-pool.ts';
import { replaceWasmKernel } from './wasm-kernel-calls.ts';

/** The kernels this file replaces, with the kind the .wat's squash takes and the name of our gradient. */
const SQUASHES = [
  { name: 'Tanh', kind: 0, gradient: 'ConvStudioTanhGrad' },
  { name: 'Sigmoid', kind: 1, gradient: 'ConvStudioSigmoidGrad' },
] as const;

const size = (t: TensorInfo) => t.shape.reduce((a, b) => a * b, 1);

export function registerWasmSquashes(): void {
  for (const { name, kind, gradient } of SQUASHES) {
    replaceWasmKernel(name, (fallback) => (args) => {
      const x = args.inputs.x!;
      const backend = args.backend as WasmBackendHeap;
      const simd = trainingKernels(backend);
      if (!simd || x.dtype !== 'float32') return fallback(args);
      const out = backend.makeOutput([...x.shape], 'float32');
      const [px, pout] = [pointer(backend, x), pointer(backend, out)];
      simd.split(
        'squash',
        elementParts(size(x), simd.threads).map(([a, b]) => [px + 4 * a, pout + 4 * a, b - a, kind]),
      );
      return out;
    });

    if (getKernel(gradient, 'wasm')) continue;
    registerKernel({
      kernelName: gradient,
      backendName: 'wasm',
      kernelFunc: (({ inputs, backend }: { inputs: { dy: TensorInfo; y: TensorInfo }; backend: WasmBackendHeap }) => {
        const { dy, y } = inputs;
        const out = backend.makeOutput([...y.shape], 'float32');
        const simd = trainingKernels(backend)!;
        const [pdy, py, pdx] = [dy, y, out].map((t) => pointer(backend, t)) as [number, number, number];
        simd.split(
          'squashGrad',
          elementParts(size(y), simd.threads).map(([a, b]) => [pdy + 4 * a, py + 4 * a, pdx + 4 * a, b - a, kind]),
        );
        return out;
      }) as unknown as KernelConfig['kernelFunc'],
    });
    const original = getGradient(name);
    const replaced: GradConfig = {
      ...original,
      gradFunc: (dy, saved, attrs) => {
        const [y] = saved as Tensor[];
        const upstream = dy as Tensor;
        const ours =
          getBackend() === 'wasm' &&
          trainingKernels(activeBackend() as unknown as WasmBackendHeap) &&
          upstream.dtype === 'float32' &&
          y!.dtype === 'float32';
        if (!ours) return original.gradFunc(dy, saved, attrs);
        return { x: () => engine().runKernel(gradient, { dy: upstream, y: y! }) as Tensor };
      },
    };
    registerGradient(replaced);
  }
}

/**
 * ReLU and its gradient for TensorFlow.js's wasm backend as single SIMD passes (training-kernels.wat).
 * TensorFlow.js takes the gradient as dy · cast(step(x)): three kernels and two tensors the size of the
 * layer's output on every step (3 ms of the textbook net's step); one pass does it without them.
 * The gradient is registered for every backend, so on the others it stays TensorFlow.js's own.
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
import { pointer, trainingKernels, type TrainingKernels, type WasmBackendHeap } from './simd/training-kernels.ts';
import { replaceWasmKernel } from './wasm-kernel-calls.ts';
import { elementParts } from './simd/kernel-pool.ts';

const RELU_GRAD = 'ConvStudioReluGrad';

const size = (t: TensorInfo) => t.shape.reduce((a, b) => a * b, 1);

/** out = max(x, 0) for `count` values, on the pool's threads; out may be x. */
export function reluValues(simd: TrainingKernels, x: number, out: number, count: number): void {
  simd.split(
    'relu',
    elementParts(count, simd.threads).map(([a, b]) => [x + 4 * a, out + 4 * a, b - a]),
  );
}

export function registerWasmRelu(): void {
  replaceWasmKernel('Relu', (fallback) => (args) => {
    const x = args.inputs.x!;
    const backend = args.backend as WasmBackendHeap;
    const simd = trainingKernels(backend);
    if (!simd || x.dtype !== 'float32') return fallback(args);
    const out = backend.makeOutput([...x.shape], 'float32');
    reluValues(simd, pointer(backend, x), pointer(backend, out), size(x));
    return out;
  });

  if (getKernel(RELU_GRAD, 'wasm')) return;
  registerKernel({
    kernelName: RELU_GRAD,
    backendName: 'wasm',
    kernelFunc: (({ inputs, backend }: { inputs: { dy: TensorInfo; x: TensorInfo }; backend: WasmBackendHeap }) => {
      const { dy, x } = inputs;
      const out = backend.makeOutput([...x.shape], 'float32');
      const simd = trainingKernels(backend)!;
      const [pdy, px, pdx] = [dy, x, out].map((t) => pointer(backend, t)) as [number, number, number];
      simd.split(
        'reluGrad',
        elementParts(size(x), simd.threads).map(([a, b]) => [pdy + 4 * a, px + 4 * a, pdx + 4 * a, b - a]),
      );
      return out;
    }) as unknown as KernelConfig['kernelFunc'],
  });
  const original = getGradient('Relu');
  const gradient: GradConfig = {
    ...original,
    gradFunc: (dy, saved, attrs) => {
      const [x] = saved as Tensor[];
      const upstream = dy as Tensor;
      const ours =
        getBackend() === 'wasm' &&
        trainingKernels(activeBackend() as unknown as WasmBackendHeap) &&
        upstream.dtype === 'float32' &&
        x!.dtype === 'float32';
      if (!ours) return original.gradFunc(dy, saved, attrs);
      return { x: () => engine().runKernel(RELU_GRAD, { dy: upstream, x: x! }) as Tensor };
    },
  };
  registerGradient(gradient);
}

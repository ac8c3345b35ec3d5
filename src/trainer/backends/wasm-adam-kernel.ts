/**
 * The kernel of the fused Adam (wasm-adam.ts): one SIMD pass per weight tensor (training-kernels.wat),
 * split over the threads by ranges of values. Each value's update depends on that value alone, so the
 * result is the same on any number of threads.
 */
import { getKernel, registerKernel, type KernelConfig, type TensorInfo } from '@tensorflow/tfjs';
import { floatBits, kernelsRunHere, pointer, type WasmBackendHeap } from './simd/training-kernels.ts';
import { ADAM, type AdamAttrs } from './wasm-adam.ts';
import { elementwise } from './wasm-elementwise.ts';

function adamKernel({
  inputs,
  backend,
  attrs,
}: {
  inputs: Record<string, TensorInfo>;
  backend: unknown;
  attrs: AdamAttrs;
}) {
  const heap = backend as WasmBackendHeap;
  const { value, m, v, g } = inputs as Record<'value' | 'm' | 'v' | 'g', TensorInfo>;
  const outputs = [value, m, v].map((t) => heap.makeOutput([...t.shape], 'float32'));
  const [pw, pm, pv, pg, pw1, pm1, pv1] = [value, m, v, g, ...outputs].map((t) => pointer(heap, t)) as number[];
  const { learningRate, beta1, beta2, correction1, correction2, epsilon } = attrs;
  // TensorFlow.js's Adam takes 1 − β and −lr as float32 scalars: the same values here.
  const settings = [beta1, 1 - beta1, beta2, 1 - beta2, correction1, correction2, epsilon, -learningRate].map(
    floatBits,
  );
  const count = value.shape.reduce((a, b) => a * b, 1);
  elementwise(heap, 'adam', [pw!, pm!, pv!, pg!, pw1!, pm1!, pv1!], count, settings);
  return outputs;
}

/** Registers the kernel where this engine runs the SIMD kernels; elsewhere the optimizer stays TensorFlow.js's. */
export function registerWasmAdam(): void {
  if (getKernel(ADAM, 'wasm') || !kernelsRunHere()) return;
  registerKernel({
    kernelName: ADAM,
    backendName: 'wasm',
    kernelFunc: adamKernel as unknown as KernelConfig['kernelFunc'],
  });
}

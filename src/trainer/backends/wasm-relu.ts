/**
 * ReLU and its gradient for TensorFlow.js's wasm backend as single SIMD passes (training-kernels.wat).
 * TensorFlow.js takes the gradient as dy · cast(step(x)): three kernels and two tensors the size of the
 * layer's output on every step (3 ms of the textbook net's step); one pass does it without them.
 */
import type { WasmBackendHeap } from './simd/training-kernels.ts';
import { elementwise, registerElementwise } from './wasm-elementwise.ts';

/** out = max(x, 0) for `count` values, on the pool's threads; out may be x. */
export function reluValues(backend: WasmBackendHeap, x: number, out: number, count: number): void {
  elementwise(backend, 'relu', [x, out], count);
}

export function registerWasmRelu(): void {
  registerElementwise({
    op: 'Relu',
    forward: 'relu',
    backward: 'reluGrad',
    settings: [],
    saved: 'x',
    gradient: 'ConvStudioReluGrad',
  });
}

/**
 * tanh and the logistic sigmoid, and their gradients, for TensorFlow.js's wasm backend as SIMD passes of
 * ours (training-kernels.wat: e^x from its Taylor polynomial after a range reduction, within 4·10⁻⁷ of
 * Math.tanh and 1 / (1 + Math.exp(−x))) split between the kernel pool's threads. The backend computes
 * both on one thread, 13 ns a value: LeNet-5's tanh layers took 10 ms of its step on two threads.
 */
import { registerElementwise } from './wasm-elementwise.ts';

export function registerWasmSquashes(): void {
  for (const [op, kind] of [
    ['Tanh', 0],
    ['Sigmoid', 1],
  ] as const) {
    registerElementwise({
      op,
      forward: 'squash',
      backward: 'squashGrad',
      settings: [kind],
      saved: 'y',
      gradient: `ConvStudio${op}Grad`,
    });
  }
}

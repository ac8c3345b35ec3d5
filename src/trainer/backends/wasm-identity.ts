/**
 * Identity (a tensor's clone) on TensorFlow.js's wasm backend without copying: tensors never change once
 * made, so the clone shares the original's memory, counted, as the CPU backend and the wasm backend's own
 * Reshape do. Training clones every tensor a gradient keeps; the copies were 3.6 ms of each textbook step.
 */
import { replaceWasmKernel } from './wasm-kernel-calls.ts';

export function registerWasmIdentity(): void {
  replaceWasmKernel('Identity', (fallback) => (args) => {
    const x = args.inputs.x!;
    if (x.dtype === 'string') return fallback(args);
    (args.backend as { incRef(dataId: object): void }).incRef(x.dataId);
    return { dataId: x.dataId, shape: [...x.shape], dtype: x.dtype };
  });
}

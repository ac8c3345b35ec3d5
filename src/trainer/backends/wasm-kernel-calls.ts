/** Calling the wasm backend's own kernels from inside a kernel of ours, and freeing what they made. */
import { getKernel, registerKernel, unregisterKernel, type KernelConfig, type TensorInfo } from '@tensorflow/tfjs';

export type KernelFunc = (args: {
  inputs: Record<string, TensorInfo>;
  backend: unknown;
  attrs: Record<string, unknown>;
}) => TensorInfo;

export function wasmKernel(name: string): KernelFunc {
  const config = getKernel(name, 'wasm');
  if (!config) throw new Error(`The wasm backend has no ${name} kernel`);
  return config.kernelFunc as unknown as KernelFunc;
}

/** Collects intermediate results and frees them when the kernel is done. */
export function temporaries(backend: unknown): { keep(t: TensorInfo): TensorInfo; free(): void } {
  const kept: TensorInfo[] = [];
  return {
    keep: (t) => (kept.push(t), t),
    free: () => {
      for (const t of kept) (backend as { disposeData(dataId: object): void }).disposeData(t.dataId);
    },
  };
}

const REPLACED = Symbol.for('convstudio.replacedWasmKernel');

/**
 * Puts a kernel of ours in place of one of the wasm backend's, once: `make` receives the backend's own
 * kernel (for the cases ours leaves to it) and returns the replacement.
 */
export function replaceWasmKernel(name: string, make: (original: KernelFunc) => KernelFunc): void {
  const original = getKernel(name, 'wasm');
  if (!original || (original.kernelFunc as unknown as Record<symbol, boolean>)[REPLACED]) return;
  const kernelFunc = make(original.kernelFunc as unknown as KernelFunc) as unknown as KernelConfig['kernelFunc'];
  (kernelFunc as unknown as Record<symbol, boolean>)[REPLACED] = true;
  unregisterKernel(name, 'wasm');
  // The backend's kernel binds its WebAssembly function when a backend starts (setupFunc): kept, so that
  // the fallback works in a backend started later (another thread count, wasm-threads.ts) too.
  const { setupFunc, disposeFunc } = original;
  registerKernel({ kernelName: name, backendName: 'wasm', kernelFunc, setupFunc, disposeFunc });
}

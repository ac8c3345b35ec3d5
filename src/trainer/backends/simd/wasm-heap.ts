/**
 * Where TensorFlow.js's wasm backend keeps a tensor: its byte offset in the backend's memory, and a view of
 * its values there. Apart from the kernels themselves (training-kernels.ts) so that code which only looks
 * at tensors (the depthwise gradients in JavaScript) loads no WebAssembly module and no worker pool.
 */
import type { TensorInfo } from '@tensorflow/tfjs';

/** The little of WebAssembly's memory used here (the trainer's TypeScript has no DOM library). */
export interface WasmMemory {
  readonly buffer: ArrayBuffer | SharedArrayBuffer;
}

/** The part of TensorFlow.js's wasm backend the kernels need. */
export interface WasmBackendHeap {
  /** The plain build exports its memory; the threaded build makes it, shared, and passes it in. */
  wasm: { asm: { memory?: WasmMemory }; wasmMemory?: WasmMemory };
  makeOutput(shape: number[], dtype: 'float32'): TensorInfo;
  getMemoryOffset(dataId: object): number;
  incRef(dataId: object): void;
}

/** The byte offset of a tensor in the backend's memory. */
export function pointer(backend: WasmBackendHeap, t: TensorInfo): number {
  return backend.getMemoryOffset(t.dataId);
}

/**
 * A Float32Array over a tensor's values in the backend's memory, for kernels of ours written in JavaScript.
 * Made after every allocation: a growing memory moves.
 */
export function heapView(backend: WasmBackendHeap, t: TensorInfo): Float32Array {
  const memory = backend.wasm.wasmMemory ?? backend.wasm.asm.memory!;
  const size = t.shape.reduce((a, b) => a * b, 1);
  return new Float32Array(memory.buffer, backend.getMemoryOffset(t.dataId), size);
}

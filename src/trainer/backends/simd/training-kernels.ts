/**
 * ConvStudio's WebAssembly SIMD training kernels (training-kernels.wat), instantiated on the wasm backend's
 * own memory so that they read and write tensors where the backend keeps them. Pointers are byte offsets.
 */
import type { TensorInfo } from '@tensorflow/tfjs';
import { TRAINING_KERNELS_WASM } from './training-kernels-binary.ts';

/** The little of WebAssembly's JavaScript API used here (the trainer's TypeScript has no DOM library). */
interface WasmMemory {
  readonly buffer: ArrayBuffer;
}
declare const WebAssembly: {
  validate(bytes: Uint8Array): boolean;
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: { env: { memory: WasmMemory } }) => { exports: unknown };
};

/**
 * dw = the filter gradient of a convolution (x: [n, h, w, cin], dy: [n, oh, ow, co], dw: [kh, kw, cin, co];
 * stride sh × sw; top and left: the padding before the first row and column); co a multiple of 4.
 */
type FilterGradient = (
  x: number,
  dy: number,
  dw: number,
  n: number,
  h: number,
  w: number,
  cin: number,
  oh: number,
  ow: number,
  co: number,
  kh: number,
  kw: number,
  sh: number,
  sw: number,
  top: number,
  left: number,
) => void;

export interface TrainingKernels {
  /** Input channels one at a time (a first layer's 1 or 3). */
  filterGradPerChannel: FilterGradient;
  /** Input channels in fours. */
  filterGrad: FilterGradient;
  /** A stride-1 convolution, co a multiple of 4; scratch holds one padded image (see the .wat). */
  conv2d(
    x: number,
    w: number,
    out: number,
    scratch: number,
    n: number,
    h: number,
    wd: number,
    cin: number,
    oh: number,
    ow: number,
    co: number,
    kh: number,
    kw: number,
    top: number,
    left: number,
  ): void;
  sumRows(x: number, out: number, rows: number, cols: number): void;
  maxPoolGradTiled(
    x: number,
    y: number,
    dy: number,
    dx: number,
    n: number,
    h: number,
    w: number,
    c: number,
    oh: number,
    ow: number,
    kh: number,
    kw: number,
  ): void;
  addBias(x: number, bias: number, out: number, rows: number, cols: number): void;
  relu(x: number, out: number, count: number): void;
  reluGrad(dy: number, x: number, dx: number, count: number): void;
}

/** The part of TensorFlow.js's wasm backend the kernels need. */
export interface WasmBackendHeap {
  wasm: { asm: { memory: WasmMemory } };
  makeOutput(shape: number[], dtype: 'float32'): TensorInfo;
  getMemoryOffset(dataId: object): number;
  incRef(dataId: object): void;
}

let compiled: object | null | undefined;
const instances = new WeakMap<WasmMemory, TrainingKernels>();

/**
 * The kernels working in this backend's memory (instantiated once per backend), or null where this
 * WebAssembly engine has no SIMD: then every kernel of ours keeps to its other path.
 */
export function trainingKernels(backend: WasmBackendHeap): TrainingKernels | null {
  if (compiled === undefined) {
    const bytes = Buffer.from(TRAINING_KERNELS_WASM, 'base64');
    compiled = WebAssembly.validate(bytes) ? new WebAssembly.Module(bytes) : null;
  }
  if (!compiled) return null;
  const memory = backend.wasm.asm.memory;
  let kernels = instances.get(memory);
  if (!kernels) {
    kernels = new WebAssembly.Instance(compiled, { env: { memory } }).exports as unknown as TrainingKernels;
    instances.set(memory, kernels);
  }
  return kernels;
}

/** The byte offset of a tensor in the backend's memory. */
export function pointer(backend: WasmBackendHeap, t: TensorInfo): number {
  return backend.getMemoryOffset(t.dataId);
}

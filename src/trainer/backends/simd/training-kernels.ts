/**
 * ConvStudio's WebAssembly SIMD training kernels (training-kernels.wat), instantiated on the wasm backend's
 * own memory so that they read and write tensors where the backend keeps them. Pointers are byte offsets.
 * Where that memory is shared (the threaded build, wasm-threads.ts) the kernels are built for shared memory
 * and a pool of workers runs the parts of a split call at once (kernel-pool.ts).
 */
import { createKernelPool, type KernelPool } from './kernel-pool.ts';
import { TRAINING_KERNELS_SHARED_WASM, TRAINING_KERNELS_WASM } from './training-kernels-binary.ts';
import type { WasmBackendHeap, WasmMemory } from './wasm-heap.ts';

export { heapView, pointer, type WasmBackendHeap } from './wasm-heap.ts';

/** The little of WebAssembly's JavaScript API used here (the trainer's TypeScript has no DOM library). */
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

/** A pooling's sizes: n images of h × w × c, pooled to oh × ow by kh × kw windows. */
type PoolSizes = [n: number, h: number, w: number, c: number, oh: number, ow: number, kh: number, kw: number];

/** A pooling whose windows tile the input, from one tensor to another (x to y, or dy to dx: addresses). */
type TiledPool = (from: number, to: number, ...sizes: PoolSizes) => void;

interface KernelExports {
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
  maxPoolGradTiled(x: number, y: number, dy: number, dx: number, ...sizes: PoolSizes): void;
  /** Max pooling whose windows tile the input (stride = window, no padding), c a multiple of 4. */
  maxPoolTiled: TiledPool;
  /** dst [rows × to] = each row of src [rows × from] cut to `to` values, or followed by zeros up to `to`. */
  resizeRows(src: number, dst: number, rows: number, from: number, to: number): void;
  /** Average pooling whose windows tile the input, any channel count; and its gradient (dy to dx). */
  avgPoolTiled: TiledPool;
  avgPoolGradTiled: TiledPool;
  /** c [m × n] = A · B, B [k × n] row-major, n a multiple of 4, A(i, j) at a + i·aRow + j·aStep (see the .wat). */
  matMul(a: number, b: number, c: number, m: number, k: number, n: number, aRow: number, aStep: number): void;
  addBias(x: number, bias: number, out: number, rows: number, cols: number): void;
  relu(x: number, out: number, count: number): void;
  reluGrad(dy: number, x: number, dx: number, count: number): void;
  /** out = tanh(x) (kind 0) or sigmoid(x) (kind 1) for `count` values; out may be x. */
  squash(x: number, out: number, count: number, kind: number): void;
  /** dx = dy through tanh (kind 0) or sigmoid (kind 1), from its output y. */
  squashGrad(dy: number, y: number, dx: number, count: number, kind: number): void;
  /** Adam's update of `count` weights; the last eight are float32 settings as their bits (see the .wat). */
  adam(...pointersCountAndBits: number[]): void;
  /** Dropout of `count` values from index `first` on; `scale` float32 bits (see the .wat). */
  dropout(x: number, out: number, count: number, first: number, seed: number, threshold: number, scale: number): void;
}

export type KernelName = keyof KernelExports;

export interface TrainingKernels extends KernelExports {
  /** The threads a split call runs on (1 where the backend's memory is not shared). */
  readonly threads: number;
  /** Runs `name` once per part (its arguments), the parts at once, one a thread. */
  split(name: KernelName, parts: readonly (readonly number[])[]): void;
}

const compiled = new Map<string, object | null>();
const instances = new WeakMap<WasmMemory, TrainingKernels>();
const pools = new Set<KernelPool>();
let poolThreads = 1;

function compile(base64: string): object | null {
  if (!compiled.has(base64)) {
    const bytes = Buffer.from(base64, 'base64');
    compiled.set(base64, WebAssembly.validate(bytes) ? new WebAssembly.Module(bytes) : null);
  }
  return compiled.get(base64)!;
}

/** A float32's bits as an integer: how a float setting reaches a kernel, as split calls pass 32-bit integers. */
export function floatBits(value: number): number {
  return new Int32Array(Float32Array.of(value).buffer)[0]!;
}

/** Whether this WebAssembly engine runs the kernels at all (it has SIMD). */
export function kernelsRunHere(): boolean {
  return compile(TRAINING_KERNELS_WASM) !== null;
}

/** The threads that kernels on shared memory split their work over from now on (wasm-threads.ts). */
export function useKernelThreads(threads: number): void {
  for (const pool of pools) pool.close();
  pools.clear();
  poolThreads = threads;
}

/**
 * The kernels working in this backend's memory (instantiated once per backend), or null where this
 * WebAssembly engine has no SIMD: then every kernel of ours keeps to its other path.
 */
export function trainingKernels(backend: WasmBackendHeap): TrainingKernels | null {
  const memory = backend.wasm.wasmMemory ?? backend.wasm.asm.memory!;
  const cached = instances.get(memory);
  if (cached) return cached;
  const shared = typeof SharedArrayBuffer === 'function' && memory.buffer instanceof SharedArrayBuffer;
  const module = compile(shared ? TRAINING_KERNELS_SHARED_WASM : TRAINING_KERNELS_WASM);
  if (!module) return null;
  const exports = new WebAssembly.Instance(module, { env: { memory } }).exports as Record<
    string,
    (...args: number[]) => void
  >;
  const pool = shared && poolThreads > 1 ? createKernelPool(module, memory, exports, poolThreads) : null;
  if (pool) pools.add(pool);
  const kernels = {
    ...(exports as unknown as KernelExports),
    threads: pool?.threads ?? 1,
    split: (name: KernelName, parts: readonly (readonly number[])[]) => {
      if (pool) pool.run(name, parts);
      else for (const args of parts) exports[name]!(...args);
    },
  };
  instances.set(memory, kernels);
  return kernels;
}

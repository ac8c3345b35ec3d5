/**
 * TensorFlow.js's WebAssembly backend on as many threads as the run asks for. With one thread it is the
 * package's own plain SIMD build; with more, its threaded SIMD build, which the package never starts in
 * Node (its loader makes Emscripten's workers from blob: URLs, which Node's workers cannot load). Here the
 * build is started with real files instead: Emscripten's worker is wasm-pthread-worker.cjs and the main
 * script is the package's own. Its memory is then shared, so ConvStudio's SIMD kernels run on a pool of
 * threads over that memory (simd/kernel-pool.ts).
 *
 * XNNPACK, which runs the backend's own kernels, is kept to one thread: a second pool would spin and sleep
 * on the same cores as ours, and waking it cost 0.4–0.6 ms per kernel on our 2-core machine, so kernels of
 * a few microseconds (the loss's additions and divisions, the last Dense layer) took half a millisecond
 * each. Every kernel that matters for training and predicting the usual networks is ours (convolutions
 * with stride 1 and filters in fours, their gradients, matrix products, pools, bias, ReLU, Dropout, Adam);
 * the rest runs on one thread, as it did before threads. Textbook MNIST, 2 threads: 55–56 → 50–53 ms a
 * step (docs/performance.md).
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import { sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as tf from '@tensorflow/tfjs';
import type * as WasmBackendPackage from '@tensorflow/tfjs-backend-wasm';
import { unpacked } from '../unpacked-path.ts';
import { useKernelThreads } from './simd/training-kernels.ts';

/** What a run takes by default: every core, leaving one to the window on machines with four or more. */
export function defaultThreads(cores: number = os.availableParallelism()): number {
  return cores >= 4 ? cores - 1 : Math.max(1, cores);
}

type WasmPackage = typeof WasmBackendPackage;
type BackendFactory = () => tf.KernelBackend | Promise<tf.KernelBackend>;

interface EmscriptenModule {
  cwrap(name: string, returns: string | null, args: string[]): (...args: number[]) => number;
  tfjs?: Record<string, unknown>;
}
type EmscriptenFactory = (config: {
  locateFile(path: string): string;
  mainScriptUrlOrBlob: string;
}) => Promise<EmscriptenModule>;

// Not named `require`: the bundler adds a `require` of its own to ES module output, and the two collide.
const load = createRequire(import.meta.url);

/** Emscripten's worker, beside this file in the sources and beside the trainer in the build. */
const PTHREAD_WORKER = unpacked(fileURLToPath(new URL('./wasm-pthread-worker.cjs', import.meta.url)));

let plainFactory: BackendFactory | null = null;
let startedThreads = 0;

async function wasmPackage(): Promise<WasmPackage> {
  const pkg = await import('@tensorflow/tfjs-backend-wasm');
  // Importing the package registered its own (plain) factory; kept for runs on one thread.
  plainFactory ??= tf.findBackendFactory('wasm') as BackendFactory;
  return pkg;
}

/** Where the threaded build's files lie, or null where this install lacks them. */
function threadedBuild(): { script: string; folder: string } | null {
  try {
    const script = unpacked(load.resolve('@tensorflow/tfjs-backend-wasm/wasm-out/tfjs-backend-wasm-threaded-simd.js'));
    const folder = script.slice(0, script.lastIndexOf(sep) + 1);
    const complete = existsSync(PTHREAD_WORKER) && existsSync(`${folder}tfjs-backend-wasm-threaded-simd.wasm`);
    return complete ? { script, folder } : null;
  } catch {
    return null;
  }
}

/** The backend as the package's loader makes it, from a module of the threaded build. */
function threadedFactory(pkg: WasmPackage, build: { script: string; folder: string }) {
  return async () => {
    const factory = load(build.script) as EmscriptenFactory;
    const module = await factory({
      locateFile: (path) => (path.endsWith('.worker.js') ? PTHREAD_WORKER : build.folder + path),
      mainScriptUrlOrBlob: build.script,
    });
    // The bridge the package's loader adds before it hands the module to the backend.
    module.tfjs = {
      init: module.cwrap('init', null, []),
      initWithThreadsCount: module.cwrap('init_with_threads_count', null, ['number']),
      getThreadsCount: module.cwrap('get_threads_count', 'number', []),
      registerTensor: module.cwrap('register_tensor', null, ['number', 'number', 'number']),
      disposeData: module.cwrap('dispose_data', null, ['number']),
      dispose: module.cwrap('dispose', null, []),
    };
    // XNNPACK on one thread (see the file's comment); ConvStudio's kernels get the run's threads.
    pkg.setThreadsCount(1);
    return new pkg.BackendWasm(module as unknown as ConstructorParameters<WasmPackage['BackendWasm']>[0]);
  };
}

/**
 * Makes 'wasm' the active backend on `threads` threads (re-creating it when it runs on another count).
 * Returns the threads it got: fewer than asked only where this install has no threaded build, or where
 * this engine has no shared memory.
 */
export async function startWasm(threads: number): Promise<number | null> {
  const pkg = await wasmPackage();
  const build = threads > 1 && typeof SharedArrayBuffer === 'function' ? threadedBuild() : null;
  const wanted = build ? threads : 1;
  if (startedThreads !== wanted || !tf.findBackend('wasm')) {
    if (tf.findBackend('wasm') || tf.findBackendFactory('wasm')) tf.removeBackend('wasm');
    tf.registerBackend('wasm', build ? threadedFactory(pkg, build) : plainFactory!, 2);
    useKernelThreads(wanted);
    startedThreads = wanted;
  }
  return (await tf.setBackend('wasm')) ? wanted : null;
}

/** The threads of the wasm backend started last (1 before any). */
export function wasmThreads(): number {
  return Math.max(1, startedThreads);
}

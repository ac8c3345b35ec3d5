/**
 * Picks the fastest backend this machine has, in order: PyTorch on a graphics card (a Python with torch),
 * CUDA (tfjs-node-gpu), WebGPU (Dawn's Node bindings), TensorFlow's CPU library (tfjs-node), WebAssembly with
 * SIMD, and the pure-JavaScript CPU backend as a last resort. Every run reports which one it uses and why
 * each faster one was skipped.
 */
import * as tf from '@tensorflow/tfjs';
import { BACKENDS, msg, type BackendChoice, type BackendName, type BackendReport, type Msg } from '../../core/index.ts';
import { registerWasmAvgPool } from './wasm-avg-pool.ts';
import { registerWasmBatchMatMul } from './wasm-batch-matmul.ts';
import { registerWasmBiasAdd } from './wasm-bias-add.ts';
import { registerWasmConv2D } from './wasm-conv2d.ts';
import { registerWasmConv2DBackpropFilter } from './wasm-conv2d-backprop-filter.ts';
import { registerWasmConv2DBackpropInput } from './wasm-conv2d-backprop-input.ts';
import { registerWasmIdentity } from './wasm-identity.ts';
import { registerWasmDepthwiseGradients } from './wasm-depthwise-grads.ts';
import { registerWasmAdam } from './wasm-adam-kernel.ts';
import { registerWasmDropout } from './wasm-dropout.ts';
import { registerWasmFusedKernels } from './wasm-fused.ts';
import { registerWasmMaxPool } from './wasm-max-pool.ts';
import { registerWasmMaxPoolGrad } from './wasm-max-pool-grad.ts';
import { registerWasmRelu } from './wasm-relu.ts';
import { registerWasmSquashes } from './wasm-squash.ts';
import { registerWasmSum } from './wasm-sum.ts';
import { findTorch, gpuForTorch, torchOnCpu, type FoundTorch } from '../pytorch/find-torch.ts';
import { optionalImport, startWebGpu, type Activation } from './webgpu-backend.ts';
import { defaultThreads, startWasm } from './wasm-threads.ts';

async function tryPackage(pkg: string, missing: Msg = msg('backend.notInstalled', { pkg })): Promise<Msg | null> {
  try {
    await optionalImport(pkg);
    return null;
  } catch {
    return missing;
  }
}

/** tfjs-node and tfjs-node-gpu both register TensorFlow's native library as the 'tensorflow' backend. */
async function nativeTensorFlow(pkg: string, label: string): Promise<Activation> {
  const missing = await tryPackage(pkg);
  if (missing) return { ok: false, reason: missing };
  return (await tf.setBackend('tensorflow'))
    ? { ok: true }
    : { ok: false, reason: msg('backend.failedToStart', { backend: label }) };
}

type TorchFound = Extract<FoundTorch, { ok: true }>;

/**
 * PyTorch trains in a Python process of its own; TensorFlow.js, on its CPU backend, only builds the network
 * and gives its starting weights. An automatic choice takes it for a graphics card alone: on the processor
 * ConvStudio's WebAssembly is as fast (docs/performance.md), and it starts no Python to find that out.
 */
async function startTorch(auto: boolean, python: string | null): Promise<Activation & { torch?: TorchFound }> {
  // A Python named for it (the run's, or CONVSTUDIO_PYTHON) is asked even without a graphics card seen.
  const named = python ?? process.env.CONVSTUDIO_PYTHON ?? null;
  if (auto && !named && !gpuForTorch()) return { ok: false, reason: msg('backend.pytorchNoGpu') };
  const found = await findTorch(named);
  if (!found.ok) return found;
  if (auto && found.device.kind === 'cpu') return { ok: false, reason: msg('backend.pytorchCpuOnly') };
  // Kept on the processor (the tests, on a machine with a graphics card): the run says so.
  if (torchOnCpu()) found.device = { kind: 'cpu', name: 'CPU' };
  if (!(await tf.setBackend('cpu'))) return { ok: false, reason: msg('backend.failedToStart', { backend: 'cpu' }) };
  return { ok: true, torch: found };
}

async function activate(
  name: BackendName,
  threads: number,
  auto: boolean,
  python: string | null,
): Promise<Activation & { torch?: TorchFound }> {
  switch (name) {
    case 'pytorch':
      return startTorch(auto, python);
    case 'cuda':
      return nativeTensorFlow('@tensorflow/tfjs-node-gpu', 'CUDA');
    case 'webgpu':
      return startWebGpu();
    case 'webgl':
      return { ok: false, reason: msg('backend.webglOnlyInWindow') };
    case 'tfjs-node':
      return nativeTensorFlow('@tensorflow/tfjs-node', 'tfjs-node');
    case 'wasm': {
      if (!(await startWasm(threads))) return { ok: false, reason: msg('backend.failedToStart', { backend: 'wasm' }) };
      registerWasmTrainingKernels();
      return { ok: true };
    }
    case 'cpu':
      return (await tf.setBackend('cpu'))
        ? { ok: true }
        : { ok: false, reason: msg('backend.failedToStart', { backend: 'cpu' }) };
  }
}

/** The kernels that make the wasm backend train convolutional networks, and train them fast. */
export function registerWasmTrainingKernels(): void {
  registerWasmConv2D();
  registerWasmConv2DBackpropFilter();
  registerWasmConv2DBackpropInput();
  registerWasmBatchMatMul();
  registerWasmSum();
  registerWasmMaxPool();
  registerWasmFusedKernels();
  registerWasmMaxPoolGrad();
  registerWasmAvgPool();
  registerWasmBiasAdd();
  registerWasmRelu();
  registerWasmSquashes();
  registerWasmIdentity();
  registerWasmDepthwiseGradients();
  registerWasmAdam();
  registerWasmDropout();
}

export type BackendSelection =
  | { ok: true; chosen: BackendName; reports: BackendReport[]; torch?: TorchFound }
  | { ok: false; error: Msg; reports: BackendReport[] };

/**
 * `threads`: for the WebAssembly backend and PyTorch on the processor; null, the default: every core, one
 * left to the window from four up. `python`: the interpreter for PyTorch (null: found on this computer).
 */
export async function selectBackend(
  choice: BackendChoice,
  threads: number | null = null,
  python: string | null = null,
): Promise<BackendSelection> {
  const reports: BackendReport[] = [];
  const order: readonly BackendName[] = choice === 'auto' ? BACKENDS.filter((b) => b !== 'webgl') : [choice];
  for (const name of order) {
    const result = await activate(name, threads ?? defaultThreads(), choice === 'auto', python);
    if (result.ok) {
      await tf.ready();
      const note = name === 'cpu' ? msg('backend.cpuSlow') : name === 'wasm' ? msg('backend.wasmFast') : null;
      reports.push({ backend: name, available: true, reason: note });
      return { ok: true, chosen: name, reports, ...(result.torch ? { torch: result.torch } : {}) };
    }
    reports.push({ backend: name, available: false, reason: result.reason });
  }
  const last = reports[reports.length - 1]!;
  return { ok: false, error: msg('backend.unavailable', { backend: last.backend, reason: last.reason! }), reports };
}

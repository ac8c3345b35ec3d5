/**
 * TensorFlow.js's fused kernels on its wasm backend: a convolution or a matrix product, then a bias, then
 * an activation, as a model's predict runs its Conv2D and Dense layers (training runs them unfused, as
 * separate kernels). Where our convolution or product applies, and the activation is ReLU or none, they
 * run on the kernel pool as our loops: the product, then the bias and the ReLU in place over its result.
 * The backend's own fused kernels run on XNNPACK, which the threaded backend keeps to one thread
 * (wasm-threads.ts), so without these a trained model's validation and test would not use the threads.
 */
import type { TensorInfo } from '@tensorflow/tfjs';

import { pointer, trainingKernels, type WasmBackendHeap } from './simd/training-kernels.ts';
import { addBiasRows } from './wasm-bias-add.ts';
import { simdProduct } from './wasm-batch-matmul.ts';
import { simdConvolution } from './wasm-conv2d.ts';
import { replaceWasmKernel } from './wasm-kernel-calls.ts';
import { reluValues } from './wasm-relu.ts';

/** Whether the bias and activation of a fused kernel are ones ours adds: a bias per output channel, ReLU or none. */
function plainEpilogue(
  inputs: Record<string, TensorInfo | undefined>,
  attrs: Record<string, unknown>,
  channels: number,
) {
  const { bias, preluActivationWeights } = inputs;
  const activation = attrs.activation ?? 'linear';
  return (
    !preluActivationWeights &&
    (activation === 'linear' || activation === 'relu') &&
    (!bias || (bias.dtype === 'float32' && bias.shape.length === 1 && bias.shape[0] === channels))
  );
}

/** Adds the bias and applies the activation in place over `out` (its last axis the channels). */
function epilogue(
  backend: WasmBackendHeap,
  out: TensorInfo,
  bias: TensorInfo | undefined,
  activation: unknown,
): TensorInfo {
  const simd = trainingKernels(backend)!;
  const columns = out.shape.at(-1)!;
  const count = out.shape.reduce((a, b) => a * b, 1);
  const at = pointer(backend, out);
  if (bias && count > 0) addBiasRows(simd, at, pointer(backend, bias), at, count / columns, columns);
  if (activation === 'relu') reluValues(simd, at, at, count);
  return out;
}

export function registerWasmFusedKernels(): void {
  replaceWasmKernel('FusedConv2D', (fallback) => (args) => {
    const inputs = args.inputs as Record<string, TensorInfo | undefined>;
    const { x, filter } = inputs as { x: TensorInfo; filter: TensorInfo };
    const backend = args.backend as WasmBackendHeap;
    if (!plainEpilogue(inputs, args.attrs, filter.shape[3]!)) return fallback(args);
    const out = simdConvolution(backend, x, filter, args.attrs);
    return out ? epilogue(backend, out, inputs.bias, args.attrs.activation) : fallback(args);
  });
  replaceWasmKernel('_FusedMatMul', (fallback) => (args) => {
    const inputs = args.inputs as Record<string, TensorInfo | undefined>;
    const { a, b } = inputs as { a: TensorInfo; b: TensorInfo };
    const { transposeA, transposeB } = args.attrs;
    const backend = args.backend as WasmBackendHeap;
    const columns = transposeB === true ? b.shape.at(-2)! : b.shape.at(-1)!;
    if (!plainEpilogue(inputs, args.attrs, columns)) return fallback(args);
    const out = simdProduct(backend, a, b, transposeA === true, transposeB === true);
    return out ? epilogue(backend, out, inputs.bias, args.attrs.activation) : fallback(args);
  });
}

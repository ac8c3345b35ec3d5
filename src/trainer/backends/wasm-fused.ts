/**
 * TensorFlow.js's fused kernels on its wasm backend: a convolution or a matrix product, then a bias, then
 * an activation, as a model's predict runs its Conv2D and Dense layers (and training runs those without an
 * activation TensorFlow.js fuses, LeNet's tanh layers among them). Where our convolution or product
 * applies, it runs on the kernel pool as our loop; the bias and ReLU follow in place on the threads, and
 * other activations are the backend's own kernels. The backend's fused kernels run on XNNPACK, which the
 * threaded backend keeps to one thread (wasm-threads.ts), so without these a trained model's validation
 * and test would not use the threads.
 */
import type { TensorInfo } from '@tensorflow/tfjs';

import { pointer, trainingKernels, type WasmBackendHeap } from './simd/training-kernels.ts';
import { addBiasRows } from './wasm-bias-add.ts';
import { simdProduct } from './wasm-batch-matmul.ts';
import { simdConvolution } from './wasm-conv2d.ts';
import { replaceWasmKernel, temporaries, wasmKernel } from './wasm-kernel-calls.ts';
import { reluValues } from './wasm-relu.ts';

/** The backend's kernel of each fused activation but ReLU (ours) and linear (none). */
const ACTIVATION_KERNELS: Record<string, string> = {
  elu: 'Elu',
  relu6: 'Relu6',
  sigmoid: 'Sigmoid',
  leakyrelu: 'LeakyRelu',
  prelu: 'Prelu',
};

type FusedInputs = Record<string, TensorInfo | undefined>;

/** Whether the bias and activation of a fused kernel are ones this file knows: a bias per output channel. */
function knownEpilogue(inputs: FusedInputs, attrs: Record<string, unknown>, channels: number): boolean {
  const { bias } = inputs;
  const activation = String(attrs.activation ?? 'linear');
  return (
    (activation === 'linear' || activation === 'relu' || activation in ACTIVATION_KERNELS) &&
    (activation !== 'prelu' || inputs.preluActivationWeights !== undefined) &&
    (!bias || (bias.dtype === 'float32' && bias.shape.length === 1 && bias.shape[0] === channels))
  );
}

/** `out` with the bias added and the activation applied: in place where ours do it, else a new tensor. */
function epilogue(backend: WasmBackendHeap, out: TensorInfo, inputs: FusedInputs, attrs: Record<string, unknown>) {
  const simd = trainingKernels(backend)!;
  // A result that a kernel of the backend's replaced with a new tensor is freed once the last is made.
  const { keep, free } = temporaries(backend);
  const columns = out.shape.at(-1)!;
  const count = out.shape.reduce((a, b) => a * b, 1);
  let result = out;
  const { bias } = inputs;
  if (bias && count > 0) {
    if (columns % 4 === 0)
      addBiasRows(simd, pointer(backend, out), pointer(backend, bias), pointer(backend, out), count / columns, columns);
    else {
      result = wasmKernel('Add')({ inputs: { a: keep(out), b: bias }, backend, attrs: {} });
    }
  }
  const activation = String(attrs.activation ?? 'linear');
  if (activation === 'relu') reluValues(backend, pointer(backend, result), pointer(backend, result), count);
  else if (activation !== 'linear') {
    const alpha: Record<string, TensorInfo> = activation === 'prelu' ? { alpha: inputs.preluActivationWeights! } : {};
    result = wasmKernel(ACTIVATION_KERNELS[activation]!)({
      inputs: { x: keep(result), ...alpha },
      backend,
      attrs: activation === 'leakyrelu' ? { alpha: attrs.leakyreluAlpha } : {},
    });
  }
  free();
  return result;
}

export function registerWasmFusedKernels(): void {
  replaceWasmKernel('FusedConv2D', (fallback) => (args) => {
    const inputs = args.inputs as FusedInputs;
    const { x, filter } = inputs as { x: TensorInfo; filter: TensorInfo };
    const backend = args.backend as WasmBackendHeap;
    if (!knownEpilogue(inputs, args.attrs, filter.shape[3]!)) return fallback(args);
    const out = simdConvolution(backend, x, filter, args.attrs);
    return out ? epilogue(backend, out, inputs, args.attrs) : fallback(args);
  });
  replaceWasmKernel('_FusedMatMul', (fallback) => (args) => {
    const inputs = args.inputs as FusedInputs;
    const { a, b } = inputs as { a: TensorInfo; b: TensorInfo };
    const { transposeA, transposeB } = args.attrs;
    const backend = args.backend as WasmBackendHeap;
    const columns = transposeB === true ? b.shape.at(-2)! : b.shape.at(-1)!;
    if (!knownEpilogue(inputs, args.attrs, columns)) return fallback(args);
    const out = simdProduct(backend, a, b, transposeA === true, transposeB === true);
    return out ? epilogue(backend, out, inputs, args.attrs) : fallback(args);
  });
}

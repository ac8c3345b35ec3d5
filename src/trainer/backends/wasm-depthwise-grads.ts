/**
 * The gradients of a depthwise convolution for TensorFlow.js's wasm backend, which has none: without them a
 * network with DepthwiseConv2D or SeparableConv2D (MobileNet) left WebAssembly for the plain JavaScript CPU
 * backend and trained every layer there. Plain loops over the backend's memory (Keras's layouts: x and dy
 * NHWC, the depthwise filter [height, width, channels, multiplier]); the rest of the network keeps its
 * WebAssembly kernels.
 *
 *   dW[i, j, c, m] = Σ over images and output cells of x[b, oh·s − top + i·d, ow·s − left + j·d, c] · dy[b, oh, ow, c·M + m]
 *   dx[b, y, x, c] = Σ over the cells and filters that read it of dy[b, oh, ow, c·M + m] · W[i, j, c, m]
 */
import { backend_util, getKernel, registerKernel, type KernelConfig, type TensorInfo } from '@tensorflow/tfjs';
import type { WasmBackendHeap } from './simd/training-kernels.ts';

type Attrs = {
  strides: number | [number, number];
  pad: 'valid' | 'same' | number | backend_util.ExplicitPadding;
  dilations: number | [number, number];
  dimRoundingMode?: 'floor' | 'round' | 'ceil';
};

/** A Float32Array over a tensor's values in the backend's memory (made after every allocation: it may move). */
function view(backend: WasmBackendHeap, t: TensorInfo): Float32Array {
  const memory = backend.wasm.wasmMemory ?? backend.wasm.asm.memory!;
  const size = t.shape.reduce((a, b) => a * b, 1);
  return new Float32Array(memory.buffer, backend.getMemoryOffset(t.dataId), size);
}

function convInfo(xShape: number[], filterShape: number[], attrs: Attrs) {
  return backend_util.computeConv2DInfo(
    xShape as [number, number, number, number],
    filterShape as [number, number, number, number],
    attrs.strides,
    attrs.dilations,
    attrs.pad as 'valid',
    attrs.dimRoundingMode,
    true,
  );
}

function filterGradient({
  inputs,
  backend,
  attrs,
}: {
  inputs: Record<string, TensorInfo>;
  backend: unknown;
  attrs: Attrs & { filterShape: number[] };
}) {
  const heap = backend as WasmBackendHeap;
  const { x, dy } = inputs as { x: TensorInfo; dy: TensorInfo };
  const info = convInfo([...x.shape], attrs.filterShape, attrs);
  const out = heap.makeOutput([...attrs.filterShape], 'float32');
  const [xs, dys, dw] = [view(heap, x), view(heap, dy), view(heap, out)];
  const { batchSize, inHeight, inWidth, inChannels, outHeight, outWidth, filterHeight, filterWidth } = info;
  const { strideHeight, strideWidth, dilationHeight, dilationWidth, padInfo } = info;
  const m = info.outChannels / inChannels;
  dw.fill(0);
  for (let b = 0; b < batchSize; b++) {
    for (let oh = 0; oh < outHeight; oh++) {
      for (let ow = 0; ow < outWidth; ow++) {
        const dyAt = ((b * outHeight + oh) * outWidth + ow) * info.outChannels;
        for (let i = 0; i < filterHeight; i++) {
          const y = oh * strideHeight - padInfo.top + i * dilationHeight;
          if (y < 0 || y >= inHeight) continue;
          for (let j = 0; j < filterWidth; j++) {
            const xc = ow * strideWidth - padInfo.left + j * dilationWidth;
            if (xc < 0 || xc >= inWidth) continue;
            const xAt = ((b * inHeight + y) * inWidth + xc) * inChannels;
            const wAt = (i * filterWidth + j) * inChannels * m;
            for (let c = 0; c < inChannels; c++) {
              const xv = xs[xAt + c]!;
              for (let k = 0; k < m; k++) dw[wAt + c * m + k]! += xv * dys[dyAt + c * m + k]!;
            }
          }
        }
      }
    }
  }
  return out;
}

function inputGradient({
  inputs,
  backend,
  attrs,
}: {
  inputs: Record<string, TensorInfo>;
  backend: unknown;
  attrs: Attrs & { inputShape: number[] };
}) {
  const heap = backend as WasmBackendHeap;
  const { dy, filter } = inputs as { dy: TensorInfo; filter: TensorInfo };
  const info = convInfo(attrs.inputShape, [...filter.shape], attrs);
  const out = heap.makeOutput([...attrs.inputShape], 'float32');
  const [dys, ws, dx] = [view(heap, dy), view(heap, filter), view(heap, out)];
  const { batchSize, inHeight, inWidth, inChannels, outHeight, outWidth, filterHeight, filterWidth } = info;
  const { strideHeight, strideWidth, dilationHeight, dilationWidth, padInfo } = info;
  const m = info.outChannels / inChannels;
  dx.fill(0);
  for (let b = 0; b < batchSize; b++) {
    for (let oh = 0; oh < outHeight; oh++) {
      for (let ow = 0; ow < outWidth; ow++) {
        const dyAt = ((b * outHeight + oh) * outWidth + ow) * info.outChannels;
        for (let i = 0; i < filterHeight; i++) {
          const y = oh * strideHeight - padInfo.top + i * dilationHeight;
          if (y < 0 || y >= inHeight) continue;
          for (let j = 0; j < filterWidth; j++) {
            const xc = ow * strideWidth - padInfo.left + j * dilationWidth;
            if (xc < 0 || xc >= inWidth) continue;
            const xAt = ((b * inHeight + y) * inWidth + xc) * inChannels;
            const wAt = (i * filterWidth + j) * inChannels * m;
            for (let c = 0; c < inChannels; c++) {
              let sum = 0;
              for (let k = 0; k < m; k++) sum += dys[dyAt + c * m + k]! * ws[wAt + c * m + k]!;
              dx[xAt + c]! += sum;
            }
          }
        }
      }
    }
  }
  return out;
}

export function registerWasmDepthwiseGradients(): void {
  for (const [kernelName, kernelFunc] of [
    ['DepthwiseConv2dNativeBackpropFilter', filterGradient],
    ['DepthwiseConv2dNativeBackpropInput', inputGradient],
  ] as const) {
    if (getKernel(kernelName, 'wasm')) continue;
    registerKernel({
      kernelName,
      backendName: 'wasm',
      kernelFunc: kernelFunc as unknown as KernelConfig['kernelFunc'],
    });
  }
}

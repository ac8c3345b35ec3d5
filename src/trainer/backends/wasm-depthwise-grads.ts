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
import { heapView, type WasmBackendHeap } from './simd/wasm-heap.ts';

type Attrs = {
  strides: number | [number, number];
  pad: 'valid' | 'same' | number | backend_util.ExplicitPadding;
  dilations: number | [number, number];
  dimRoundingMode?: 'floor' | 'round' | 'ceil';
};

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

type Info = ReturnType<typeof convInfo>;

/**
 * Every tap of the filter on the input, in order: for each image and output cell, each filter position that
 * lies inside the input (padding reads zeros and adds nothing), with the offsets of its input cell, its
 * filter position and its output cell (each the start of that cell's channels).
 */
function forEachTap(info: Info, visit: (xAt: number, wAt: number, dyAt: number) => void): void {
  const { batchSize, inHeight, inWidth, inChannels, outHeight, outWidth, filterHeight, filterWidth } = info;
  const { strideHeight, strideWidth, dilationHeight, dilationWidth, padInfo, outChannels } = info;
  for (let b = 0; b < batchSize; b++) {
    for (let oh = 0; oh < outHeight; oh++) {
      for (let ow = 0; ow < outWidth; ow++) {
        const dyAt = ((b * outHeight + oh) * outWidth + ow) * outChannels;
        for (let i = 0; i < filterHeight; i++) {
          const y = oh * strideHeight - padInfo.top + i * dilationHeight;
          if (y < 0 || y >= inHeight) continue;
          for (let j = 0; j < filterWidth; j++) {
            const x = ow * strideWidth - padInfo.left + j * dilationWidth;
            if (x < 0 || x >= inWidth) continue;
            visit(((b * inHeight + y) * inWidth + x) * inChannels, (i * filterWidth + j) * outChannels, dyAt);
          }
        }
      }
    }
  }
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
  const [xs, dys, dw] = [heapView(heap, x), heapView(heap, dy), heapView(heap, out)];
  const [channels, m] = [info.inChannels, info.outChannels / info.inChannels];
  dw.fill(0);
  forEachTap(info, (xAt, wAt, dyAt) => {
    for (let c = 0; c < channels; c++) {
      const xv = xs[xAt + c]!;
      for (let k = 0; k < m; k++) dw[wAt + c * m + k]! += xv * dys[dyAt + c * m + k]!;
    }
  });
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
  const [dys, ws, dx] = [heapView(heap, dy), heapView(heap, filter), heapView(heap, out)];
  const [channels, m] = [info.inChannels, info.outChannels / info.inChannels];
  dx.fill(0);
  forEachTap(info, (xAt, wAt, dyAt) => {
    for (let c = 0; c < channels; c++) {
      let sum = 0;
      for (let k = 0; k < m; k++) sum += dys[dyAt + c * m + k]! * ws[wAt + c * m + k]!;
      dx[xAt + c]! += sum;
    }
  });
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

/**
 * The filter gradient of a 2-D convolution for TensorFlow.js's wasm backend, which has none of its own
 * (so convolutions cannot train on it out of the box).
 *
 * Where our SIMD kernels run, loops of ours (simd/training-kernels.wat) sum
 *
 *   dW[kh, kw, ci, co] = Σ_n,oh,ow x[n, oh·s + kh, ow·s + kw, ci] · dy[n, oh, ow, co]
 *
 * reading x and dy where they lie, image by image; filters not in fours with dy's channels padded with
 * zeros to the next four (and the extra filters' gradient cut off). That took the textbook net's second layer from 37.6 to
 * 19.5 ms a step and the 4-layer net's from 178 to 77 ms (docs/performance.md).
 *
 * Otherwise it is composed from the backend's own kernels, as it was first written:
 *
 *   dW[kh, kw, ci, co] = Σ_n,oh,ow x[n, oh·s + kh, ow·s + kw, ci] · dy[n, oh, ow, co]
 *
 * is a valid convolution of the input, transposed to [C_in, H, W, N], by the output gradient, transposed
 * to [OH, OW, N, C_out] and dilated by the forward stride; the first KH × KW positions of the result,
 * transposed back, are the gradient. 'same' padding pads the input first, as the forward pass does.
 * About twice the forward convolution's time: the transposes, and XNNPACK packing the transposed dy
 * afresh every step and reading that copy again for every few output rows.
 */
import { getKernel, registerKernel, type KernelConfig, type TensorInfo } from '@tensorflow/tfjs';
import { samePadding } from '../../core/index.ts';

import { pointer, trainingKernels, type TrainingKernels, type WasmBackendHeap } from './simd/training-kernels.ts';
import { temporaries, wasmKernel as kernel, type KernelFunc } from './wasm-kernel-calls.ts';
import { inFours, withChannels } from './wasm-channels.ts';
import { batchParts } from './simd/kernel-pool.ts';

export function registerWasmConv2DBackpropFilter(): void {
  if (getKernel('Conv2DBackpropFilter', 'wasm')) return;
  const pad = kernel('PadV2');
  const transpose = kernel('Transpose');
  const conv2d = kernel('Conv2D');
  const slice = kernel('Slice');
  const config: KernelConfig = {
    kernelName: 'Conv2DBackpropFilter',
    backendName: 'wasm',
    kernelFunc: ((args: Parameters<KernelFunc>[0]) => {
      const { inputs, backend, attrs } = args;
      const { x, dy } = inputs as { x: TensorInfo; dy: TensorInfo };
      const filterShape = attrs.filterShape as [number, number, number, number];
      const strides = attrs.strides as number | [number, number];
      const [sh, sw] = typeof strides === 'number' ? [strides, strides] : strides;
      const padding = attrs.pad;
      if (attrs.dataFormat === 'NCHW') throw new Error('Conv2DBackpropFilter on wasm supports NHWC only');
      if (padding !== 'valid' && padding !== 'same')
        throw new Error('Conv2DBackpropFilter on wasm supports valid and same padding');
      const [kh, kw, , co] = filterShape;
      const simd = trainingKernels(backend as WasmBackendHeap);
      const { keep, free } = temporaries(backend);
      try {
        if (simd && x.dtype === 'float32' && dy.dtype === 'float32') {
          const heap = backend as WasmBackendHeap;
          if (co % 4 === 0) return simdFilterGradient(simd, heap, x, dy, filterShape, [sh, sw], padding);
          // Filters not in fours: dy with zero channels up to the next four, the extra filters' gradient cut off.
          const wide = keep(withChannels(simd, heap, dy, inFours(co)));
          const shape = [kh, kw, filterShape[2], inFours(co)] as [number, number, number, number];
          const gradient = keep(simdFilterGradient(simd, heap, x, wide, shape, [sh, sw], padding));
          return withChannels(simd, heap, gradient, co);
        }
        let input = x;
        if (padding === 'same') {
          const [top, bottom] = samePadding(x.shape[1]!, kh, sh);
          const [left, right] = samePadding(x.shape[2]!, kw, sw);
          if (top + bottom + left + right > 0) {
            input = keep(
              pad({
                inputs: { x },
                backend,
                attrs: {
                  paddings: [
                    [0, 0],
                    [top, bottom],
                    [left, right],
                    [0, 0],
                  ],
                  constantValue: 0,
                },
              }),
            );
          }
        }
        const xT = keep(transpose({ inputs: { x: input }, backend, attrs: { perm: [3, 1, 2, 0] } }));
        const dyT = keep(transpose({ inputs: { x: dy }, backend, attrs: { perm: [1, 2, 0, 3] } }));
        const full = keep(
          conv2d({
            inputs: { x: xT, filter: dyT },
            backend,
            attrs: {
              strides: [1, 1],
              pad: 'valid',
              dataFormat: 'NHWC',
              dilations: [sh, sw],
              dimRoundingMode: undefined,
            },
          }),
        );
        const cut =
          full.shape[1] === kh && full.shape[2] === kw
            ? full
            : keep(slice({ inputs: { x: full }, backend, attrs: { begin: [0, 0, 0, 0], size: [-1, kh, kw, -1] } }));
        return transpose({ inputs: { x: cut }, backend, attrs: { perm: [1, 2, 0, 3] } });
      } finally {
        free();
      }
    }) as unknown as KernelConfig['kernelFunc'],
  };
  registerKernel(config);
}

/** The SIMD filter gradient (see the file's comment). */
function simdFilterGradient(
  simd: TrainingKernels,
  backend: WasmBackendHeap,
  x: TensorInfo,
  dy: TensorInfo,
  filterShape: [number, number, number, number],
  [sh, sw]: [number, number],
  padding: 'valid' | 'same',
): TensorInfo {
  const [n, h, w, ci] = x.shape as [number, number, number, number];
  const [, oh, ow, co] = dy.shape as [number, number, number, number];
  const [kh, kw] = filterShape;
  const top = padding === 'same' ? samePadding(h, kh, sh)[0] : 0;
  const left = padding === 'same' ? samePadding(w, kw, sw)[0] : 0;
  const out = backend.makeOutput([...filterShape], 'float32');
  // The batch is cut into parts of a few images, which the threads share. Each part sums its images
  // into a partial gradient of its own, and the partials are then added in part order: the parts depend
  // on the thread count only, so a given thread count always gives the same sums. One part (one thread)
  // sums straight into the gradient.
  const parts = batchParts(n, simd.threads);
  const size = kh * kw * ci * co;
  const partials = parts.length > 1 ? backend.makeOutput([parts.length * size], 'float32') : null;
  const [px, pdy, pdw] = [pointer(backend, x), pointer(backend, dy), pointer(backend, out)];
  const pPartials = partials ? pointer(backend, partials) : pdw;
  // Channels in fours share each load of dy four times over; a first layer's 1 or 3 channels go one by one.
  simd.split(
    ci % 4 === 0 ? 'filterGrad' : 'filterGradPerChannel',
    parts.map(([a, b], i) => [
      px + 4 * a * h * w * ci,
      pdy + 4 * a * oh * ow * co,
      pPartials + 4 * i * size,
      b - a,
      h,
      w,
      ci,
      oh,
      ow,
      co,
      kh,
      kw,
      sh,
      sw,
      top,
      left,
    ]),
  );
  if (partials) {
    // The partials are the rows of a [parts, size] matrix: their sum is its column sums, row by row.
    simd.sumRows(pPartials, pdw, parts.length, size);
    (backend as unknown as { disposeData(dataId: object): void }).disposeData(partials.dataId);
  }
  return out;
}

/**
 * The filter gradient of a 2-D convolution for TensorFlow.js's wasm backend, which has none of its own
 * (so convolutions cannot train on it out of the box). Composed from the backend's own kernels:
 *
 *   dW[kh, kw, ci, co] = Σ_n,oh,ow x[n, oh·s + kh, ow·s + kw, ci] · dy[n, oh, ow, co]
 *
 * is a valid convolution of the input, transposed to [C_in, H, W, N], by the output gradient, transposed
 * to [OH, OW, N, C_out] and dilated by the forward stride; the first KH × KW positions of the result,
 * transposed back, are the gradient. 'same' padding pads the input first, as the forward pass does.
 * Measured here at about twice the forward convolution's time (docs/performance.md).
 */
import { getKernel, registerKernel, type KernelConfig, type TensorInfo } from '@tensorflow/tfjs';

import { temporaries, wasmKernel as kernel, type KernelFunc } from './wasm-kernel-calls.ts';

/** TensorFlow's 'same' padding: the total split with the extra row or column at the end. */
export function samePadding(size: number, kernelSize: number, stride: number): [number, number] {
  const out = Math.ceil(size / stride);
  const total = Math.max((out - 1) * stride + kernelSize - size, 0);
  return [Math.floor(total / 2), total - Math.floor(total / 2)];
}

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
      const [kh, kw] = filterShape;
      const { keep, free } = temporaries(backend);
      try {
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

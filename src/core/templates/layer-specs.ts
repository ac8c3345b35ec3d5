/** Short ways to write the layers of a ready-made network (templates, lessons): Keras's defaults otherwise. */
import type { LayerSpec } from '../document/build.ts';

export const conv = (
  filters: number,
  k: number,
  extra: Partial<Extract<LayerSpec, { type: 'Conv2D' }>['params']> = {},
): LayerSpec => ({
  type: 'Conv2D',
  params: { filters, kernel_size: [k, k], activation: 'relu', ...extra },
});
export const maxPool = (size = 2, stride?: number, padding: 'valid' | 'same' | number = 'valid'): LayerSpec => ({
  type: 'MaxPooling2D',
  params: {
    pool_size: [size, size],
    strides: stride ? [stride, stride] : null,
    padding,
  },
});
export const dense = (units: number, activation: 'relu' | 'softmax' = 'relu'): LayerSpec => ({
  type: 'Dense',
  params: { units, activation },
});
export const dropout = (rate: number): LayerSpec => ({
  type: 'Dropout',
  params: { rate },
});
export const input = (shape: number[]): LayerSpec => ({
  type: 'Input',
  params: { shape },
});
export const flatten: LayerSpec = { type: 'Flatten' };

/** Batches of images and one-hot labels, made on demand from the bytes in memory: pixels scaled to [0, 1]. */
import * as tf from '@tensorflow/tfjs';
import { fromUnitRange, type ImageSet, type PixelRange } from '../../core/index.ts';

export interface Batch {
  x: tf.Tensor4D;
  y: tf.Tensor2D;
  size: number;
}

/** The batch of the samples at `indices[start … start + size)`. */
export function makeBatch(
  set: ImageSet,
  indices: ArrayLike<number>,
  start: number,
  size: number,
  classes: number,
): Batch {
  const [h, w, c] = set.shape;
  const pixelsPerImage = h * w * c;
  const x = new Float32Array(size * pixelsPerImage);
  const y = new Float32Array(size * classes);
  for (let i = 0; i < size; i++) {
    const index = indices[start + i]!;
    const source = set.pixels.subarray(index * pixelsPerImage, (index + 1) * pixelsPerImage);
    const offset = i * pixelsPerImage;
    for (let p = 0; p < pixelsPerImage; p++) x[offset + p] = source[p]! / 255;
    y[i * classes + set.labels[index]!] = 1;
  }
  return { x: tf.tensor4d(x, [size, h, w, c]), y: tf.tensor2d(y, [size, classes]), size };
}

/**
 * A batch's images (0–1, as makeBatch and augmentation give them) in the range the network takes them in;
 * the same tensor for 0–1, else a new one.
 */
export function inPixelRange(x: tf.Tensor4D, range: PixelRange): tf.Tensor4D {
  if (range === '0..1') return x;
  const { factor, offset } = fromUnitRange(range);
  return tf.tidy(() => tf.add(tf.mul(x, factor), offset));
}

/** 0 … n−1, in order. */
export function range(start: number, end: number): Int32Array {
  const out = new Int32Array(end - start);
  for (let i = 0; i < out.length; i++) out[i] = start + i;
  return out;
}

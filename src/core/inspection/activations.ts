/**
 * Turning a trained network's numbers into pictures: feature maps as one small image per channel, a
 * convolution's filters as images, and histograms of a layer's activations. Values arrive channels last,
 * as TensorFlow.js and Keras keep them.
 */

/** Scales values to bytes, the smallest to 0 and the largest to 255 (all 0 when they are all equal). */
export function toBytes(values: ArrayLike<number>): Uint8Array {
  let [min, max] = [Infinity, -Infinity];
  for (let i = 0; i < values.length; i++) {
    min = Math.min(min, values[i]!);
    max = Math.max(max, values[i]!);
  }
  const range = max - min;
  return Uint8Array.from({ length: values.length }, (_, i) =>
    range > 0 ? Math.round(((values[i]! - min) / range) * 255) : 0,
  );
}

/** Channel `c` of a height × width × channels activation, as a height × width array. */
export function channel(
  values: ArrayLike<number>,
  height: number,
  width: number,
  channels: number,
  c: number,
): Float32Array {
  const out = new Float32Array(height * width);
  for (let p = 0; p < height * width; p++) out[p] = values[p * channels + c]!;
  return out;
}

/**
 * Each channel of a feature map as a greyscale image, scaled on its own (a channel's pattern matters, not
 * its size next to others). At most `limit` channels, the first ones.
 */
export function featureMapImages(
  values: ArrayLike<number>,
  [height, width, channels]: readonly [number, number, number],
  limit = channels,
): Uint8Array[] {
  return Array.from({ length: Math.min(channels, limit) }, (_, c) =>
    toBytes(channel(values, height, width, channels, c)),
  );
}

/**
 * A Conv2D kernel [kh, kw, in, out] as one image per filter: RGB when it reads 3 channels, otherwise the
 * mean over its input channels in grey. Each filter is scaled on its own, so 0 is not mid-grey.
 */
export function filterImages(
  kernel: ArrayLike<number>,
  [kh, kw, inputs, filters]: readonly [number, number, number, number],
): { pixels: Uint8Array; channels: 1 | 3 }[] {
  const rgb = inputs === 3;
  return Array.from({ length: filters }, (_, f) => {
    const size = kh * kw * (rgb ? 3 : 1);
    const values = new Float32Array(size);
    for (let p = 0; p < kh * kw; p++)
      for (let i = 0; i < inputs; i++) {
        const w = kernel[(p * inputs + i) * filters + f]!;
        if (rgb) values[p * 3 + i] = w;
        else values[p] = values[p]! + w / inputs;
      }
    return { pixels: toBytes(values), channels: rgb ? 3 : 1 };
  });
}

export interface Histogram {
  /** Left edge of the first bin and right edge of the last. */
  min: number;
  max: number;
  counts: number[];
  /** How many of the values are exactly 0 (ReLU's dead share). */
  zeros: number;
  total: number;
}

/** Counts of values in `bins` equal bins between their smallest and largest. */
export function histogram(values: ArrayLike<number>, bins = 30): Histogram {
  let [min, max, zeros] = [Infinity, -Infinity, 0];
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    min = Math.min(min, v);
    max = Math.max(max, v);
    if (v === 0) zeros += 1;
  }
  const counts = new Array<number>(bins).fill(0);
  if (values.length === 0) return { min: 0, max: 0, counts, zeros, total: 0 };
  const width = (max - min) / bins;
  for (let i = 0; i < values.length; i++) {
    const bin = width > 0 ? Math.min(bins - 1, Math.floor((values[i]! - min) / width)) : 0;
    counts[bin]! += 1;
  }
  return { min, max, counts, zeros, total: values.length };
}

/** Probabilities from a network's outputs: kept when they already are (non-negative, sum 1), softmax otherwise. */
export function asProbabilities(outputs: ArrayLike<number>): number[] {
  const values = Array.from(outputs);
  const sum = values.reduce((a, b) => a + b, 0);
  if (values.every((v) => v >= 0) && Math.abs(sum - 1) < 1e-3) return values.map((v) => v / sum);
  const top = Math.max(...values);
  const exps = values.map((v) => Math.exp(v - top));
  const total = exps.reduce((a, b) => a + b, 0);
  return exps.map((v) => v / total);
}

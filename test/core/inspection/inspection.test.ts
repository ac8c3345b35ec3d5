/** The pictures drawn from a trained network's numbers, and the drawing pad's MNIST-style preprocessing. */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import {
  asProbabilities,
  centreOfMass,
  featureMapImages,
  filterImages,
  histogram,
  inkBounds,
  mnistStyle,
  resizeArea,
  toBytes,
  type GreyImage,
} from '../../../src/core/index.ts';
import { builtinMnistFolder } from '../../../src/trainer/data/load-dataset.ts';
import { readIdxFile } from '../../../src/trainer/data/read-idx-file.ts';

function upscale(pixels: Uint8Array, size: number, factor: number): GreyImage {
  const out = new Uint8Array(size * factor * size * factor);
  for (let y = 0; y < size * factor; y++)
    for (let x = 0; x < size * factor; x++)
      out[y * size * factor + x] = pixels[Math.floor(y / factor) * size + Math.floor(x / factor)]!;
  return { pixels: out, width: size * factor, height: size * factor };
}

function correlation(a: Uint8Array, b: Uint8Array): number {
  const mean = (v: Uint8Array) => v.reduce((s, x) => s + x, 0) / v.length;
  const [ma, mb] = [mean(a), mean(b)];
  let [ab, aa, bb] = [0, 0, 0];
  for (let i = 0; i < a.length; i++) {
    ab += (a[i]! - ma) * (b[i]! - mb);
    aa += (a[i]! - ma) ** 2;
    bb += (b[i]! - mb) ** 2;
  }
  return ab / Math.sqrt(aa * bb);
}

describe('MNIST-style drawing', () => {
  it('gives back real MNIST digits drawn ten times larger, off-centre', async () => {
    const images = await readIdxFile(join(builtinMnistFolder(), 't10k-images-idx3-ubyte'));
    if (!images.ok) throw new Error('MNIST test images unreadable');
    for (let index = 0; index < 20; index++) {
      const digit = images.value.data.subarray(index * 784, (index + 1) * 784) as Uint8Array;
      // A 400 × 400 pad with the digit drawn at 10× in its top-left corner.
      const big = upscale(digit, 28, 10);
      const pad = new Uint8Array(400 * 400);
      for (let y = 0; y < 280; y++) pad.set(big.pixels.subarray(y * 280, (y + 1) * 280), y * 400);
      const result = mnistStyle({ pixels: pad, width: 400, height: 400 });
      expect(correlation(result, digit)).toBeGreaterThan(0.9);
    }
  });

  it('fits the ink into a 20-pixel box and centres it by mass', () => {
    const pad = new Uint8Array(200 * 200);
    // A tall bar, 10 wide and 150 high, near the right edge.
    for (let y = 20; y < 170; y++) for (let x = 170; x < 180; x++) pad[y * 200 + x] = 255;
    const result = { pixels: mnistStyle({ pixels: pad, width: 200, height: 200 }), width: 28, height: 28 };
    const bounds = inkBounds(result)!;
    expect(bounds.height).toBe(20);
    expect(bounds.width).toBeLessThanOrEqual(2);
    const mass = centreOfMass(result);
    expect(Math.abs(mass.x - 14)).toBeLessThanOrEqual(1);
    expect(Math.abs(mass.y - 14)).toBeLessThanOrEqual(1);
  });

  it('leaves an empty drawing empty', () => {
    expect(mnistStyle({ pixels: new Uint8Array(100), width: 10, height: 10 }).every((v) => v === 0)).toBe(true);
    expect(inkBounds({ pixels: new Uint8Array(4), width: 2, height: 2 })).toBeNull();
  });

  it('averages areas when shrinking, partial pixels by their share', () => {
    const image = { pixels: Uint8Array.from([0, 255, 255, 0, 0, 255]), width: 3, height: 2 };
    // 3 × 2 → 2 × 1: each output pixel covers 1.5 columns of both rows (an area of 3).
    expect(Array.from(resizeArea(image, 2, 1).pixels)).toEqual([
      Math.round((0 + 0.5 * 255 + 0 + 0.5 * 0) / 3),
      Math.round((0.5 * 255 + 255 + 0.5 * 0 + 255) / 3),
    ]);
  });
});

describe('pictures of activations and filters', () => {
  it('scales each channel of a feature map on its own', () => {
    // 1 × 2 × 2: channel 0 = [1, 3], channel 1 = [-5, -5].
    const [first, second] = featureMapImages([1, -5, 3, -5], [1, 2, 2]);
    expect(Array.from(first!)).toEqual([0, 255]);
    expect(Array.from(second!)).toEqual([0, 0]);
    expect(featureMapImages(new Float32Array(8), [1, 1, 8], 3)).toHaveLength(3);
  });

  it('draws grey filters as the mean over input channels and RGB filters in colour', () => {
    // kernel [1, 2, 2, 1]: position 0 reads (1, 3) → mean 2; position 1 reads (0, 0) → 0.
    expect(filterImages([1, 3, 0, 0], [1, 2, 2, 1])).toEqual([{ pixels: Uint8Array.from([255, 0]), channels: 1 }]);
    const rgb = filterImages([0, 1, 2], [1, 1, 3, 1]);
    expect(rgb[0]).toEqual({ pixels: Uint8Array.from([0, 128, 255]), channels: 3 });
    expect(toBytes([2, 2])).toEqual(Uint8Array.from([0, 0]));
  });

  it('counts every value into a histogram and the zeros apart', () => {
    const h = histogram([0, 0, 0, 1, 2, 3, 4], 4);
    expect(h).toEqual({ min: 0, max: 4, counts: [3, 1, 1, 2], zeros: 3, total: 7 });
    expect(histogram([5, 5], 3).counts).toEqual([2, 0, 0]);
  });

  it('turns outputs into probabilities that sum to 1', () => {
    expect(asProbabilities([0.25, 0.75])).toEqual([0.25, 0.75]);
    const soft = asProbabilities([1, 2, 3]);
    expect(soft.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 10);
    expect(soft[2]).toBeGreaterThan(soft[1]!);
  });
});

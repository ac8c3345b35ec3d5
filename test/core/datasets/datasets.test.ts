/** Reading IDX and CIFAR-10 bytes, with the problems named. */
import { describe, expect, it } from 'vitest';
import {
  CIFAR_RECORD,
  classCounts,
  fromRgba,
  resizeBilinear,
  evaluatePredictions,
  imageSetFromIdx,
  parseCifarBatches,
  parseIdx,
  seededRandom,
  shuffledIndices,
  translate,
} from '../../../src/core/index.ts';

function idx(dims: number[], fill = (i: number) => i % 256): Uint8Array {
  const size = dims.reduce((a, b) => a * b, 1);
  const bytes = new Uint8Array(4 + 4 * dims.length + size);
  bytes.set([0, 0, 8, dims.length]);
  const view = new DataView(bytes.buffer);
  dims.forEach((d, i) => view.setUint32(4 + 4 * i, d, false));
  for (let i = 0; i < size; i++) bytes[4 + 4 * dims.length + i] = fill(i);
  return bytes;
}

const en = (r: { ok: boolean; error?: Parameters<typeof translate>[0] }) => (r.ok ? '' : translate(r.error!, 'en'));

describe('IDX', () => {
  it('reads the dimensions and the bytes', () => {
    const result = parseIdx(idx([2, 3, 4]), 'x');
    expect(result.ok && result.value.dims).toEqual([2, 3, 4]);
    expect(result.ok && [...result.value.data.subarray(0, 3)]).toEqual([0, 1, 2]);
  });

  it.each([
    ['a wrong magic number', Uint8Array.from([0x50, 0x4b, 3, 4, 0, 0]), /not an IDX file: it starts with 50 4b 03 04/],
    ['an empty file', new Uint8Array(), /not an IDX file: it starts with empty/],
    [
      'floats instead of bytes',
      Uint8Array.from([0, 0, 0x0d, 1, 0, 0, 0, 1, 0, 0, 0, 0]),
      /values of type 0x0d; images and labels must be unsigned bytes/,
    ],
    ['a cut header', Uint8Array.from([0, 0, 8, 3, 0, 0]), /cut short: it should be at least 16 bytes but has 6/],
    ['cut data', idx([10, 28, 28]).subarray(0, 500), /cut short: it should be at least 7,856 bytes but has 500/],
  ])('refuses %s', (_name, bytes, pattern) => {
    expect(en(parseIdx(bytes, 'f'))).toMatch(pattern);
  });

  it('checks images against labels', () => {
    const images = parseIdx(idx([3, 2, 2]), 'img');
    const labels = parseIdx(idx([2]), 'lab');
    if (!images.ok || !labels.ok) throw new Error('fixture');
    expect(en(imageSetFromIdx(images.value, labels.value, 'img', 'lab'))).toBe(
      'img has 3 images but lab has 2 labels; they must match.',
    );
    expect(en(imageSetFromIdx(labels.value, labels.value, 'lab', 'lab'))).toMatch(
      /has 1 dimensions; an IDX image file has 3/,
    );
  });
});

describe('CIFAR-10 binary batches', () => {
  function record(label: number, r: number, g: number, b: number): number[] {
    return [label, ...new Array(1024).fill(r), ...new Array(1024).fill(g), ...new Array(1024).fill(b)];
  }

  it('interleaves the colour planes into channels-last pixels', () => {
    const bytes = Uint8Array.from([...record(3, 10, 20, 30), ...record(9, 1, 2, 3)]);
    const result = parseCifarBatches([{ name: 'data_batch_1.bin', bytes }]);
    if (!result.ok) throw new Error(translate(result.error, 'en'));
    expect(result.value.count).toBe(2);
    expect(result.value.shape).toEqual([32, 32, 3]);
    expect([...result.value.labels]).toEqual([3, 9]);
    expect([...result.value.pixels.subarray(0, 6)]).toEqual([10, 20, 30, 10, 20, 30]);
    expect([...result.value.pixels.subarray(3072, 3075)]).toEqual([1, 2, 3]);
  });

  it('refuses a truncated batch and a label beyond the ten classes', () => {
    expect(en(parseCifarBatches([{ name: 'b.bin', bytes: new Uint8Array(CIFAR_RECORD + 5) }]))).toBe(
      'b.bin is 3,078 bytes, which is not a whole number of CIFAR-10 records (3,073 bytes each). The file may be truncated.',
    );
    expect(en(parseCifarBatches([{ name: 'b.bin', bytes: Uint8Array.from(record(12, 0, 0, 0)) }]))).toBe(
      'b.bin: image 0 has label 12, but there are only 10 classes (0 to 9).',
    );
  });
});

describe('splits and results', () => {
  it('shuffles reproducibly from a seed, every index once', () => {
    const a = shuffledIndices(1000, seededRandom(42));
    const b = shuffledIndices(1000, seededRandom(42));
    expect([...a]).toEqual([...b]);
    expect([...a].sort((x, y) => x - y)).toEqual([...Array(1000).keys()]);
    expect([...shuffledIndices(1000, seededRandom(43))]).not.toEqual([...a]);
  });

  it('counts per class and builds the confusion matrix', () => {
    expect(
      classCounts({ pixels: new Uint8Array(), labels: Uint8Array.from([0, 1, 1, 2]), count: 4, shape: [1, 1, 1] }, 3),
    ).toEqual([1, 2, 1]);
    const evaluation = evaluatePredictions([0, 1, 1, 2], [0, 1, 2, 2], 3);
    expect(evaluation).toEqual({
      confusion: [
        [1, 0, 0],
        [0, 1, 1],
        [0, 0, 1],
      ],
      perClassAccuracy: [1, 0.5, 1],
      accuracy: 0.75,
      misclassified: [2],
    });
  });
});

describe('fitting images to the Input', () => {
  it('makes colour grey with the BT.601 weights and drops alpha', () => {
    const rgba = Uint8Array.from([255, 0, 0, 255, 0, 255, 0, 128, 0, 0, 255, 0]);
    expect([...fromRgba(rgba, 3, 1, 1)]).toEqual([76, 150, 29]);
    expect([...fromRgba(rgba, 3, 1, 3)]).toEqual([255, 0, 0, 0, 255, 0, 0, 0, 255]);
  });

  it('resizes bilinearly: a flat image stays flat, a 2 × 2 checker averages', () => {
    expect([...resizeBilinear(new Uint8Array(16).fill(7), 4, 4, 1, 2, 2)]).toEqual([7, 7, 7, 7]);
    expect([...resizeBilinear(Uint8Array.from([0, 255, 255, 0]), 2, 2, 1, 1, 1)]).toEqual([128]);
    expect(resizeBilinear(Uint8Array.from([1, 2, 3]), 3, 1, 1, 3, 1)).toEqual(Uint8Array.from([1, 2, 3]));
  });
});

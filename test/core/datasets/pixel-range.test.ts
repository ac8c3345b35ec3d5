/**
 * The range pixels go into the network in: each range maps 0 and 255 to its ends, training's route (÷ 255,
 * then augmentation, then fromUnitRange) gives what the page's scaledPixels gives, Python writes the same
 * scaling, and a trained model opened from a file gets the range its maker used.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  PIXEL_RANGES,
  fromUnitRange,
  importedPixelRange,
  pixelRangeMismatch,
  pythonScaling,
  scaledPixels,
  sequential,
  type LayerSpec,
} from '../../../src/core/index.ts';

const s = (type: string, params: Record<string, unknown> = {}): LayerSpec => ({ type, params }) as LayerSpec;
const ENDS = { '0..1': [0, 1], '-1..1': [-1, 1], '0..255': [0, 255] } as const;

describe('pixel ranges', () => {
  it.each(PIXEL_RANGES)('%s: black and white are its ends', (range) => {
    expect([...scaledPixels([0, 255], range)]).toEqual(ENDS[range].map((v) => expect.closeTo(v, 6)));
  });

  it('training’s route through 0–1 gives the page’s values, for any bytes and range', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), fc.constantFrom(...PIXEL_RANGES), (bytes, range) => {
        const { factor, offset } = fromUnitRange(range);
        const page = scaledPixels(bytes, range);
        bytes.forEach((b, i) => expect(Math.fround((b / 255) * factor + offset)).toBeCloseTo(page[i]!, 4));
      }),
    );
  });

  it('the scripts scale as the app does', () => {
    // Evaluated as Python would: 200 → 200 / 127.5 − 1.
    expect(PIXEL_RANGES.map((r) => pythonScaling(r))).toEqual([' / 255', ' / 127.5 - 1', '']);
    expect(scaledPixels([200], '-1..1')[0]).toBeCloseTo(200 / 127.5 - 1, 6);
  });

  it('a trained model gets the range its maker fed it', () => {
    const plain = sequential([s('Input', { shape: [28, 28, 1] }), s('Flatten'), s('Dense', { units: 10 })]);
    const rescaled = sequential([s('Input', { shape: [28, 28, 1] }), s('Rescaling'), s('Flatten')]);
    expect(importedPixelRange(plain, false)).toBe('0..1');
    expect(importedPixelRange(plain, true)).toBe('-1..1');
    // A network that rescales itself takes the bytes, Teachable Machine's or not.
    expect(importedPixelRange(rescaled, true)).toBe('0..255');
    expect(pixelRangeMismatch(rescaled, '0..1')).toBe('scaledTwice');
    expect(pixelRangeMismatch(plain, '0..255')).toBe('unscaled');
    expect(pixelRangeMismatch(plain, '-1..1')).toBeNull();
  });
});

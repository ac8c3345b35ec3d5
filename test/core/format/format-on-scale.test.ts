import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatOnScale } from '../../../src/core/index.ts';

describe('formatOnScale', () => {
  it('writes a histogram’s range as a person reads it', () => {
    // The example: ReLU's smallest value 9.624e−9 next to 0.9976.
    expect(formatOnScale(9.624e-9, 0.9976)).toBe('0.000');
    expect(formatOnScale(0.9976, 0.9976)).toBe('0.998');
    expect(formatOnScale(1.183, 1.183)).toBe('1.18');
    expect(formatOnScale(-0.0004, 0.5)).toBe('0.000');
    expect(formatOnScale(-12.5, 40)).toBe('−12.5');
    expect(formatOnScale(12345.6, 20000)).toBe('12,346');
    expect(formatOnScale(0.00012, 0.0003)).toBe('0.000120');
  });

  it('never writes an exponent, and keeps three significant digits of the span', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        fc.double({ min: 1e-6, max: 1e6, noNaN: true }),
        (n, span) => {
          const text = formatOnScale(n, span);
          expect(text).not.toMatch(/e/i);
          // Read back, it is within a hundredth of the span of the value.
          expect(Math.abs(Number(text.replace('−', '-').replaceAll(',', '')) - n)).toBeLessThanOrEqual(span / 100);
        },
      ),
    );
  });
});

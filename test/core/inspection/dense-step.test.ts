/** One Dense unit worked out: products, sum, bias and activation; softmax as the unit's share of all totals. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { denseAt, largestProducts } from '../../../src/core/index.ts';

describe('a Dense unit, step by step', () => {
  it('multiplies each input by its weight (Keras: kernel [inputs, units]), adds the bias, applies ReLU', () => {
    const kernel = { values: [1, -1, 2, 0.5, -3, 1], shape: [3, 2] as const };
    const step = denseAt({ input: [1, 2, 3], kernel, bias: [0.5, -10], activation: 'relu', unit: 0 });
    expect(step.products.map((p) => p.product)).toEqual([1, 4, -9]);
    expect(step.sum).toBe(-4);
    expect(step.preActivation).toBe(-3.5);
    expect(step.value).toBe(0);
    const other = denseAt({ input: [1, 2, 3], kernel, bias: [0.5, -10], activation: 'linear', unit: 1 });
    expect(other.preActivation).toBe(-1 + 1 + 3 - 10);
  });

  it('gives softmax as the unit’s share: the units’ values sum to 1', () => {
    fc.assert(
      fc.property(
        fc.array(fc.float({ min: -3, max: 3, noNaN: true }), { minLength: 4, maxLength: 4 }),
        fc.array(fc.float({ min: -2, max: 2, noNaN: true }), { minLength: 12, maxLength: 12 }),
        (input, weights) => {
          const kernel = { values: weights, shape: [4, 3] as const };
          const shares = [0, 1, 2].map(
            (unit) => denseAt({ input, kernel, bias: null, activation: 'softmax', unit }).value,
          );
          expect(shares.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 6);
        },
      ),
    );
  });

  it('names the largest products and sums the rest', () => {
    const step = denseAt({
      input: [1, 1, 1, 1],
      kernel: { values: [0.1, -5, 2, 0.2], shape: [4, 1] },
      bias: null,
      activation: 'linear',
      unit: 0,
    });
    const { shown, rest, restSum } = largestProducts(step.products, 2);
    expect(shown.map((p) => p.index)).toEqual([1, 2]);
    expect(rest).toBe(2);
    expect(restSum).toBeCloseTo(0.3, 12);
  });
});

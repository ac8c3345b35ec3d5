/**
 * Fine-tuning keeps the trained weights' output order: a dataset whose classes are the same names in
 * another order (an image folder's alphabetical sub-folders) is relabelled into it, every image keeping
 * its class name; other class sets are left alone.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inClassOrder, type ImageDataset, type ImageSet } from '../../../src/core/index.ts';

const set = (labels: number[]): ImageSet => ({
  pixels: new Uint8Array(labels.length),
  labels: Uint8Array.from(labels),
  count: labels.length,
  shape: [1, 1, 1],
});

describe('inClassOrder', () => {
  it('relabels every image so that its class name stays its own, in any order of the same names', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.string({ minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 12 }),
        fc.array(fc.nat(), { maxLength: 40 }),
        fc.nat(),
        (classes, raw, seed) => {
          const labels = raw.map((v) => v % classes.length);
          const dataset: ImageDataset = { name: 'd', classes, train: set(labels), test: set(labels.slice(0, 5)) };
          const order = [...classes].sort(
            (a, b) => ((a.charCodeAt(0) * 31 + seed) % 7) - ((b.charCodeAt(0) * 31 + seed) % 7),
          );
          const ordered = inClassOrder(dataset, order)!;
          expect(ordered.classes).toEqual(order);
          const names = (d: ImageDataset, s: ImageSet) => Array.from(s.labels, (l) => d.classes[l]);
          expect(names(ordered, ordered.train)).toEqual(names(dataset, dataset.train));
          expect(names(ordered, ordered.test)).toEqual(names(dataset, dataset.test));
        },
      ),
    );
  });

  it('leaves a dataset of other classes alone', () => {
    const dataset: ImageDataset = { name: 'd', classes: ['cat', 'dog'], train: set([0, 1]), test: set([1]) };
    expect(inClassOrder(dataset, ['dog', 'fox'])).toBeNull();
    expect(inClassOrder(dataset, ['cat', 'dog', 'fox'])).toBeNull();
    expect(inClassOrder(dataset, ['cat', 'cat'])).toBeNull();
    expect(inClassOrder(dataset, ['cat', 'dog'])).toBe(dataset);
  });
});

/**
 * The sliding window of the course's pictures, worked out cell by cell: the slides' 6×6 image and ±1 filter
 * give the slides' 4×4 feature map; stride and padding change the size as the analysis counts it; a stride
 * that does not tile the image drops the rows and columns the analysis warns of; pooling leaves padding out.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COURSE_FILTERS, COURSE_IMAGE, slideWindow, translate, type SlideSettings } from '../../../src/core/index.ts';

const course = (over: Partial<SlideSettings> = {}): SlideSettings => ({
  operation: 'conv',
  image: COURSE_IMAGE,
  filter: COURSE_FILTERS.course,
  pool: 2,
  stride: 1,
  padding: 'valid',
  ...over,
});

const grid = (result: ReturnType<typeof slideWindow>) => {
  const [, w] = result.size!;
  return Array.from({ length: result.cells.length / w }, (_, r) =>
    result.cells.slice(r * w, (r + 1) * w).map((c) => c.value),
  );
};

describe('the sliding window', () => {
  it('gives the slides’ 4×4 feature map for their 6×6 image and filter, "(6−3)/1+1 = 4"', () => {
    const result = slideWindow(course());
    expect(result.size).toEqual([4, 4]);
    // Rows 1, 3 and 4 are the slides' own; their second row reads "2 1 0 −1", which the arithmetic (and
    // numpy) gives as "0 1 0 2": like their receptive field of 24 for 22, a slip of the slides.
    expect(grid(result)).toEqual([
      [1, -1, -1, 2],
      [0, 1, 0, 2],
      [0, 0, 2, 2],
      [1, 1, 1, -1],
    ]);
    expect(result.explanations.map((e) => e.formula)).toEqual(['(6−3)/1+1 = 4', '(6−3)/1+1 = 4']);
    expect(result.cells[0]!.terms.map((t) => t.x * t.w!)).toEqual([1, -0, -0, 0, 0, -1, -1, 1, 1]);
    expect(result.dropped.size).toBe(0);
  });

  it('with stride 2 drops the last row and column, as the analysis warns', () => {
    const result = slideWindow(course({ stride: 2 }));
    expect(result.size).toEqual([2, 2]);
    expect(result.explanations[0]!.formula).toBe('⌊(6−3)/2⌋+1 = 2');
    expect([...result.dropped].sort()).toEqual([
      '0,5',
      '1,5',
      '2,5',
      '3,5',
      '4,5',
      '5,0',
      '5,1',
      '5,2',
      '5,3',
      '5,4',
      '5,5',
    ]);
    expect(result.diagnostics.map((d) => translate(d.message, 'en')).join()).toMatch(/1 row/);
  });

  it("with 'same' padding keeps 6×6, the zeros around the image multiplied like any value", () => {
    const result = slideWindow(course({ padding: 'same' }));
    expect(result.size).toEqual([6, 6]);
    expect(result.before).toEqual([1, 1]);
    const corner = result.cells[0]!;
    expect(corner.terms.filter((t) => t.padding)).toHaveLength(5);
    expect(corner.value).toBe(corner.terms.reduce((sum, t) => sum + t.x * t.w!, 0));
  });

  it('pools 2×2: the largest or the mean of each window, padding never counted', () => {
    expect(grid(slideWindow(course({ operation: 'max', stride: 2 })))).toEqual([
      [1, 1, 1],
      [1, 1, 1],
      [1, 1, 1],
    ]);
    const mean = slideWindow(course({ operation: 'average', stride: 2 }));
    expect(grid(mean)[0]).toEqual([0.25, 0.75, 0.5]);
    const padded = slideWindow(course({ operation: 'average', pool: 3, stride: 2, padding: 'same' }));
    // ⌈6/2⌉ = 3 windows; the last one reaches one column of zeros, left out of its mean.
    expect(padded.size).toEqual([3, 3]);
    const last = padded.cells[2]!;
    const inside = last.terms.filter((t) => !t.padding);
    expect(last.value).toBeCloseTo(inside.reduce((s, t) => s + t.x, 0) / inside.length, 12);
  });

  it('a window larger than the image gives no cells and says why', () => {
    const result = slideWindow(course({ operation: 'max', pool: 7 }));
    expect(result.size).toBeNull();
    expect(result.cells).toEqual([]);
    expect(result.diagnostics[0]!.severity).toBe('error');
  });

  it('every output cell is the sum of its products (or its window’s max), for any image, filter, stride and padding', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 1, max: 3 }),
        fc.constantFrom<SlideSettings['padding']>('valid', 'same', 1),
        fc.array(fc.array(fc.integer({ min: -3, max: 3 }), { minLength: 7, maxLength: 7 }), {
          minLength: 7,
          maxLength: 7,
        }),
        (k, stride, padding, image) => {
          const filter = Array.from({ length: k }, (_, i) => Array.from({ length: k }, (_, j) => i - j));
          const result = slideWindow({ operation: 'conv', image, filter, pool: k, stride, padding });
          if (!result.size) return;
          expect(result.cells).toHaveLength(result.size[0] * result.size[1]);
          for (const cell of result.cells) {
            expect(cell.terms).toHaveLength(k * k);
            expect(cell.value).toBe(cell.terms.reduce((sum, t) => sum + t.x * t.w!, 0));
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});

/**
 * A window sliding over a small one-channel image, as the courses draw it by hand: a convolution (a filter
 * of weights, "對應位置相乘相加"), a max pooling or an average pooling, with a stride and padding. Every output
 * cell is worked out with its window; the output size, its formula and a stride that does not tile the image
 * come from the analysis of the same one-layer network, so they are the numbers the canvas shows.
 */
import { analyse } from '../analysis/analyse.ts';
import type { Diagnostic, Explanation } from '../analysis/types.ts';
import { paddingBefore } from '../analysis/rules/spatial.ts';
import { sequential, type LayerSpec } from '../document/build.ts';
import type { Padding } from '../layers/params.ts';
import { convolutionAt, poolingAt } from './conv-step.ts';

export type SlideOperation = 'conv' | 'max' | 'average';

export interface SlideSettings {
  operation: SlideOperation;
  /** The image, row by row (one channel). */
  image: number[][];
  /** The filter's weights, row by row: its size is the window's (used by 'conv'). */
  filter: number[][];
  /** The window's side, for pooling (a convolution's is its filter's). */
  pool: number;
  stride: number;
  padding: Padding;
}

/** One input value under the window: where (−1 and beyond the edge: padding), the value and its weight. */
export interface WindowTerm {
  row: number;
  column: number;
  x: number;
  /** The filter's weight (convolution only). */
  w: number | null;
  /** Whether it lies in the padding (a zero a convolution multiplies; pooling leaves it out). */
  padding: boolean;
}

export interface SlideCell {
  row: number;
  column: number;
  terms: WindowTerm[];
  value: number;
}

export interface SlideResult {
  /** Output height and width; null where the window does not fit (the diagnostics say why). */
  size: [number, number] | null;
  /** How each output axis's size comes about (height, width). */
  explanations: Explanation[];
  /** The analysis's words on it: a window too large, a stride that drops rows and columns. */
  diagnostics: Diagnostic[];
  /** Rows and columns of padding before the image (top, left). */
  before: [number, number];
  /** Output cells row by row. */
  cells: SlideCell[];
  /** Image cells ("row,column") no window reaches: what a stride that does not tile the image drops. */
  dropped: Set<string>;
}

export const windowSize = (s: SlideSettings): number => (s.operation === 'conv' ? s.filter.length : s.pool);

/** The one-layer network of these settings: a 1-filter Conv2D without bias, or a pooling layer. */
function layerGraph(s: SlideSettings, h: number, w: number) {
  const k = windowSize(s);
  const window: [number, number] = [k, k];
  const strides: [number, number] = [s.stride, s.stride];
  const layer: LayerSpec =
    s.operation === 'conv'
      ? { type: 'Conv2D', params: { filters: 1, kernel_size: window, strides, padding: s.padding, use_bias: false } }
      : {
          type: s.operation === 'max' ? 'MaxPooling2D' : 'AveragePooling2D',
          params: { pool_size: window, strides, padding: s.padding },
        };
  return sequential([{ type: 'Input', params: { shape: [h, w, 1] } }, layer]);
}

export function slideWindow(s: SlideSettings): SlideResult {
  const h = s.image.length;
  const w = s.image[0]?.length ?? 0;
  const k = windowSize(s);
  const analysis = analyse(layerGraph(s, h, w));
  const node = analysis.nodes[1]!;
  const explanations = node.explanations?.outputShape.slice(0, 2) ?? [];
  const diagnostics = node.diagnostics;
  const before: [number, number] = [paddingBefore(h, k, s.stride, s.padding), paddingBefore(w, k, s.stride, s.padding)];
  const size = node.outputShape ? ([node.outputShape[0]!, node.outputShape[1]!] as [number, number]) : null;
  const cells: SlideCell[] = [];
  const reached = new Set<string>();
  if (size) {
    const flat = s.image.flat();
    const kernel = s.filter.flat();
    for (let row = 0; row < size[0]; row++) {
      for (let column = 0; column < size[1]; column++) {
        const cell = cellAt(s, flat, kernel, [h, w], k, row, column);
        for (const t of cell.terms) if (!t.padding) reached.add(`${t.row},${t.column}`);
        cells.push(cell);
      }
    }
  }
  const dropped = new Set<string>();
  if (size) {
    for (let r = 0; r < h; r++) for (let c = 0; c < w; c++) if (!reached.has(`${r},${c}`)) dropped.add(`${r},${c}`);
  }
  return { size, explanations, diagnostics, before, cells, dropped };
}

function cellAt(
  s: SlideSettings,
  image: number[],
  kernel: number[],
  [h, w]: [number, number],
  k: number,
  row: number,
  column: number,
): SlideCell {
  if (s.operation === 'conv') {
    const step = convolutionAt({
      input: { values: image, shape: [h, w, 1] },
      kernel: { values: kernel, shape: [k, k, 1, 1] },
      bias: null,
      strides: [s.stride, s.stride],
      dilation: [1, 1],
      padding: s.padding,
      activation: 'linear',
      cell: [row, column],
      filter: 0,
    });
    const terms = step.products.map((p) => ({
      row: p.row,
      column: p.column,
      x: p.x,
      w: p.w,
      padding: p.row < 0 || p.row >= h || p.column < 0 || p.column >= w,
    }));
    return { row, column, terms, value: step.sum };
  }
  const pooled = poolingAt({
    input: { values: image, shape: [h, w, 1] },
    pool: [k, k],
    strides: [s.stride, s.stride],
    padding: s.padding,
    operation: s.operation,
    cell: [row, column],
    channel: 0,
  });
  const terms = pooled.terms.map((t) => ({ ...t, w: null }));
  const value = pooled.value;
  return { row, column, terms, value };
}

/** The course's example (its slides' text): a 6×6 black-and-white image and the ±1 filter that gives its 4×4 feature map. */
export const COURSE_IMAGE: number[][] = [
  [1, 0, 0, 1, 0, 1],
  [0, 0, 1, 1, 1, 0],
  [1, 1, 1, 0, 0, 0],
  [1, 0, 1, 0, 1, 1],
  [0, 1, 0, 0, 1, 1],
  [0, 0, 0, 1, 1, 1],
];

/** Filters to start from: the course's, and the classic ±1 detectors of a diagonal and of a vertical line. */
export const COURSE_FILTERS: Record<'course' | 'diagonal' | 'vertical', number[][]> = {
  course: [
    [1, -1, -1],
    [1, 1, -1],
    [-1, 1, 1],
  ],
  diagonal: [
    [1, -1, -1],
    [-1, 1, -1],
    [-1, -1, 1],
  ],
  vertical: [
    [-1, 1, -1],
    [-1, 1, -1],
    [-1, 1, -1],
  ],
};

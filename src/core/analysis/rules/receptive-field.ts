/**
 * Receptive field and jump (cumulative stride) through a sliding-window layer, per axis:
 * r_out = r_in + (k − 1) × j_in,  j_out = j_in × s,  start_out = start_in − p_before × j_in
 * (Araujo et al., "Computing Receptive Fields of CNNs", 2019). Padding moves the field but does not change
 * its size.
 */
import { formatInt as f } from '../../format/number.ts';
import { msg } from '../../i18n/messages.ts';
import type { Explanation, ReceptiveField } from '../types.ts';

export function slideField(
  previous: ReceptiveField,
  kernel: readonly [number, number],
  stride: readonly [number, number],
  /** Rows and columns of padding before the input, per axis. */
  padBefore: readonly [number, number],
): { field: ReceptiveField; explanation: Explanation } {
  const size: [number, number] = [0, 1].map((i) => previous.size[i]! + (kernel[i]! - 1) * previous.jump[i]!) as [
    number,
    number,
  ];
  const jump: [number, number] = [0, 1].map((i) => previous.jump[i]! * stride[i]!) as [number, number];
  const start = [0, 1].map((i) => previous.start[i]! - padBefore[i]! * previous.jump[i]!) as [number, number];
  const axisFormula = (i: number): string =>
    `${f(previous.size[i]!)}+(${f(kernel[i]!)}−1)×${f(previous.jump[i]!)} = ${f(size[i]!)}; ` +
    `j = ${f(previous.jump[i]!)}×${f(stride[i]!)} = ${f(jump[i]!)}`;
  const same =
    previous.size[0] === previous.size[1] &&
    previous.jump[0] === previous.jump[1] &&
    kernel[0] === kernel[1] &&
    stride[0] === stride[1];
  const formula = same ? axisFormula(0) : `H: ${axisFormula(0)} | W: ${axisFormula(1)}`;
  return {
    field: { size, jump, start },
    explanation: { rule: msg('explain.rf.layer'), formula },
  };
}

/**
 * A layer that looks at one position at a time keeps its input's field; one that adds (or, negative, crops)
 * rows and columns before the image moves where the fields start.
 */
export function keepField(
  previous: ReceptiveField | null,
  added: readonly [number, number] = [0, 0],
): {
  field: ReceptiveField | null;
  explanation: Explanation | null;
} {
  if (!previous) return { field: null, explanation: null };
  const start = [0, 1].map((i) => previous.start[i]! - added[i]! * previous.jump[i]!) as [number, number];
  return {
    field: added[0] === 0 && added[1] === 0 ? previous : { ...previous, start },
    explanation: {
      rule: msg('explain.rf.unchanged'),
      formula: `${f(previous.size[0])}×${f(previous.size[1])}`,
    },
  };
}

/** Several inputs (Add, Concatenate): the widest field, the largest jump and the earliest start of any of them. */
export function mergeFields(fields: Array<ReceptiveField | null>): ReceptiveField | null {
  const known = fields.filter((x): x is ReceptiveField => x !== null);
  if (known.length !== fields.length || known.length === 0) return null;
  return {
    size: [Math.max(...known.map((x) => x.size[0])), Math.max(...known.map((x) => x.size[1]))],
    jump: [Math.max(...known.map((x) => x.jump[0])), Math.max(...known.map((x) => x.jump[1]))],
    start: [Math.min(...known.map((x) => x.start[0])), Math.min(...known.map((x) => x.start[1]))],
  };
}

/** The input rows and columns output cell (row, column) sees: where they start and how many, per axis. */
export function receptiveWindow(
  field: ReceptiveField,
  cell: readonly [number, number],
): { start: [number, number]; size: [number, number] } {
  return {
    start: [field.start[0] + cell[0] * field.jump[0], field.start[1] + cell[1] * field.jump[1]],
    size: field.size,
  };
}

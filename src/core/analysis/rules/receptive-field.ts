/**
 * Receptive field and jump (cumulative stride) through a sliding-window layer, per axis:
 * r_out = r_in + (k − 1) × j_in,  j_out = j_in × s  (Araujo et al., "Computing Receptive Fields of CNNs", 2019).
 * Padding moves the field but does not change its size.
 */
import { formatInt as f } from '../../format/number.ts';
import { msg } from '../../i18n/messages.ts';
import type { Explanation, ReceptiveField } from '../types.ts';

export function slideField(
  previous: ReceptiveField,
  kernel: readonly [number, number],
  stride: readonly [number, number],
): { field: ReceptiveField; explanation: Explanation } {
  const size: [number, number] = [0, 1].map((i) => previous.size[i]! + (kernel[i]! - 1) * previous.jump[i]!) as [
    number,
    number,
  ];
  const jump: [number, number] = [0, 1].map((i) => previous.jump[i]! * stride[i]!) as [number, number];
  const axisFormula = (i: number): string =>
    `${f(previous.size[i]!)}+(${f(kernel[i]!)}−1)×${f(previous.jump[i]!)} = ${f(size[i]!)}; ` +
    `jump ${f(previous.jump[i]!)}×${f(stride[i]!)} = ${f(jump[i]!)}`;
  const same =
    previous.size[0] === previous.size[1] &&
    previous.jump[0] === previous.jump[1] &&
    kernel[0] === kernel[1] &&
    stride[0] === stride[1];
  const formula = same ? axisFormula(0) : `H: ${axisFormula(0)} | W: ${axisFormula(1)}`;
  return {
    field: { size, jump },
    explanation: { rule: msg('explain.rf.layer'), formula },
  };
}

/** A layer that looks at one position at a time keeps its input's field. */
export function keepField(previous: ReceptiveField | null): {
  field: ReceptiveField | null;
  explanation: Explanation | null;
} {
  if (!previous) return { field: null, explanation: null };
  return {
    field: previous,
    explanation: {
      rule: msg('explain.rf.unchanged'),
      formula: `${f(previous.size[0])}×${f(previous.size[1])}`,
    },
  };
}

/** Several inputs (Add, Concatenate): the widest field and the largest jump of any of them. */
export function mergeFields(fields: Array<ReceptiveField | null>): ReceptiveField | null {
  const known = fields.filter((x): x is ReceptiveField => x !== null);
  if (known.length !== fields.length || known.length === 0) return null;
  return {
    size: [Math.max(...known.map((x) => x.size[0])), Math.max(...known.map((x) => x.size[1]))],
    jump: [Math.max(...known.map((x) => x.jump[0])), Math.max(...known.map((x) => x.jump[1]))],
  };
}

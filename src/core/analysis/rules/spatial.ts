/**
 * Output size along one spatial axis for convolution and pooling, as Keras computes it
 * (keras/src/ops/operation_utils.py compute_conv_output_shape): 'valid' floors, 'same' is ⌈n/s⌉.
 * A numeric padding p is the courses' ⌊(n+2p−f)/s⌋+1, exported to Keras as ZeroPadding2D + 'valid'.
 */
import type { Padding } from '../../layers/params.ts';
import type { Axis, Side } from '../../i18n/en.ts';
import { msg } from '../../i18n/messages.ts';
import { formatInt } from '../../format/number.ts';
import type { Explanation } from '../types.ts';
import type { RuleContext } from './rule.ts';

export interface AxisInput {
  axis: Axis;
  size: number;
  kernel: number;
  stride: number;
  dilation: number;
  padding: Padding;
  /** Pooling words its messages 'pool window' rather than 'kernel'. */
  pool: boolean;
  /** The axis its diagnostics name ('both' when height and width are alike). */
  reportAs?: Side;
}

export interface AxisOutput {
  size: number | null;
  explanation: Explanation;
}

const f = formatInt;

export function spatialOutput(input: AxisInput, label: string, report: RuleContext<never>['report']): AxisOutput {
  const { axis, size: n, kernel, stride: s, dilation, padding } = input;
  if (padding === 'same') {
    const out = Math.ceil(n / s);
    return {
      size: out,
      explanation: {
        rule: msg('explain.shape.same', { axis }),
        formula: `⌈${f(n)}/${f(s)}⌉ = ${f(out)}`,
      },
    };
  }
  const p = padding === 'valid' ? 0 : padding;
  const k = dilation * (kernel - 1) + 1;
  const padded = n + 2 * p;
  const inside = p === 0 ? `${f(n)}−${f(k)}` : `${f(n)}+2×${f(p)}−${f(k)}`;
  const rule =
    p !== 0
      ? msg('explain.shape.numeric', { axis })
      : dilation !== 1
        ? msg('explain.shape.validDilated', { axis })
        : msg('explain.shape.valid', { axis });
  const span = padded - k;
  const out = Math.floor(span / s) + 1;
  const divisible = span % s === 0;
  const formula = divisible ? `(${inside})/${f(s)}+1 = ${f(out)}` : `⌊(${inside})/${f(s)}⌋+1 = ${f(out)}`;
  if (span < 0) {
    report(
      'error',
      msg('diag.kernelTooLarge', {
        layer: label,
        pool: input.pool,
        axis: input.reportAs ?? axis,
        size: k,
        input: padded,
        padded: p !== 0,
        formula,
      }),
    );
    return { size: null, explanation: { rule, formula } };
  }
  if (!divisible) {
    report(
      'warning',
      msg('warn.strideNotTiling', {
        layer: label,
        axis: input.reportAs ?? axis,
        formula: `${inside} = ${f(span)}`,
        stride: s,
        dropped: span % s,
      }),
    );
  }
  return { size: out, explanation: { rule, formula } };
}

/**
 * Both spatial axes of an image. When height and width are alike (square input, kernel and stride), a
 * problem is reported once, for both.
 */
export function spatialOutputs(
  height: Omit<AxisInput, 'axis'>,
  width: Omit<AxisInput, 'axis'>,
  label: string,
  report: RuleContext<never>['report'],
): [AxisOutput, AxisOutput] {
  const alike =
    height.size === width.size &&
    height.kernel === width.kernel &&
    height.stride === width.stride &&
    height.dilation === width.dilation;
  return [
    spatialOutput(axisInput(height, 'height', alike ? 'both' : 'height'), label, report),
    spatialOutput(axisInput(width, 'width', undefined), label, alike ? () => {} : report),
  ];
}

/** One axis's input with its name, built field by field (one object shape for every call). */
function axisInput(a: Omit<AxisInput, 'axis'>, axis: Axis, reportAs: Side | undefined): AxisInput {
  return {
    axis,
    size: a.size,
    kernel: a.kernel,
    stride: a.stride,
    dilation: a.dilation,
    padding: a.padding,
    pool: a.pool,
    reportAs,
  };
}

/**
 * Rows (or columns) of padding before the input along one axis: none for 'valid', the number for numeric
 * padding, and for 'same' half of what ⌈n/s⌉ outputs need, the smaller half first (as TensorFlow pads).
 */
export function paddingBefore(size: number, kernel: number, stride: number, padding: Padding): number {
  if (padding === 'valid') return 0;
  if (padding !== 'same') return padding;
  const out = Math.ceil(size / stride);
  return Math.floor(Math.max((out - 1) * stride + kernel - size, 0) / 2);
}

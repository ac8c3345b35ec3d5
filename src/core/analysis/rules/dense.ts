/**
 * Dense (keras/src/layers/core/dense.py). On a tensor of rank > 1 Keras applies it to the last axis only,
 * so every position gets its own outputs with shared weights.
 */
import { formatInt as f, formatShape } from '../../format/number.ts';
import { msg } from '../../i18n/messages.ts';
import { LIMITS, checkInt, checkPenalty } from './ranges.ts';
import { keepField } from './receptive-field.ts';
import type { LayerRule } from './rule.ts';

export const denseRule: LayerRule<'Dense'> = {
  checkSettings({ params }, label, report) {
    checkInt(report, label, 'units', params.units, LIMITS.units);
    checkPenalty(report, label, 'kernel_l1', params.kernel_l1);
    checkPenalty(report, label, 'kernel_l2', params.kernel_l2);
  },
  infer({ node, label, inputs, inputFields, report }) {
    const { units, use_bias: bias } = node.params;
    const input = inputs[0]!;
    const features = input[input.length - 1]!;
    const positions = input.slice(0, -1).reduce((a, b) => a * b, 1);
    if (input.length > 1) {
      report(
        'warning',
        msg('warn.denseNotFlat', {
          layer: label,
          shape: formatShape(input),
          units,
        }),
      );
    }
    const total = features * units + (bias ? units : 0);
    const macs = positions * features * units;
    const rf = input.length > 1 ? keepField(inputFields[0] ?? null) : { field: null, explanation: null };
    const where = input.length > 1 ? `${input.slice(0, -1).map(f).join('×')}×` : '';
    return {
      outputShape: [...input.slice(0, -1), units],
      params: { total, trainable: total, nonTrainable: 0 },
      macs,
      receptiveField: rf.field,
      explanations: {
        outputShape: [{ rule: msg('explain.shape.dense'), formula: f(units) }],
        params: bias
          ? {
              rule: msg('explain.params.dense'),
              formula: `(${f(features)}+1)×${f(units)} = ${f(total)}`,
            }
          : {
              rule: msg('explain.params.denseNoBias'),
              formula: `${f(features)}×${f(units)} = ${f(total)}`,
            },
        receptiveField: rf.explanation,
        macs: {
          rule: msg('explain.macs.dense'),
          formula: `${where}${f(features)}×${f(units)} = ${f(macs)}`,
        },
      },
    };
  },
};

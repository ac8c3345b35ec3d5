/**
 * Add and Concatenate (keras/src/layers/merging/). Add needs equal shapes (a size of 1 broadcasts, as in
 * Keras's _compute_elemwise_op_output_shape); Concatenate needs every size but the joined axis equal.
 */
import { formatInt as f, formatShape } from '../../format/number.ts';
import { msg } from '../../i18n/messages.ts';
import type { Shape } from '../types.ts';
import { mergeFields } from './receptive-field.ts';
import { NO_MACS_EXPLANATION, NO_PARAMS_EXPLANATION } from './no-weights.ts';
import { NO_OUTPUT, NO_PARAMS, type LayerRule, type RuleResult } from './rule.ts';

const listShapes = (shapes: Shape[]): string => shapes.map((s) => `(${formatShape(s)})`).join(', ');

function merged(
  outputShape: Shape | null,
  fields: RuleResult['receptiveField'][],
  formula: string,
  rule: 'explain.shape.unchanged' | 'explain.shape.concat',
): RuleResult {
  const field = mergeFields(fields);
  return {
    outputShape,
    params: NO_PARAMS,
    macs: 0,
    receptiveField: field,
    explanations: {
      outputShape: [{ rule: msg(rule), formula }],
      params: NO_PARAMS_EXPLANATION,
      receptiveField: field
        ? {
            rule: msg('explain.rf.unchanged'),
            formula: `max → ${f(field.size[0])}×${f(field.size[1])}`,
          }
        : null,
      macs: NO_MACS_EXPLANATION,
    },
  };
}

export const addRule: LayerRule<'Add'> = {
  checkSettings() {},
  infer({ label, inputs, inputFields, report }) {
    const rank = inputs[0]!.length;
    const out: Shape = [];
    let ok = inputs.every((s) => s.length === rank);
    for (let axis = 0; ok && axis < rank; axis++) {
      const sizes = inputs.map((s) => s[axis]!);
      const big = sizes.filter((d) => d !== 1);
      if (new Set(big).size > 1) ok = false;
      out.push(big[0] ?? 1);
    }
    if (!ok) {
      report('error', msg('diag.addMismatch', { layer: label, shapes: listShapes(inputs) }));
      return NO_OUTPUT;
    }
    return merged(out, inputFields, formatShape(out), 'explain.shape.unchanged');
  },
};

export const concatenateRule: LayerRule<'Concatenate'> = {
  checkSettings() {},
  infer({ node, label, inputs, inputFields, report }) {
    const rank = inputs[0]!.length;
    const axis = node.params.axis < 0 ? rank + node.params.axis : node.params.axis;
    if (!Number.isInteger(axis) || axis < 0 || axis >= rank) {
      report('error', msg('diag.concatAxis', { layer: label, axis: node.params.axis, rank }));
      return NO_OUTPUT;
    }
    const ok = inputs.every((s) => s.length === rank && s.every((d, i) => i === axis || d === inputs[0]![i]));
    if (!ok) {
      report(
        'error',
        msg('diag.concatMismatch', {
          layer: label,
          shapes: listShapes(inputs),
          axis: node.params.axis,
        }),
      );
      return NO_OUTPUT;
    }
    const sizes = inputs.map((s) => s[axis]!);
    const joined = sizes.reduce((a, b) => a + b, 0);
    const out = inputs[0]!.map((d, i) => (i === axis ? joined : d));
    return merged(out, inputFields, `${sizes.map(f).join('+')} = ${f(joined)}`, 'explain.shape.concat');
  },
};

/** Dropout and Activation: same shape out as in, no weights, receptive field unchanged. */
import { formatNumber, formatShape } from '../../format/number.ts';
import { msg } from '../../i18n/messages.ts';
import type { Shape } from '../types.ts';
import { keepField } from './receptive-field.ts';
import { NO_MACS_EXPLANATION, NO_PARAMS_EXPLANATION } from './no-weights.ts';
import { NO_PARAMS, type LayerRule, type RuleContext, type RuleResult } from './rule.ts';

export function unchangedShape(input: Shape, fieldIn: RuleContext<never>['inputFields'][number]): RuleResult {
  const rf = keepField(fieldIn);
  return {
    outputShape: [...input],
    params: NO_PARAMS,
    macs: 0,
    receptiveField: rf.field,
    explanations: {
      outputShape: [{ rule: msg('explain.shape.unchanged'), formula: formatShape(input) }],
      params: NO_PARAMS_EXPLANATION,
      receptiveField: rf.explanation,
      macs: NO_MACS_EXPLANATION,
    },
  };
}

export const dropoutRule: LayerRule<'Dropout'> = {
  checkSettings({ params }, label, report) {
    const rate = params.rate;
    if (!(Number.isFinite(rate) && rate >= 0 && rate < 1)) {
      report('error', msg('diag.dropoutRate', { layer: label, value: formatNumber(rate) }));
    }
  },
  infer: ({ inputs, inputFields }) => unchangedShape(inputs[0]!, inputFields[0] ?? null),
};

export const activationRule: LayerRule<'Activation'> = {
  checkSettings() {},
  infer: ({ inputs, inputFields }) => unchangedShape(inputs[0]!, inputFields[0] ?? null),
};

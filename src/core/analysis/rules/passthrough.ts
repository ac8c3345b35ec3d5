/** Layers whose output has their input's shape: no weights of their own, receptive field unchanged. */
import { formatShape } from '../../format/number.ts';
import { msg } from '../../i18n/messages.ts';
import type { ReceptiveField, Shape } from '../types.ts';
import { keepField } from './receptive-field.ts';
import { NO_MACS_EXPLANATION, NO_PARAMS_EXPLANATION } from './no-weights.ts';
import { NO_PARAMS, type RuleResult } from './rule.ts';

export function unchangedShape(input: Shape, fieldIn: ReceptiveField | null): RuleResult {
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

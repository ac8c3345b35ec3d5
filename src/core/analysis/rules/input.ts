/** Input: the shape of one sample, without the batch axis. */
import { formatShape } from '../../format/number.ts';
import { msg } from '../../i18n/messages.ts';
import type { Shape } from '../types.ts';
import { LIMITS, isIntIn } from './ranges.ts';
import { NO_MACS_EXPLANATION, NO_PARAMS_EXPLANATION } from './no-weights.ts';
import { NO_PARAMS, type LayerRule, type RuleResult } from './rule.ts';

/** The input's shape when it is complete and valid; otherwise reports why and returns null. */
export function inputShapeOf(
  shape: ReadonlyArray<number | null>,
  label: string,
  report: Parameters<LayerRule<'Input'>['checkSettings']>[2],
): Shape | null {
  if (shape.length === 0 || shape.some((d) => d === null)) {
    report('error', msg('diag.missingInputShape', { layer: label }));
    return null;
  }
  if (shape.length > 3 || !shape.every((d) => isIntIn(d!, LIMITS.inputSize))) {
    report('error', msg('diag.badInputShape', { layer: label, shape: formatShape(shape) }));
    return null;
  }
  return shape as Shape;
}

export function inputResult(shape: Shape): RuleResult {
  const image = shape.length === 3;
  return {
    outputShape: [...shape],
    params: NO_PARAMS,
    macs: 0,
    receptiveField: image ? { size: [1, 1], jump: [1, 1] } : null,
    explanations: {
      outputShape: [{ rule: msg('explain.shape.input'), formula: formatShape(shape) }],
      params: NO_PARAMS_EXPLANATION,
      receptiveField: image ? { rule: msg('explain.rf.input'), formula: '1×1' } : null,
      macs: NO_MACS_EXPLANATION,
    },
  };
}

export const inputRule: LayerRule<'Input'> = {
  checkSettings({ params }, label, report) {
    inputShapeOf(params.shape, label, report);
  },
  infer({ node }) {
    return inputResult(node.params.shape as Shape);
  },
};

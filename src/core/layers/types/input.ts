/** Input: the shape of one sample, without the batch axis. */
import { z } from 'zod';
import { NO_MACS_EXPLANATION, NO_PARAMS_EXPLANATION } from '../../analysis/rules/no-weights.ts';
import { LIMITS, isIntIn } from '../../analysis/rules/ranges.ts';
import { NO_PARAMS, type LayerRule, type Report, type RuleResult } from '../../analysis/rules/rule.ts';
import type { Shape } from '../../analysis/types.ts';
import { formatShape } from '../../format/number.ts';
import { msg } from '../../i18n/messages.ts';
import { declaredInputShape } from '../keras-config.ts';
import { defineLayer } from '../layer-module.ts';
import { setting } from '../settings-kinds.ts';

const schema = z.object({
  /** Without the batch axis: [height, width, channels] for images, [features] for vectors. */
  shape: z.array(z.number().nullable()).default([28, 28, 1]),
});

/** The input's shape when it is complete and valid; otherwise reports why and returns null. */
export function inputShapeOf(shape: ReadonlyArray<number | null>, label: string, report: Report): Shape | null {
  if (shape.length === 0) {
    report('error', msg('diag.missingInputShape', { layer: label }));
    return null;
  }
  if (shape.some((d) => d === null)) {
    // A Keras file may leave sizes open (None): a fully convolutional network takes images of any size.
    report('error', msg('diag.openInputSize', { layer: label, shape: formatShape(shape) }));
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
    receptiveField: image ? { size: [1, 1], jump: [1, 1], start: [0, 0] } : null,
    explanations: {
      outputShape: [{ rule: msg('explain.shape.input'), formula: formatShape(shape) }],
      params: NO_PARAMS_EXPLANATION,
      receptiveField: image ? { rule: msg('explain.rf.input'), formula: '1×1' } : null,
      macs: NO_MACS_EXPLANATION,
    },
  };
}

const rule: LayerRule<z.infer<typeof schema>> = {
  checkSettings({ params }, label, report) {
    inputShapeOf(params.shape, label, report);
  },
  infer({ node }) {
    return inputResult(node.params.shape as Shape);
  },
};

export const input = defineLayer({
  type: 'Input',
  schema,
  inputs: 'none',
  keras: {
    classNames: ['InputLayer'],
    nameStem: 'input_layer',
    read: (c) => ({ shape: declaredInputShape(c) ?? [] }),
    rankAfter: (p) => p.shape.length,
    write: () => [],
  },
  palette: { group: 'input' },
  settings: [setting.of('shape', 'shape')],
  rule,
  keySettings: (p) => [formatShape(p.shape)],
  torch: () => ({ init: [], forward: () => [], load: [], penalty: [] }),
});

/**
 * BatchNormalization over the last axis (keras/src/layers/normalization/batch_normalization.py).
 * Keras counts 4 × channels: gamma and beta are trainable, moving_mean and moving_variance are not.
 */
import { formatInt as f } from '../../format/number.ts';
import { msg } from '../../i18n/messages.ts';
import type { LayerRule } from './rule.ts';
import { unchangedShape } from './passthrough.ts';

export const batchNormalizationRule: LayerRule<'BatchNormalization'> = {
  checkSettings() {},
  infer({ node, inputs, inputFields }) {
    const input = inputs[0]!;
    const channels = input[input.length - 1]!;
    const perChannel = (node.params.scale ? 1 : 0) + (node.params.center ? 1 : 0);
    const trainable = perChannel * channels;
    const nonTrainable = 2 * channels;
    const total = trainable + nonTrainable;
    const base = unchangedShape(input, inputFields[0] ?? null);
    return {
      ...base,
      params: { total, trainable, nonTrainable },
      explanations: {
        ...base.explanations!,
        params: {
          rule: msg('explain.params.batchNorm'),
          formula: `${perChannel + 2}×${f(channels)} = ${f(total)} (${f(trainable)} + ${f(nonTrainable)})`,
        },
      },
    };
  },
};

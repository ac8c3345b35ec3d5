/** Flatten: every value in one line; after it there is no local receptive field. */
import { formatInt as f } from '../../format/number.ts';
import { msg } from '../../i18n/messages.ts';
import { NO_MACS_EXPLANATION, NO_PARAMS_EXPLANATION } from './no-weights.ts';
import { NO_PARAMS, type LayerRule } from './rule.ts';

export const flattenRule: LayerRule<'Flatten'> = {
  checkSettings() {},
  infer({ inputs }) {
    const input = inputs[0]!;
    const size = input.reduce((a, b) => a * b, 1);
    return {
      outputShape: [size],
      params: NO_PARAMS,
      macs: 0,
      receptiveField: null,
      explanations: {
        outputShape: [
          {
            rule: msg('explain.shape.flatten'),
            formula: `${input.map(f).join('×')} = ${f(size)}`,
          },
        ],
        params: NO_PARAMS_EXPLANATION,
        receptiveField: { rule: msg('explain.rf.global'), formula: '—' },
        macs: NO_MACS_EXPLANATION,
      },
    };
  },
};

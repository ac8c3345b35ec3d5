/** GlobalAveragePooling2D and GlobalMaxPooling2D: one value per channel. */
import { formatInt as f } from '../../format/number.ts';
import { msg } from '../../i18n/messages.ts';
import { imageInput } from './image-input.ts';
import { NO_MACS_EXPLANATION, NO_PARAMS_EXPLANATION } from './no-weights.ts';
import { NO_OUTPUT, NO_PARAMS, type LayerRule } from './rule.ts';

type GlobalType = 'GlobalAveragePooling2D' | 'GlobalMaxPooling2D';

const globalPoolingRule: LayerRule<GlobalType> = {
  checkSettings() {},
  infer({ node, label, inputs, report }) {
    const image = imageInput(inputs[0]!, label, report);
    if (!image) return NO_OUTPUT;
    const c = image[2];
    return {
      outputShape: node.params.keepdims ? [1, 1, c] : [c],
      params: NO_PARAMS,
      macs: 0,
      receptiveField: null,
      explanations: {
        outputShape: [
          {
            rule: msg('explain.shape.globalPool'),
            formula: `${f(image[0])}×${f(image[1])}×${f(c)} → ${f(c)}`,
          },
        ],
        params: NO_PARAMS_EXPLANATION,
        receptiveField: { rule: msg('explain.rf.global'), formula: '—' },
        macs: NO_MACS_EXPLANATION,
      },
    };
  },
};

export const globalAveragePooling2dRule: LayerRule<'GlobalAveragePooling2D'> = globalPoolingRule;
export const globalMaxPooling2dRule: LayerRule<'GlobalMaxPooling2D'> = globalPoolingRule;

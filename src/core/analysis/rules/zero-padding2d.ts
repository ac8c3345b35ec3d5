/** ZeroPadding2D: rows and columns of zeros around the image; the receptive field does not grow. */
import { formatInt as f } from '../../format/number.ts';
import { msg } from '../../i18n/messages.ts';
import { imageInput } from './image-input.ts';
import { LIMITS, checkInt } from './ranges.ts';
import { keepField } from './receptive-field.ts';
import { NO_MACS_EXPLANATION, NO_PARAMS_EXPLANATION } from './no-weights.ts';
import { NO_OUTPUT, NO_PARAMS, type LayerRule } from './rule.ts';

export const zeroPadding2dRule: LayerRule<'ZeroPadding2D'> = {
  checkSettings({ params }, label, report) {
    const [[top, bottom], [left, right]] = params.padding;
    const named: Array<[string, number]> = [
      ['padding top', top],
      ['padding bottom', bottom],
      ['padding left', left],
      ['padding right', right],
    ];
    for (const [setting, value] of named) checkInt(report, label, setting, value, LIMITS.padding);
  },
  infer({ node, label, inputs, inputFields, report }) {
    const image = imageInput(inputs[0]!, label, report);
    if (!image) return NO_OUTPUT;
    const [h, w, c] = image;
    const [[top, bottom], [left, right]] = node.params.padding;
    const oh = h + top + bottom;
    const ow = w + left + right;
    const rf = keepField(inputFields[0] ?? null);
    return {
      outputShape: [oh, ow, c],
      params: NO_PARAMS,
      macs: 0,
      receptiveField: rf.field,
      explanations: {
        outputShape: [
          {
            rule: msg('explain.shape.zeroPad', { axis: 'height' }),
            formula: `${f(h)}+${f(top)}+${f(bottom)} = ${f(oh)}`,
          },
          {
            rule: msg('explain.shape.zeroPad', { axis: 'width' }),
            formula: `${f(w)}+${f(left)}+${f(right)} = ${f(ow)}`,
          },
          { rule: msg('explain.shape.unchanged'), formula: f(c) },
        ],
        params: NO_PARAMS_EXPLANATION,
        receptiveField: rf.explanation,
        macs: NO_MACS_EXPLANATION,
      },
    };
  },
};

/** Conv2D (keras/src/layers/convolutional/base_conv.py): shape, parameters, multiply-adds, receptive field. */
import { formatInt as f, formatShape } from '../../format/number.ts';
import { msg } from '../../i18n/messages.ts';
import type { Explanation } from '../types.ts';
import { LIMITS, checkInt, checkPair, checkPenalty } from './ranges.ts';
import { slideField } from './receptive-field.ts';
import { UNKNOWN_RESULT, type LayerRule } from './rule.ts';
import { spatialOutputs } from './spatial.ts';
import { checkPadding, imageInput } from './image-input.ts';

export const conv2dRule: LayerRule<'Conv2D'> = {
  checkSettings({ params: p }, label, report) {
    checkInt(report, label, 'filters', p.filters, LIMITS.filters);
    checkPair(report, label, 'kernel_size', p.kernel_size, LIMITS.kernel);
    checkPair(report, label, 'strides', p.strides, LIMITS.stride);
    checkPair(report, label, 'dilation_rate', p.dilation_rate, LIMITS.dilation);
    checkInt(report, label, 'groups', p.groups, LIMITS.groups);
    checkPadding(report, label, p.padding);
    checkPenalty(report, label, 'kernel_l1', p.kernel_l1);
    checkPenalty(report, label, 'kernel_l2', p.kernel_l2);
  },

  infer({ node, label, inputs, inputFields, report }) {
    const p = node.params;
    const image = imageInput(inputs[0]!, label, report);
    if (!image) return UNKNOWN_RESULT;
    const c = image[2];
    const axis = (i: 0 | 1) => ({
      size: image[i],
      kernel: p.kernel_size[i],
      stride: p.strides[i],
      dilation: p.dilation_rate[i],
      padding: p.padding,
      pool: false,
    });
    const axes = spatialOutputs(axis(0), axis(1), label, report);
    const [kh, kw] = p.kernel_size;
    const groupsOk = c % p.groups === 0 && p.filters % p.groups === 0;
    if (!groupsOk) {
      report(
        'error',
        msg('diag.groups', {
          layer: label,
          channels: c,
          filters: p.filters,
          groups: p.groups,
        }),
      );
    }
    const perFilter = kh * kw * (c / p.groups);
    const weights = perFilter * p.filters;
    const total = weights + (p.use_bias ? p.filters : 0);
    const channelsIn = p.groups === 1 ? f(c) : `(${f(c)}/${f(p.groups)})`;
    const params: Explanation = p.use_bias
      ? {
          rule: msg(p.groups === 1 ? 'explain.params.conv' : 'explain.params.convGroups'),
          formula: `((${f(kh)}×${f(kw)}×${channelsIn})+1)×${f(p.filters)} = ${f(total)}`,
        }
      : {
          rule: msg('explain.params.convNoBias'),
          formula: `(${f(kh)}×${f(kw)}×${channelsIn})×${f(p.filters)} = ${f(total)}`,
        };
    const [oh, ow] = [axes[0]!.size, axes[1]!.size];
    const outputShape = oh !== null && ow !== null && groupsOk ? [oh, ow, p.filters] : null;
    const macs = outputShape ? oh! * ow! * perFilter * p.filters : null;
    const effective = [0, 1].map((i) => p.dilation_rate[i]! * (p.kernel_size[i]! - 1) + 1) as [number, number];
    const rf = inputFields[0] ? slideField(inputFields[0], effective, p.strides) : null;
    return {
      outputShape,
      params: groupsOk ? { total, trainable: total, nonTrainable: 0 } : null,
      macs,
      receptiveField: rf?.field ?? null,
      explanations: {
        outputShape: [
          axes[0]!.explanation,
          axes[1]!.explanation,
          { rule: msg('explain.shape.filters'), formula: f(p.filters) },
        ],
        params,
        receptiveField: rf?.explanation ?? null,
        macs:
          macs === null
            ? null
            : {
                rule: msg('explain.macs.conv'),
                formula: `${formatShape([oh!, ow!]).replace(/ /g, '')}×(${f(kh)}×${f(kw)}×${channelsIn})×${f(p.filters)} = ${f(macs)}`,
              },
      },
    };
  },
};

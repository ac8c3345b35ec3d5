/**
 * MaxPooling2D and AveragePooling2D (keras/src/layers/pooling/base_pooling.py). As in Keras, strides default
 * to the pool size; no weights, so no parameters.
 */
import { formatInt as f } from '../../format/number.ts';
import { msg } from '../../i18n/messages.ts';
import { LIMITS, checkPair } from './ranges.ts';
import { slideField } from './receptive-field.ts';
import { NO_OUTPUT, NO_PARAMS, type LayerRule } from './rule.ts';
import { spatialOutputs } from './spatial.ts';
import { checkPadding, imageInput } from './image-input.ts';

type PoolType = 'MaxPooling2D' | 'AveragePooling2D';

const poolingRule: LayerRule<PoolType> = {
  checkSettings({ params: p }, label, report) {
    checkPair(report, label, 'pool_size', p.pool_size, LIMITS.kernel);
    if (p.strides) checkPair(report, label, 'strides', p.strides, LIMITS.stride);
    checkPadding(report, label, p.padding);
  },

  infer({ node, label, inputs, inputFields, report }) {
    const p = node.params;
    const strides = p.strides ?? p.pool_size;
    const image = imageInput(inputs[0]!, label, report);
    if (!image) return NO_OUTPUT;
    const c = image[2];
    const axis = (i: 0 | 1) => ({
      size: image[i],
      kernel: p.pool_size[i],
      stride: strides[i],
      dilation: 1,
      padding: p.padding,
      pool: true,
    });
    const axes = spatialOutputs(axis(0), axis(1), label, report);
    const [oh, ow] = [axes[0]!.size, axes[1]!.size];
    const rf = inputFields[0] ? slideField(inputFields[0], p.pool_size, strides) : null;
    return {
      outputShape: oh !== null && ow !== null ? [oh, ow, c] : null,
      params: NO_PARAMS,
      macs: 0,
      receptiveField: rf?.field ?? null,
      explanations: {
        outputShape: [
          axes[0]!.explanation,
          axes[1]!.explanation,
          { rule: msg('explain.shape.unchanged'), formula: f(c) },
        ],
        params: { rule: msg('explain.params.none'), formula: '0' },
        receptiveField: rf?.explanation ?? null,
        macs: { rule: msg('explain.macs.none'), formula: '0' },
      },
    };
  },
};

export const maxPooling2dRule: LayerRule<'MaxPooling2D'> = poolingRule;
export const averagePooling2dRule: LayerRule<'AveragePooling2D'> = poolingRule;

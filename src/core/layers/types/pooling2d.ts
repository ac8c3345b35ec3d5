/**
 * MaxPooling2D and AveragePooling2D (keras/src/layers/pooling/base_pooling.py). As in Keras, strides default
 * to the pool size; no weights, so no parameters.
 */
import { z } from 'zod';
import { checkPadding, imageInput } from '../../analysis/rules/image-input.ts';
import { LIMITS, checkPair } from '../../analysis/rules/ranges.ts';
import { slideField } from '../../analysis/rules/receptive-field.ts';
import { NO_OUTPUT, NO_PARAMS, type LayerRule } from '../../analysis/rules/rule.ts';
import { paddingBefore, spatialOutputs } from '../../analysis/rules/spatial.ts';
import { pyTuple } from '../../export/python-text.ts';
import { padTuple, spatialPads, symmetric } from '../../export/torch-parts.ts';
import { formatInt as f } from '../../format/number.ts';
import { msg } from '../../i18n/messages.ts';
import { kerasArg, readPadding, readPair, type Config } from '../keras-config.ts';
import { kerasPadding, withPadding } from '../keras-padding.ts';
import { pairText, paddingText, strideText } from '../key-setting-parts.ts';
import { defineLayer, type LayerCode, type TorchLayer } from '../layer-module.ts';
import { pairSchema, paddingSchema } from '../params.ts';
import { setting } from '../settings-kinds.ts';

const schema = z.object({
  pool_size: pairSchema.default([2, 2]),
  /** null: the pool size, as in Keras. */
  strides: pairSchema.nullable().default(null),
  padding: paddingSchema.default('valid'),
});
type Params = z.infer<typeof schema>;

const poolingRule: LayerRule<Params> = {
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
    const before = [0, 1].map((i) => paddingBefore(image[i]!, p.pool_size[i]!, strides[i]!, p.padding)) as [
      number,
      number,
    ];
    const rf = inputFields[0] ? slideField(inputFields[0], p.pool_size, strides, before) : null;
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

function read(c: Config): Params {
  return {
    pool_size: readPair(c, 'pool_size', [2, 2]),
    strides: c.strides === null || c.strides === undefined ? null : readPair(c, 'strides'),
    padding: readPadding(c),
  };
}

function torchPooling(max: boolean, { id, node, inputShapes }: TorchLayer<Params>, out: string): LayerCode {
  const p = node.params;
  const input = inputShapes[0]!;
  const none: LayerCode = { init: [], forward: () => [], load: [], penalty: [] };
  const strides = p.strides ?? p.pool_size;
  const pads = spatialPads(input, p.pool_size, strides, [1, 1], p.padding);
  const fits = symmetric(pads) && pads[0] * 2 <= p.pool_size[1]! && pads[2] * 2 <= p.pool_size[0]!;
  const module = max ? 'nn.MaxPool2d' : 'nn.AvgPool2d';
  const args = `${pyTuple(p.pool_size)}, stride=${pyTuple(strides)}`;
  if (typeof p.padding === 'number' && p.padding > 0) {
    // Numeric padding is zeros, as ZeroPadding2D adds them in Keras.
    return {
      ...none,
      init: [`self.${id}_pad = nn.ZeroPad2d(${p.padding})`, `self.${id} = ${module}(${args})`],
      forward: ([x]) => [`${out} = self.${id}(self.${id}_pad(${x}))`],
    };
  }
  if (p.padding !== 'same' || fits) {
    const padding = p.padding === 'same' ? `, padding=${pyTuple([pads[2], pads[0]])}` : '';
    const exclude = !max && p.padding === 'same' ? ', count_include_pad=False' : '';
    return {
      ...none,
      init: [`self.${id} = ${module}(${args}${padding}${exclude})`],
      forward: ([x]) => [`${out} = self.${id}(${x})`],
    };
  }
  // TensorFlow's 'same' pads unevenly here: the padding never wins a max and never counts in a mean.
  return {
    ...none,
    init: [`self.${id} = ${module}(${args})`],
    forward: ([x]) =>
      max
        ? [`${out} = self.${id}(F.pad(${x}, ${padTuple(pads)}, value=float("-inf")))`]
        : [
            `${out} = self.${id}(F.pad(${x}, ${padTuple(pads)})) / self.${id}(F.pad(torch.ones_like(${x}[:, :1]), ${padTuple(pads)}))`,
          ],
  };
}

function pooling<const T extends 'MaxPooling2D' | 'AveragePooling2D'>(type: T, aliases: string[], nameStem: string) {
  return defineLayer({
    type,
    schema,
    inputs: 'one',
    keras: {
      classNames: [type, ...aliases],
      nameStem,
      read,
      write({ name, params: p }) {
        const pad = kerasPadding(name, p.padding);
        return withPadding(pad.before, {
          className: type,
          name,
          args: [kerasArg.tuple('pool_size', p.pool_size), kerasArg.tuple('strides', p.strides, null), pad.mode],
        });
      },
    },
    palette: { group: 'pooling' },
    settings: [
      setting.pair('pool_size', LIMITS.kernel),
      setting.optionalPair('strides', LIMITS.stride),
      setting.of('padding', 'padding'),
    ],
    rule: poolingRule,
    keySettings: (p) => [
      pairText(p.pool_size),
      strideText(p.strides ?? p.pool_size),
      ...(p.padding !== 'valid' ? [paddingText(p.padding)] : []),
    ],
    torch: (layer, out) => torchPooling(type === 'MaxPooling2D', layer, out),
  });
}

export const maxPooling2d = pooling('MaxPooling2D', ['MaxPool2D'], 'max_pooling2d');
export const averagePooling2d = pooling('AveragePooling2D', ['AvgPool2D'], 'average_pooling2d');

/**
 * SeparableConv2D (keras/src/layers/convolutional/separable_conv2d.py): a depthwise convolution (each
 * channel its own kh × kw filters, depth_multiplier of them) followed by a pointwise 1×1 convolution that
 * mixes the channels into `filters` outputs, with one bias per filter. Far fewer weights than Conv2D.
 */
import { z } from 'zod';
import { imageInput } from '../../analysis/rules/image-input.ts';
import { LIMITS, checkInt } from '../../analysis/rules/ranges.ts';
import { UNKNOWN_RESULT, type LayerRule } from '../../analysis/rules/rule.ts';
import { checkWindow, slideWindow } from '../../analysis/rules/sliding-window.ts';
import { pyBool, pyString } from '../../export/python-text.ts';
import { torchActivation } from '../../export/torch-parts.ts';
import { formatInt as f, formatShape } from '../../format/number.ts';
import { msg } from '../../i18n/messages.ts';
import { biasMistake } from '../../exercise/misreading.ts';
import { kerasArg, readNumber } from '../keras-config.ts';
import {
  depthwiseArgs,
  depthwiseSchema,
  depthwiseSettings,
  readDepthwise,
  torchDepthwise,
} from './depthwise-conv2d.ts';
import { kerasPadding, withPadding } from '../keras-padding.ts';
import { activationPart, pairText, paddingText, strideText } from '../key-setting-parts.ts';
import { defineLayer } from '../layer-module.ts';
import { setting } from '../settings-kinds.ts';
import { fusedActivationForTfjs } from '../tfjs-gaps.ts';

const schema = z.object({ filters: z.number().default(32), ...depthwiseSchema.shape });
type Params = z.infer<typeof schema>;

/** The weights of each part: depthwise filters, pointwise weights, biases. */
function parts(p: Params, c: number) {
  const [kh, kw] = p.kernel_size;
  const mid = c * p.depth_multiplier;
  return { depthwise: kh * kw * mid, pointwise: mid * p.filters, bias: p.use_bias ? p.filters : 0, mid };
}

const rule: LayerRule<Params> = {
  checkSettings({ params: p }, label, report) {
    checkInt(report, label, 'filters', p.filters, LIMITS.filters);
    checkWindow(report, label, p);
    checkInt(report, label, 'depth_multiplier', p.depth_multiplier, LIMITS.filters);
  },

  infer({ node, label, inputs, inputFields, report }) {
    const p = node.params;
    const image = imageInput(inputs[0]!, label, report);
    if (!image) return UNKNOWN_RESULT;
    const c = image[2];
    const [kh, kw] = p.kernel_size;
    const { depthwise, pointwise, bias, mid } = parts(p, c);
    const total = depthwise + pointwise + bias;
    const window = slideWindow(image, p, inputFields[0] ?? null, label, report);
    const depth = `${f(kh)}×${f(kw)}×${f(c)}${p.depth_multiplier === 1 ? '' : `×${f(p.depth_multiplier)}`}`;
    const point = p.use_bias ? `(${f(mid)}+1)×${f(p.filters)}` : `${f(mid)}×${f(p.filters)}`;
    const macs = window.size ? window.size[0] * window.size[1] * (depthwise + pointwise) : null;
    return {
      outputShape: window.size ? [...window.size, p.filters] : null,
      params: { total, trainable: total, nonTrainable: 0 },
      macs,
      receptiveField: window.field,
      explanations: {
        outputShape: [...window.axes, { rule: msg('explain.shape.filters'), formula: f(p.filters) }],
        params: {
          rule: msg(p.use_bias ? 'explain.params.separable' : 'explain.params.separableNoBias'),
          formula: `${depth} + ${point} = ${f(total)}`,
        },
        receptiveField: window.fieldExplanation,
        macs:
          macs === null
            ? null
            : {
                rule: msg('explain.macs.separable'),
                formula: `${formatShape(window.size!).replace(/ /g, '')}×(${depth} + ${f(mid)}×${f(p.filters)}) = ${f(macs)}`,
              },
      },
    };
  },
};

export const separableConv2d = defineLayer({
  type: 'SeparableConv2D',
  schema,
  inputs: 'one',
  keras: {
    classNames: ['SeparableConv2D', 'SeparableConvolution2D'],
    nameStem: 'separable_conv2d',
    read: (c) => ({ filters: readNumber(c, 'filters'), ...readDepthwise(c) }),
    write({ name, params: p }) {
      const pad = kerasPadding(name, p.padding);
      return withPadding(pad.before, {
        className: 'SeparableConv2D',
        name,
        args: [kerasArg.int('filters', p.filters), ...depthwiseArgs(p, pad.mode)],
      });
    },
  },
  tfjs: fusedActivationForTfjs,
  palette: { group: 'convolution', start: { padding: 'same', activation: 'relu' } },
  settings: [setting.int('filters', LIMITS.filters), ...depthwiseSettings],
  rule,
  keySettings: (p) => [
    `${f(p.filters)} × ${pairText(p.kernel_size)}`,
    strideText(p.strides),
    paddingText(p.padding),
    ...activationPart(p.activation),
  ],
  torch({ id, node, inputShapes, outputShape }, out) {
    const p = node.params;
    const { mid } = parts(p, inputShapes[0]![2]!);
    const depthwise = torchDepthwise(`${id}_depthwise`, p, inputShapes[0]!, false);
    const key = (weight: string) => pyString(`${node.name}/${weight}`);
    return {
      init: [
        ...depthwise.init,
        `self.${id}_pointwise = nn.Conv2d(${mid}, ${p.filters}, kernel_size=1, bias=${pyBool(p.use_bias)})`,
      ],
      forward: ([x]) => [
        `${out} = ${torchActivation(p.activation, `self.${id}_pointwise(${depthwise.call(x!)})`, outputShape)}`,
      ],
      load: [
        `model.${id}_depthwise.weight.copy_(get(${key('depthwise_kernel')})${depthwise.layout})`,
        `model.${id}_pointwise.weight.copy_(get(${key('pointwise_kernel')}).permute(3, 2, 0, 1))`,
        ...(p.use_bias ? [`model.${id}_pointwise.bias.copy_(get(${key('bias')}))`] : []),
      ],
      penalty: [],
    };
  },
  activation: (p) => p.activation,
  linearWeighted: true,
  mistakes: {
    params(context) {
      const { node, input } = context;
      if (!input || input.length !== 3) return [];
      const p = node.params;
      const c = input[2]!;
      const { depthwise, pointwise, bias } = parts(p, c);
      const [kh, kw] = p.kernel_size;
      return [
        ...biasMistake(context),
        { answer: [pointwise + bias], mistakes: [msg('mistake.separableForgotDepthwise')] },
        { answer: [depthwise + bias], mistakes: [msg('mistake.separableForgotPointwise')] },
        {
          answer: [(kh * kw * c + (p.use_bias ? 1 : 0)) * p.filters],
          mistakes: [msg('mistake.separableAsConv')],
        },
      ];
    },
  },
});

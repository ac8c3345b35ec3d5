/**
 * DepthwiseConv2D (keras/src/layers/convolutional/depthwise_conv2d.py): each input channel gets its own
 * kh × kw filters, depth_multiplier of them, and nothing mixes the channels. Output channels are
 * channels × depth_multiplier, each with a bias.
 */
import { z } from 'zod';
import { imageInput } from '../../analysis/rules/image-input.ts';
import { LIMITS, checkInt } from '../../analysis/rules/ranges.ts';
import { UNKNOWN_RESULT, type LayerRule } from '../../analysis/rules/rule.ts';
import { checkWindow, slideWindow } from '../../analysis/rules/sliding-window.ts';
import type { Explanation } from '../../analysis/types.ts';
import { pyBool, pyTuple } from '../../export/python-text.ts';
import { kernelAndBiasLoad, spatialPads, symmetric, torchActivation } from '../../export/torch-parts.ts';
import { formatInt as f, formatShape } from '../../format/number.ts';
import { msg } from '../../i18n/messages.ts';
import { biasMistake } from '../../exercise/misreading.ts';
import {
  kerasArg,
  readActivation,
  readBool,
  readNumber,
  readPadding,
  readPair,
  type Config,
  type KerasArg,
} from '../keras-config.ts';
import { kerasPadding, withPadding } from '../keras-padding.ts';
import { activationPart, pairText, paddingText, strideText } from '../key-setting-parts.ts';
import { defineLayer } from '../layer-module.ts';
import { activationSchema, pairSchema, paddingSchema } from '../params.ts';
import { advanced, setting } from '../settings-kinds.ts';
import { fusedActivationForTfjs } from '../tfjs-gaps.ts';

/** The settings DepthwiseConv2D has, and SeparableConv2D has besides its filters. */
export const depthwiseSchema = z.object({
  kernel_size: pairSchema.default([3, 3]),
  strides: pairSchema.default([1, 1]),
  padding: paddingSchema.default('valid'),
  depth_multiplier: z.number().default(1),
  dilation_rate: pairSchema.default([1, 1]),
  activation: activationSchema.default('linear'),
  use_bias: z.boolean().default(true),
});
const schema = depthwiseSchema;

type Params = z.infer<typeof schema>;
/** The settings DepthwiseConv2D and SeparableConv2D share, as Keras names them. */
export type DepthwiseSettings = Params;

/** Reads the shared settings from a Keras config. */
export const readDepthwise = (c: Config): DepthwiseSettings => ({
  kernel_size: readPair(c, 'kernel_size'),
  strides: readPair(c, 'strides', [1, 1]),
  padding: readPadding(c),
  depth_multiplier: readNumber(c, 'depth_multiplier', 1),
  dilation_rate: readPair(c, 'dilation_rate', [1, 1]),
  activation: readActivation(c),
  use_bias: readBool(c, 'use_bias', true),
});

/** The shared settings as Keras arguments, in Keras's order (padding as `mode` gives it). */
export const depthwiseArgs = (p: DepthwiseSettings, mode: KerasArg): KerasArg[] => [
  kerasArg.tuple('kernel_size', p.kernel_size),
  kerasArg.tuple('strides', p.strides, [1, 1]),
  mode,
  kerasArg.int('depth_multiplier', p.depth_multiplier, 1),
  kerasArg.tuple('dilation_rate', p.dilation_rate, [1, 1]),
  kerasArg.text('activation', p.activation, 'linear'),
  kerasArg.bool('use_bias', p.use_bias, true),
];

/**
 * The depthwise step in PyTorch: a Conv2d with one group per input channel, TensorFlow's 'same' padding
 * (a ZeroPad2d first where it is uneven). Returns its __init__ lines and the call on a variable.
 */
export function torchDepthwise(id: string, p: DepthwiseSettings, input: number[], bias: boolean) {
  const c = input[2]!;
  const pads = spatialPads(input, p.kernel_size, p.strides, p.dilation_rate, p.padding);
  const even = symmetric(pads);
  return {
    init: [
      ...(even ? [] : [`self.${id}_pad = nn.ZeroPad2d(${pyTuple(pads)})`]),
      `self.${id} = nn.Conv2d(${c}, ${c * p.depth_multiplier}, kernel_size=${pyTuple(p.kernel_size)}, stride=${pyTuple(p.strides)}, padding=${even ? pyTuple([pads[2], pads[0]]) : '0'}, dilation=${pyTuple(p.dilation_rate)}, groups=${c}, bias=${pyBool(bias)})`,
    ],
    call: (x: string) => (even ? `self.${id}(${x})` : `self.${id}(self.${id}_pad(${x}))`),
    /** Keras's (kh, kw, channels, multiplier) kernel: output channel c × multiplier + m, as PyTorch groups them. */
    layout: `.reshape(${p.kernel_size[0]}, ${p.kernel_size[1]}, ${c * p.depth_multiplier}).permute(2, 0, 1).unsqueeze(1)`,
  };
}

/** The inspector's controls for the shared settings, in order. */
export const depthwiseSettings = [
  setting.pair('kernel_size', LIMITS.kernel),
  setting.pair('strides', LIMITS.stride),
  setting.of('padding', 'padding'),
  setting.int('depth_multiplier', LIMITS.filters),
  setting.of('activation', 'activation'),
  setting.of('use_bias', 'bool'),
  advanced(setting.pair('dilation_rate', LIMITS.dilation)),
];

/** The multiplier as a formula writes it: left out where it is 1. */
const times = (m: number) => (m === 1 ? '' : `×${f(m)}`);

const rule: LayerRule<Params> = {
  checkSettings({ params: p }, label, report) {
    checkWindow(report, label, p);
    checkInt(report, label, 'depth_multiplier', p.depth_multiplier, LIMITS.filters);
  },

  infer({ node, label, inputs, inputFields, report }) {
    const p = node.params;
    const image = imageInput(inputs[0]!, label, report);
    if (!image) return UNKNOWN_RESULT;
    const c = image[2];
    const m = p.depth_multiplier;
    const [kh, kw] = p.kernel_size;
    const window = slideWindow(image, p, inputFields[0] ?? null, label, report);
    const channels = c * m;
    const total = kh * kw * channels + (p.use_bias ? channels : 0);
    const params: Explanation = p.use_bias
      ? { rule: msg('explain.params.depthwise'), formula: `(${f(kh)}×${f(kw)}+1)×${f(c)}${times(m)} = ${f(total)}` }
      : {
          rule: msg('explain.params.depthwiseNoBias'),
          formula: `${f(kh)}×${f(kw)}×${f(c)}${times(m)} = ${f(total)}`,
        };
    const macs = window.size ? window.size[0] * window.size[1] * kh * kw * channels : null;
    return {
      outputShape: window.size ? [...window.size, channels] : null,
      params: { total, trainable: total, nonTrainable: 0 },
      macs,
      receptiveField: window.field,
      explanations: {
        outputShape: [
          ...window.axes,
          { rule: msg('explain.shape.depthwise'), formula: m === 1 ? f(c) : `${f(c)}×${f(m)} = ${f(channels)}` },
        ],
        params,
        receptiveField: window.fieldExplanation,
        macs:
          macs === null
            ? null
            : {
                rule: msg('explain.macs.depthwise'),
                formula: `${formatShape(window.size!).replace(/ /g, '')}×${f(kh)}×${f(kw)}×${f(c)}${times(m)} = ${f(macs)}`,
              },
      },
    };
  },
};

export const depthwiseConv2d = defineLayer({
  type: 'DepthwiseConv2D',
  schema,
  inputs: 'one',
  keras: {
    classNames: ['DepthwiseConv2D'],
    nameStem: 'depthwise_conv2d',
    read: readDepthwise,
    write({ name, params: p }) {
      const pad = kerasPadding(name, p.padding);
      return withPadding(pad.before, { className: 'DepthwiseConv2D', name, args: depthwiseArgs(p, pad.mode) });
    },
  },
  tfjs: fusedActivationForTfjs,
  palette: { group: 'convolution', start: { padding: 'same' } },
  settings: depthwiseSettings,
  rule,
  keySettings: (p) => [
    `${pairText(p.kernel_size)}${p.depth_multiplier === 1 ? '' : ` ×${f(p.depth_multiplier)}`}`,
    strideText(p.strides),
    paddingText(p.padding),
    ...activationPart(p.activation),
  ],
  torch({ id, node, inputShapes, outputShape }, out) {
    const p = node.params;
    const depthwise = torchDepthwise(id, p, inputShapes[0]!, p.use_bias);
    return {
      init: depthwise.init,
      forward: ([x]) => [`${out} = ${torchActivation(p.activation, depthwise.call(x!), outputShape)}`],
      load: kernelAndBiasLoad(id, node.name, depthwise.layout, p.use_bias, 'depthwise_kernel'),
      penalty: [],
    };
  },
  activation: (p) => p.activation,
  linearWeighted: true,
  mistakes: {
    params(context) {
      const { node, input } = context;
      if (!input || input.length !== 3) return [];
      const [kh, kw] = node.params.kernel_size;
      const c = input[2]!;
      const m = node.params.depth_multiplier;
      return [
        ...biasMistake(context),
        // Counted as an ordinary convolution: every filter across every channel.
        {
          answer: [(kh * kw * c + (node.params.use_bias ? 1 : 0)) * c * m],
          mistakes: [msg('mistake.depthwiseAsConv', { channels: f(c) })],
        },
      ];
    },
  },
});

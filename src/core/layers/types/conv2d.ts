/**
 * Conv2D (keras/src/layers/convolutional/base_conv.py, conv2d.py): a kernel of kh × kw × (channels / groups)
 * weights per filter, plus a bias each.
 */
import { z } from 'zod';
import { imageInput } from '../../analysis/rules/image-input.ts';
import { LIMITS, checkInt, checkPenalty } from '../../analysis/rules/ranges.ts';
import { UNKNOWN_RESULT, type LayerRule } from '../../analysis/rules/rule.ts';
import { checkWindow, slideWindow } from '../../analysis/rules/sliding-window.ts';
import type { Explanation } from '../../analysis/types.ts';
import { pyBool, pyTuple } from '../../export/python-text.ts';
import { kernelAndBiasLoad, penaltyTerms, spatialPads, symmetric, torchActivation } from '../../export/torch-parts.ts';
import { formatInt as f, formatShape } from '../../format/number.ts';
import { msg } from '../../i18n/messages.ts';
import {
  kerasArg,
  readActivation,
  readBool,
  readNumber,
  readPadding,
  readPair,
  readPenalties,
} from '../keras-config.ts';
import { kerasPadding, withPadding } from '../keras-padding.ts';
import { activationPart, dilationText, pairText, paddingText, strideText } from '../key-setting-parts.ts';
import { weightedLayerMistakes } from '../../exercise/misreading.ts';
import { defineLayer } from '../layer-module.ts';
import { activationSchema, pairSchema, paddingSchema } from '../params.ts';
import { advanced, setting } from '../settings-kinds.ts';
import { fusedActivationForTfjs } from '../tfjs-gaps.ts';

const num = z.number();

const schema = z.object({
  filters: num.default(32),
  kernel_size: pairSchema.default([3, 3]),
  strides: pairSchema.default([1, 1]),
  padding: paddingSchema.default('valid'),
  dilation_rate: pairSchema.default([1, 1]),
  groups: num.default(1),
  activation: activationSchema.default('linear'),
  use_bias: z.boolean().default(true),
  /** Weight penalties added to the loss (Keras's kernel_regularizer=L1L2(l1, l2)). */
  kernel_l1: num.default(0),
  kernel_l2: num.default(0),
});

const rule: LayerRule<z.infer<typeof schema>> = {
  checkSettings({ params: p }, label, report) {
    checkInt(report, label, 'filters', p.filters, LIMITS.filters);
    checkWindow(report, label, p);
    checkInt(report, label, 'groups', p.groups, LIMITS.groups);
    checkPenalty(report, label, 'kernel_l1', p.kernel_l1);
    checkPenalty(report, label, 'kernel_l2', p.kernel_l2);
  },

  infer({ node, label, inputs, inputFields, report }) {
    const p = node.params;
    const image = imageInput(inputs[0]!, label, report);
    if (!image) return UNKNOWN_RESULT;
    const c = image[2];
    const window = slideWindow(image, p, inputFields[0] ?? null, label, report);
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
    const outputShape = window.size && groupsOk ? [...window.size, p.filters] : null;
    const macs = window.size && groupsOk ? window.size[0] * window.size[1] * perFilter * p.filters : null;
    return {
      outputShape,
      params: groupsOk ? { total, trainable: total, nonTrainable: 0 } : null,
      macs,
      receptiveField: window.field,
      explanations: {
        outputShape: [...window.axes, { rule: msg('explain.shape.filters'), formula: f(p.filters) }],
        params,
        receptiveField: window.fieldExplanation,
        macs:
          macs === null
            ? null
            : {
                rule: msg('explain.macs.conv'),
                formula: `${formatShape(window.size!).replace(/ /g, '')}×(${f(kh)}×${f(kw)}×${channelsIn})×${f(p.filters)} = ${f(macs)}`,
              },
      },
    };
  },
};

export const conv2d = defineLayer({
  type: 'Conv2D',
  schema,
  inputs: 'one',
  keras: {
    classNames: ['Conv2D', 'Convolution2D'],
    nameStem: 'conv2d',
    read: (c) => ({
      filters: readNumber(c, 'filters'),
      kernel_size: readPair(c, 'kernel_size'),
      strides: readPair(c, 'strides', [1, 1]),
      padding: readPadding(c),
      dilation_rate: readPair(c, 'dilation_rate', [1, 1]),
      groups: readNumber(c, 'groups', 1),
      activation: readActivation(c),
      use_bias: readBool(c, 'use_bias', true),
      ...readPenalties(c),
    }),
    write({ name, params: p }) {
      const pad = kerasPadding(name, p.padding);
      return withPadding(pad.before, {
        className: 'Conv2D',
        name,
        args: [
          kerasArg.int('filters', p.filters),
          kerasArg.tuple('kernel_size', p.kernel_size),
          kerasArg.tuple('strides', p.strides, [1, 1]),
          pad.mode,
          kerasArg.tuple('dilation_rate', p.dilation_rate, [1, 1]),
          kerasArg.int('groups', p.groups, 1),
          kerasArg.text('activation', p.activation, 'linear'),
          kerasArg.bool('use_bias', p.use_bias, true),
          kerasArg.regularizer(p.kernel_l1, p.kernel_l2),
        ],
      });
    },
  },
  tfjs(calls) {
    const conv = calls.at(-1)!;
    const groups = conv.args.find((a) => a.key === 'groups')!.value;
    if (groups !== 1) return { ok: false, reason: 'groups', detail: String(groups) };
    return fusedActivationForTfjs(calls);
  },
  palette: { group: 'convolution', start: { activation: 'relu' } },
  settings: [
    setting.int('filters', LIMITS.filters),
    setting.pair('kernel_size', LIMITS.kernel),
    setting.pair('strides', LIMITS.stride),
    setting.of('padding', 'padding'),
    setting.of('activation', 'activation'),
    setting.of('use_bias', 'bool'),
    advanced(setting.pair('dilation_rate', LIMITS.dilation)),
    advanced(setting.int('groups', LIMITS.groups)),
    advanced(setting.of('kernel_l1', 'number')),
    advanced(setting.of('kernel_l2', 'number')),
  ],
  rule,
  keySettings: (p) => [
    `${f(p.filters)} × ${pairText(p.kernel_size)}`,
    strideText(p.strides),
    paddingText(p.padding),
    ...(p.dilation_rate[0] !== 1 || p.dilation_rate[1] !== 1 ? [dilationText(p.dilation_rate)] : []),
    ...activationPart(p.activation),
  ],
  torch({ id, node, inputShapes, outputShape }, out) {
    const p = node.params;
    const input = inputShapes[0]!;
    const pads = spatialPads(input, p.kernel_size, p.strides, p.dilation_rate, p.padding);
    const even = symmetric(pads);
    const init = [
      ...(even ? [] : [`self.${id}_pad = nn.ZeroPad2d(${pyTuple(pads)})`]),
      `self.${id} = nn.Conv2d(${input[2]}, ${p.filters}, kernel_size=${pyTuple(p.kernel_size)}, stride=${pyTuple(p.strides)}, padding=${even ? pyTuple([pads[2], pads[0]]) : '0'}, dilation=${pyTuple(p.dilation_rate)}, groups=${p.groups}, bias=${pyBool(p.use_bias)})`,
    ];
    const conv = (x: string) => (even ? `self.${id}(${x})` : `self.${id}(self.${id}_pad(${x}))`);
    return {
      init,
      forward: ([x]) => [`${out} = ${torchActivation(p.activation, conv(x!), outputShape)}`],
      load: kernelAndBiasLoad(id, node.name, '.permute(3, 2, 0, 1)', p.use_bias),
      penalty: penaltyTerms(id, p.kernel_l1, p.kernel_l2),
    };
  },
  activation: (p) => p.activation,
  linearWeighted: true,
  mistakes: {
    params(context) {
      const { node, input } = context;
      if (!input || input.length !== 3) return [];
      const {
        filters: n,
        kernel_size: [kh, kw],
        groups,
      } = node.params;
      const c = input[2]! / groups;
      const channels = msg('mistake.inputChannelsIgnored', { channels: f(c) });
      return weightedLayerMistakes(context, kh * kw, c, n, {
        before: () => [
          { answer: [(kh * kw + 1) * n], mistakes: [channels] },
          { answer: [kh * kw * n], mistakes: [channels, msg('mistake.forgotBias')] },
        ],
      });
    },
  },
});

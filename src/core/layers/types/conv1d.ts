/**
 * Conv1D (keras/src/layers/convolutional/conv1d.py): filters sliding along the time steps of a sequence,
 * each k × (features / groups) weights plus a bias. 'causal' pads only before, so no output sees the future.
 * PyTorch keeps sequences as Keras does, (N, steps, features); the exported Conv1d turns them for its call.
 */
import { z } from 'zod';
import { LIMITS, checkInt, checkPenalty } from '../../analysis/rules/ranges.ts';
import { UNKNOWN_RESULT, type LayerRule, type Report } from '../../analysis/rules/rule.ts';
import { sequenceInput } from '../../analysis/rules/sequence-input.ts';
import { spatialOutput } from '../../analysis/rules/spatial.ts';
import type { Explanation } from '../../analysis/types.ts';
import { pyBool } from '../../export/python-text.ts';
import { kernelAndBiasLoad, penaltyTerms, samePadding, torchActivation } from '../../export/torch-parts.ts';
import { formatInt as f } from '../../format/number.ts';
import { msg } from '../../i18n/messages.ts';
import { weightedLayerMistakes } from '../../exercise/misreading.ts';
import {
  kerasArg,
  readActivation,
  readBool,
  readChoice,
  readNumber,
  readOne,
  readPenalties,
  type KerasCall,
} from '../keras-config.ts';
import { activationPart, dilationText, strideText } from '../key-setting-parts.ts';
import { defineLayer } from '../layer-module.ts';
import { activationSchema } from '../params.ts';
import { advanced, setting } from '../settings-kinds.ts';
import { fusedActivationForTfjs } from '../tfjs-gaps.ts';

const num = z.number();
const PADDINGS = ['valid', 'same', 'causal'] as const;

const schema = z.object({
  filters: num.default(32),
  kernel_size: num.default(3),
  strides: num.default(1),
  padding: z.enum(PADDINGS).default('valid'),
  dilation_rate: num.default(1),
  groups: num.default(1),
  activation: activationSchema.default('linear'),
  use_bias: z.boolean().default(true),
  kernel_l1: num.default(0),
  kernel_l2: num.default(0),
});
type Params = z.infer<typeof schema>;

/** The output length along the steps, as Keras computes it ('causal' is 'valid' after d × (k − 1) zeros before). */
export function stepsOutput(
  n: number,
  p: { kernel_size: number; strides: number; dilation_rate: number; padding: 'valid' | 'same' | 'causal' },
  pool: boolean,
  label: string,
  report: Report,
): { size: number | null; explanation: Explanation } {
  if (p.padding === 'causal') {
    const size = Math.ceil(n / p.strides);
    return {
      size,
      explanation: { rule: msg('explain.shape.causal'), formula: `⌈${f(n)}/${f(p.strides)}⌉ = ${f(size)}` },
    };
  }
  return spatialOutput(
    {
      axis: 'steps',
      size: n,
      kernel: p.kernel_size,
      stride: p.strides,
      dilation: p.dilation_rate,
      padding: p.padding,
      pool,
    },
    label,
    report,
  );
}

const rule: LayerRule<Params> = {
  checkSettings({ params: p }, label, report) {
    checkInt(report, label, 'filters', p.filters, LIMITS.filters);
    checkInt(report, label, 'kernel_size', p.kernel_size, LIMITS.kernel);
    checkInt(report, label, 'strides', p.strides, LIMITS.stride);
    checkInt(report, label, 'dilation_rate', p.dilation_rate, LIMITS.dilation);
    checkInt(report, label, 'groups', p.groups, LIMITS.groups);
    checkPenalty(report, label, 'kernel_l1', p.kernel_l1);
    checkPenalty(report, label, 'kernel_l2', p.kernel_l2);
  },

  infer({ node, label, inputs, report }) {
    const p = node.params;
    const sequence = sequenceInput(inputs[0]!, label, report);
    if (!sequence) return UNKNOWN_RESULT;
    const [n, c] = sequence;
    const groupsOk = c % p.groups === 0 && p.filters % p.groups === 0;
    if (!groupsOk)
      report('error', msg('diag.groups', { layer: label, channels: c, filters: p.filters, groups: p.groups }));
    const steps = stepsOutput(n, p, false, label, report);
    const k = p.kernel_size;
    const perFilter = k * (c / p.groups);
    const total = perFilter * p.filters + (p.use_bias ? p.filters : 0);
    const channelsIn = p.groups === 1 ? f(c) : `(${f(c)}/${f(p.groups)})`;
    const params: Explanation = p.use_bias
      ? { rule: msg('explain.params.conv1d'), formula: `((${f(k)}×${channelsIn})+1)×${f(p.filters)} = ${f(total)}` }
      : { rule: msg('explain.params.conv1dNoBias'), formula: `(${f(k)}×${channelsIn})×${f(p.filters)} = ${f(total)}` };
    const known = steps.size !== null && groupsOk;
    const macs = known ? steps.size! * perFilter * p.filters : null;
    return {
      outputShape: known ? [steps.size!, p.filters] : null,
      params: groupsOk ? { total, trainable: total, nonTrainable: 0 } : null,
      macs,
      receptiveField: null,
      explanations: {
        outputShape: [steps.explanation, { rule: msg('explain.shape.filters'), formula: f(p.filters) }],
        params,
        receptiveField: { rule: msg('explain.rf.steps'), formula: '—' },
        macs:
          macs === null
            ? null
            : {
                rule: msg('explain.macs.conv1d'),
                formula: `${f(steps.size!)}×(${f(k)}×${channelsIn})×${f(p.filters)} = ${f(macs)}`,
              },
      },
    };
  },
};

/** PyTorch's F.pad for the steps, as TensorFlow pads them: (before, after). */
export function stepsPads(
  n: number,
  p: { kernel_size: number; strides: number; dilation_rate: number; padding: string },
): [number, number] {
  if (p.padding === 'causal') return [p.dilation_rate * (p.kernel_size - 1), 0];
  if (p.padding === 'same') return samePadding(n, p.kernel_size, p.strides, p.dilation_rate);
  return [0, 0];
}

export const conv1d = defineLayer({
  type: 'Conv1D',
  schema,
  inputs: 'one',
  keras: {
    classNames: ['Conv1D', 'Convolution1D'],
    nameStem: 'conv1d',
    read: (c) => ({
      filters: readNumber(c, 'filters'),
      kernel_size: readOne(c, 'kernel_size'),
      strides: readOne(c, 'strides', 1),
      padding: readChoice(c, 'padding', PADDINGS, 'valid'),
      dilation_rate: readOne(c, 'dilation_rate', 1),
      groups: readNumber(c, 'groups', 1),
      activation: readActivation(c),
      use_bias: readBool(c, 'use_bias', true),
      ...readPenalties(c),
    }),
    write: ({ name, params: p }) => [
      {
        className: 'Conv1D',
        name,
        args: [
          kerasArg.int('filters', p.filters),
          kerasArg.int('kernel_size', p.kernel_size),
          kerasArg.int('strides', p.strides, 1),
          kerasArg.text('padding', p.padding, 'valid'),
          kerasArg.int('dilation_rate', p.dilation_rate, 1),
          kerasArg.int('groups', p.groups, 1),
          kerasArg.text('activation', p.activation, 'linear'),
          kerasArg.bool('use_bias', p.use_bias, true),
          kerasArg.regularizer(p.kernel_l1, p.kernel_l2),
        ],
      },
    ],
  },
  tfjs(calls, [input]) {
    const call = calls[0]!;
    const value = (key: string) => call.args.find((a) => a.key === key)!.value;
    if (value('groups') !== 1) return { ok: false, reason: 'groups', detail: String(value('groups')) };
    const args = call.args.filter((a) => a.key !== 'groups');
    if (value('padding') !== 'causal') return fusedActivationForTfjs([{ ...call, args }]);
    // TF.js has no causal padding: d × (k − 1) zeros before the steps (as an image one pixel wide), then 'valid'.
    const [steps, features] = input!;
    const before = (value('dilation_rate') as number) * ((value('kernel_size') as number) - 1);
    const reshape = (name: string, shape: number[]): KerasCall => ({
      className: 'Reshape',
      name,
      args: [kerasArg.raw('target_shape', shape, null)],
    });
    return fusedActivationForTfjs([
      reshape(`${call.name}_steps`, [steps!, 1, features!]),
      {
        className: 'ZeroPadding2D',
        name: `${call.name}_causal_pad`,
        args: [
          kerasArg.raw(
            'padding',
            [
              [before, 0],
              [0, 0],
            ],
            null,
          ),
        ],
      },
      reshape(`${call.name}_padded`, [steps! + before, features!]),
      { ...call, args: args.map((a) => (a.key === 'padding' ? kerasArg.text('padding', 'valid') : a)) },
    ]);
  },
  palette: { group: 'sequence', start: { activation: 'relu' } },
  settings: [
    setting.int('filters', LIMITS.filters),
    setting.int('kernel_size', LIMITS.kernel),
    setting.int('strides', LIMITS.stride),
    setting.choice('padding', PADDINGS),
    setting.of('activation', 'activation'),
    setting.of('use_bias', 'bool'),
    advanced(setting.int('dilation_rate', LIMITS.dilation)),
    advanced(setting.int('groups', LIMITS.groups)),
    advanced(setting.of('kernel_l1', 'number')),
    advanced(setting.of('kernel_l2', 'number')),
  ],
  rule,
  keySettings: (p) => [
    `${f(p.filters)} × ${f(p.kernel_size)}`,
    strideText(p.strides),
    p.padding,
    ...(p.dilation_rate !== 1 ? [dilationText(p.dilation_rate)] : []),
    ...activationPart(p.activation),
  ],
  torch({ id, node, inputShapes, outputShape }, out) {
    const p = node.params;
    const [n, c] = inputShapes[0]!;
    const [before, after] = stepsPads(n!, p);
    const padded = (x: string) =>
      before + after > 0 ? `F.pad(${x}.transpose(1, 2), (${before}, ${after}))` : `${x}.transpose(1, 2)`;
    return {
      init: [
        `self.${id} = nn.Conv1d(${c}, ${p.filters}, kernel_size=${p.kernel_size}, stride=${p.strides}, dilation=${p.dilation_rate}, groups=${p.groups}, bias=${pyBool(p.use_bias)})`,
      ],
      forward: ([x]) => [
        `${out} = ${torchActivation(p.activation, `self.${id}(${padded(x!)}).transpose(1, 2)`, outputShape)}`,
      ],
      // Keras's (k, features / groups, filters) kernel is PyTorch's (filters, features / groups, k).
      load: kernelAndBiasLoad(id, node.name, '.permute(2, 1, 0)', p.use_bias),
      penalty: penaltyTerms(id, p.kernel_l1, p.kernel_l2),
    };
  },
  activation: (p) => p.activation,
  linearWeighted: true,
  mistakes: {
    params(context) {
      const { node, input } = context;
      if (!input || input.length !== 2) return [];
      return weightedLayerMistakes(
        context,
        node.params.kernel_size,
        input[1]! / node.params.groups,
        node.params.filters,
      );
    },
  },
});

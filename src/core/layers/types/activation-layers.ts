/**
 * Activations as layers of their own (keras/src/layers/activations/): LeakyReLU (x below 0 times
 * negative_slope), ELU (alpha × (eˣ − 1) below 0), Softmax (over the last axis) and PReLU, whose slope below
 * 0 is learned: one weight per value of its input, or per channel where `shared_axes` share it.
 */
import { z } from 'zod';
import { unchangedShape } from '../../analysis/rules/passthrough.ts';
import { checkFinite } from '../../analysis/rules/ranges.ts';
import type { LayerRule, Report } from '../../analysis/rules/rule.ts';
import { pyNumber, pyString, pyTuple } from '../../export/python-text.ts';
import { NO_CODE, isImage } from '../../export/torch-parts.ts';
import { formatInt as f, formatNumber, formatShape } from '../../format/number.ts';
import { msg } from '../../i18n/messages.ts';
import { SettingError, kerasArg, readLastAxis, readNumber, type Config } from '../keras-config.ts';
import { defineLayer } from '../layer-module.ts';
import { setting } from '../settings-kinds.ts';

const passThrough = <P>(check: (p: P, label: string, report: Report) => void): LayerRule<P> => ({
  checkSettings: ({ params }, label, report) => check(params, label, report),
  infer: ({ inputs, inputFields }) => unchangedShape(inputs[0]!, inputFields[0] ?? null),
});

// ---- LeakyReLU ----

const leakySchema = z.object({ negative_slope: z.number().default(0.3) });

export const leakyRelu = defineLayer({
  type: 'LeakyReLU',
  schema: leakySchema,
  inputs: 'one',
  keras: {
    classNames: ['LeakyReLU'],
    nameStem: 'leaky_re_lu',
    // Keras 3 names it negative_slope; tf.keras 2 and TensorFlow.js alpha.
    read: (c) => ({ negative_slope: readNumber(c, c.negative_slope === undefined ? 'alpha' : 'negative_slope', 0.3) }),
    write: ({ name, params: p }) => [
      { className: 'LeakyReLU', name, args: [kerasArg.float('negative_slope', p.negative_slope, 0.3)] },
    ],
  },
  tfjs: (calls) => ({
    ok: true,
    calls: [{ ...calls[0]!, args: [kerasArg.float('alpha', calls[0]!.args[0]!.value as number)] }],
  }),
  palette: { group: 'activation' },
  settings: [setting.of('negative_slope', 'number')],
  rule: passThrough<z.infer<typeof leakySchema>>((p, label, report) =>
    checkFinite(report, label, 'negative_slope', p.negative_slope),
  ),
  keySettings: (p) => [msg('key.slope', { value: formatNumber(p.negative_slope) })],
  torch: ({ node }, out) => ({
    ...NO_CODE,
    forward: ([x]) => [`${out} = F.leaky_relu(${x}, ${pyNumber(node.params.negative_slope, true)})`],
  }),
});

// ---- ELU ----

const eluSchema = z.object({ alpha: z.number().default(1) });

export const elu = defineLayer({
  type: 'ELU',
  schema: eluSchema,
  inputs: 'one',
  keras: {
    classNames: ['ELU'],
    nameStem: 'elu',
    read: (c) => ({ alpha: readNumber(c, 'alpha', 1) }),
    write: ({ name, params: p }) => [{ className: 'ELU', name, args: [kerasArg.float('alpha', p.alpha, 1)] }],
  },
  // TensorFlow.js's ELU has alpha 1 only.
  tfjs: (calls) =>
    calls[0]!.args[0]!.value === 1 ? { ok: true, calls } : { ok: false, reason: 'setting', detail: 'alpha' },
  palette: { group: 'activation' },
  settings: [setting.of('alpha', 'number')],
  rule: passThrough<z.infer<typeof eluSchema>>((p, label, report) => checkFinite(report, label, 'alpha', p.alpha)),
  keySettings: (p) => (p.alpha === 1 ? [] : [`α ${formatNumber(p.alpha)}`]),
  torch: ({ node }, out) => ({
    ...NO_CODE,
    forward: ([x]) => [`${out} = F.elu(${x}, ${pyNumber(node.params.alpha, true)})`],
  }),
});

// ---- Softmax ----

const softmaxSchema = z.object({ axis: z.number().default(-1) });

export const softmax = defineLayer({
  type: 'Softmax',
  schema: softmaxSchema,
  inputs: 'one',
  keras: {
    classNames: ['Softmax'],
    nameStem: 'softmax',
    read: (c, { rank }) => ({ axis: readLastAxis(c, rank) }),
    write: ({ name }) => [{ className: 'Softmax', name, args: [kerasArg.int('axis', -1, -1)] }],
  },
  palette: { group: 'activation' },
  settings: [],
  rule: passThrough<z.infer<typeof softmaxSchema>>(() => {}),
  keySettings: () => [],
  // The last Keras axis: an image's channels, which PyTorch keeps at 1.
  activation: () => 'softmax',
  torch: ({ inputShapes }, out) => ({
    ...NO_CODE,
    forward: ([x]) => [`${out} = F.softmax(${x}, dim=${isImage(inputShapes[0]!) ? 1 : -1})`],
  }),
});

// ---- PReLU ----

const preluSchema = z.object({
  /** The input's axes (1 = the first after the batch) that share one slope: [1, 2] gives one per channel. */
  shared_axes: z.array(z.number()).nullable().default(null),
});
type PreluParams = z.infer<typeof preluSchema>;

/** The shape of PReLU's alpha for an input: the input's, with shared axes 1. */
function alphaShape(p: PreluParams, input: number[]): number[] {
  return input.map((d, i) => (p.shared_axes?.includes(i + 1) ? 1 : d));
}

function readSharedAxes(c: Config): number[] | null {
  const value = c.shared_axes;
  if (value === undefined || value === null) return null;
  const list = typeof value === 'number' ? [value] : value;
  if (Array.isArray(list) && list.every((v) => Number.isInteger(v) && (v as number) >= 1)) return list as number[];
  throw new SettingError('shared_axes', value);
}

export const prelu = defineLayer({
  type: 'PReLU',
  schema: preluSchema,
  inputs: 'one',
  keras: {
    classNames: ['PReLU'],
    nameStem: 'p_re_lu',
    read: (c) => ({ shared_axes: readSharedAxes(c) }),
    write: ({ name, params: p }) => [
      { className: 'PReLU', name, args: [kerasArg.tuple('shared_axes', p.shared_axes, null)] },
    ],
  },
  palette: { group: 'activation', start: { shared_axes: [1, 2] } },
  settings: [setting.of('shared_axes', 'sizes')],
  rule: {
    checkSettings({ params }, label, report) {
      if (params.shared_axes && !params.shared_axes.every((a) => Number.isInteger(a) && a >= 1 && a <= 3)) {
        report('error', msg('diag.sharedAxes', { layer: label, axes: params.shared_axes.join(', '), rank: 3 }));
      }
    },
    infer({ label, node, inputs, inputFields, report }) {
      const input = inputs[0]!;
      if (node.params.shared_axes?.some((a) => a > input.length)) {
        report(
          'error',
          msg('diag.sharedAxes', { layer: label, axes: node.params.shared_axes.join(', '), rank: input.length }),
        );
      }
      const shape = alphaShape(node.params, input);
      const total = shape.reduce((a, b) => a * b, 1);
      const result = unchangedShape(input, inputFields[0] ?? null);
      return {
        ...result,
        params: { total, trainable: total, nonTrainable: 0 },
        macs: total === 0 ? 0 : input.reduce((a, b) => a * b, 1),
        explanations: {
          ...result.explanations!,
          params: { rule: msg('explain.params.prelu'), formula: `${shape.map(f).join('×')} = ${f(total)}` },
          macs: { rule: msg('explain.macs.prelu'), formula: `${formatShape(input).replace(/ /g, '')}` },
        },
      };
    },
  },
  keySettings: (p) => (p.shared_axes ? [msg('key.sharedAxes', { value: p.shared_axes.join(',') })] : []),
  torch: ({ id, node, inputShapes }, out) => {
    const shape = alphaShape(node.params, inputShapes[0]!);
    const image = isImage(shape);
    const torchShape = image ? [shape[2]!, shape[0]!, shape[1]!] : shape;
    return {
      init: [`self.${id}_alpha = nn.Parameter(torch.full(${pyTuple(torchShape)}, 0.0))`],
      forward: ([x]) => [`${out} = torch.where(${x} >= 0, ${x}, self.${id}_alpha * ${x})`],
      load: [`model.${id}_alpha.copy_(get(${pyString(`${node.name}/alpha`)})${image ? '.permute(2, 0, 1)' : ''})`],
      penalty: [],
    };
  },
  mistakes: {
    params: ({ input }) => (input ? [{ answer: [0], mistakes: [msg('mistake.preluWeightless')] }] : []),
  },
});

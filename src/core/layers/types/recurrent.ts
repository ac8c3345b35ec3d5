/**
 * SimpleRNN, LSTM and GRU (keras/src/layers/rnn/): a cell read once per time step, carrying a state of
 * `units` numbers from step to step. Each gate has a kernel (features × units), a recurrent kernel
 * (units × units) and a bias (units): LSTM has 4 gates (input, forget, cell, output), GRU 3 (update, reset,
 * candidate) — with reset_after, Keras's default, GRU has a second bias for the recurrent part — SimpleRNN 1.
 * Multiply-adds count the kernels' products once per time step.
 * The PyTorch export writes each cell out step by step with Keras's weights and gate order (nn.LSTM and
 * nn.GRU have two biases per gate, and nn.GRU has no reset_after = False), so counts and outputs match.
 */
import { z } from 'zod';
import { LIMITS, checkInt } from '../../analysis/rules/ranges.ts';
import { UNKNOWN_RESULT, type LayerRule, type RuleResult } from '../../analysis/rules/rule.ts';
import { sequenceInput } from '../../analysis/rules/sequence-input.ts';
import type { Shape } from '../../analysis/types.ts';
import { pyNumber, pyString } from '../../export/python-text.ts';
import { torchActivation } from '../../export/torch-parts.ts';
import { formatInt as f } from '../../format/number.ts';
import { msg } from '../../i18n/messages.ts';
import { biasMistake, type Misreading, type MistakeContext } from '../../exercise/misreading.ts';
import { kerasArg, readActivation, readBool, readNumber, type Config, type KerasArg } from '../keras-config.ts';
import { activationPart } from '../key-setting-parts.ts';
import { defineLayer, type LayerCode } from '../layer-module.ts';
import { activationSchema } from '../params.ts';
import { advanced, setting } from '../settings-kinds.ts';

export type CellType = 'SimpleRNN' | 'LSTM' | 'GRU';

export const GATES: Record<CellType, number> = { SimpleRNN: 1, LSTM: 4, GRU: 3 };

const common = {
  units: z.number().default(32),
  activation: activationSchema.default('tanh'),
  use_bias: z.boolean().default(true),
  return_sequences: z.boolean().default(false),
  go_backwards: z.boolean().default(false),
  /** Fractions of the inputs and of the state dropped in training, the same ones at every step (Keras's way). */
  dropout: z.number().default(0),
  recurrent_dropout: z.number().default(0),
};
const gated = { recurrent_activation: activationSchema.default('sigmoid') };

export const cellSchemas = {
  SimpleRNN: z.object(common),
  LSTM: z.object({ ...common, ...gated, unit_forget_bias: z.boolean().default(true) }),
  GRU: z.object({ ...common, ...gated, reset_after: z.boolean().default(true) }),
};

/** Every cell's settings, as one type (the ones a cell lacks are absent). */
export interface CellParams {
  units: number;
  activation: z.infer<typeof activationSchema>;
  use_bias: boolean;
  return_sequences: boolean;
  go_backwards: boolean;
  dropout: number;
  recurrent_dropout: number;
  recurrent_activation?: z.infer<typeof activationSchema>;
  unit_forget_bias?: boolean;
  reset_after?: boolean;
}

/** The cell's weights: kernel, recurrent kernel and biases. */
export function cellCount(type: CellType, p: CellParams, features: number) {
  const g = GATES[type];
  const u = p.units;
  const biases = p.use_bias ? (type === 'GRU' && p.reset_after ? 2 : 1) : 0;
  return { kernel: features * g * u, recurrent: u * g * u, bias: biases * g * u, gates: g, biases };
}

/** The cell's parameters, multiply-adds and their explanations, for an input of `steps` × `features`. */
export function cellFigures(type: CellType, p: CellParams, steps: number, features: number) {
  const c = cellCount(type, p, features);
  const total = c.kernel + c.recurrent + c.bias;
  const u = f(p.units);
  // As the courses write it: (inputs + units + 1 bias) × gates × units.
  const gates = c.gates === 1 ? '' : `×${f(c.gates)}`;
  const formula = `(${f(features)}+${u}${c.biases === 0 ? '' : `+${c.biases}`})${gates}×${u} = ${f(total)}`;
  const key =
    type === 'LSTM'
      ? 'explain.params.lstm'
      : type === 'GRU'
        ? p.reset_after && p.use_bias
          ? 'explain.params.gruResetAfter'
          : 'explain.params.gru'
        : 'explain.params.simpleRnn';
  const macs = steps * (features + p.units) * c.gates * p.units;
  return {
    total,
    params: { rule: msg(key, { bias: p.use_bias }), formula },
    macs,
    macsExplanation: {
      rule: msg('explain.macs.recurrent', { gates: c.gates }),
      formula: `${f(steps)}×${f(c.gates)}×(${f(features)}+${u})×${u} = ${f(macs)}`,
    },
  };
}

export function checkCell(p: CellParams, label: string, report: Parameters<LayerRule<unknown>['checkSettings']>[2]) {
  checkInt(report, label, 'units', p.units, LIMITS.units);
  for (const key of ['dropout', 'recurrent_dropout'] as const) {
    if (!(p[key] >= 0 && p[key] < 1)) {
      report('error', msg('diag.dropoutRate', { layer: label, value: String(p[key]) }));
    }
  }
}

function cellRule(type: CellType): LayerRule<CellParams> {
  return {
    checkSettings: ({ params }, label, report) => checkCell(params, label, report),
    infer({ node, label, inputs, report }): RuleResult {
      const sequence = sequenceInput(inputs[0]!, label, report);
      if (!sequence) return UNKNOWN_RESULT;
      const [steps, features] = sequence;
      const p = node.params;
      const figures = cellFigures(type, p, steps, features);
      return {
        outputShape: p.return_sequences ? [steps, p.units] : [p.units],
        params: { total: figures.total, trainable: figures.total, nonTrainable: 0 },
        macs: figures.macs,
        receptiveField: null,
        explanations: {
          outputShape: [
            ...(p.return_sequences ? [{ rule: msg('explain.shape.everyStep'), formula: f(steps) }] : []),
            { rule: msg(p.return_sequences ? 'explain.shape.units' : 'explain.shape.lastState'), formula: f(p.units) },
          ],
          params: figures.params,
          receptiveField: { rule: msg('explain.rf.sequence'), formula: '—' },
          macs: figures.macsExplanation,
        },
      };
    },
  };
}

export function readCell(type: CellType, c: Config): CellParams {
  return {
    units: readNumber(c, 'units'),
    activation: readActivation(c, 'activation', 'tanh'),
    use_bias: readBool(c, 'use_bias', true),
    return_sequences: readBool(c, 'return_sequences', false),
    go_backwards: readBool(c, 'go_backwards', false),
    dropout: readNumber(c, 'dropout', 0),
    recurrent_dropout: readNumber(c, 'recurrent_dropout', 0),
    ...(type === 'SimpleRNN' ? {} : { recurrent_activation: readActivation(c, 'recurrent_activation', 'sigmoid') }),
    ...(type === 'LSTM' ? { unit_forget_bias: readBool(c, 'unit_forget_bias', true) } : {}),
    // tf.keras 1.x and TensorFlow.js default to False; Keras 2.3+ writes it and defaults to True.
    ...(type === 'GRU' ? { reset_after: readBool(c, 'reset_after', c.reset_after === undefined ? false : true) } : {}),
  };
}

export function cellArgs(type: CellType, p: CellParams): KerasArg[] {
  return [
    kerasArg.int('units', p.units),
    kerasArg.text('activation', p.activation, 'tanh'),
    ...(p.recurrent_activation ? [kerasArg.text('recurrent_activation', p.recurrent_activation, 'sigmoid')] : []),
    kerasArg.bool('use_bias', p.use_bias, true),
    ...(type === 'LSTM' ? [kerasArg.bool('unit_forget_bias', p.unit_forget_bias ?? true, true)] : []),
    ...(type === 'GRU' ? [kerasArg.bool('reset_after', p.reset_after ?? true, true)] : []),
    kerasArg.float('dropout', p.dropout, 0),
    kerasArg.float('recurrent_dropout', p.recurrent_dropout, 0),
    kerasArg.bool('return_sequences', p.return_sequences, false),
    kerasArg.bool('go_backwards', p.go_backwards, false),
  ];
}

export function cellSettings(type: CellType) {
  return [
    setting.int('units', LIMITS.units),
    setting.of('return_sequences', 'bool'),
    setting.of('activation', 'activation'),
    ...(type === 'SimpleRNN' ? [] : [advanced(setting.of('recurrent_activation', 'activation'))]),
    setting.of('use_bias', 'bool'),
    ...(type === 'GRU' ? [setting.of('reset_after', 'bool')] : []),
    setting.of('dropout', 'rate'),
    advanced(setting.of('recurrent_dropout', 'rate')),
    advanced(setting.of('go_backwards', 'bool')),
  ];
}

/** What TF.js cannot train: GRU with reset_after (its GRUCell refuses it). */
export function cellTfjsGap(type: CellType, p: { reset_after?: unknown }): string | null {
  return type === 'GRU' && p.reset_after === true ? 'reset_after' : null;
}

/**
 * The PyTorch code of one cell run over the sequence `x` (N, steps, features) into `out`: parameters named
 * `<id>_kernel`, `<id>_recurrent_kernel`, `<id>_bias` in Keras's shapes, so the weights load unchanged.
 */
export function torchCell(type: CellType, id: string, p: CellParams, features: number, out: string): LayerCode {
  const u = p.units;
  const g = GATES[type];
  const v = (name: string) => `${id}_${name}`;
  const act = (e: string) => torchActivation(p.activation, e, [u]);
  const gate = (e: string) => torchActivation(p.recurrent_activation ?? 'sigmoid', e, [u]);
  const biasShape = type === 'GRU' && p.reset_after ? `2, ${g * u}` : `${g * u}`;
  const init = [
    `self.${v('kernel')} = nn.Parameter(torch.empty(${features}, ${g * u}))`,
    `self.${v('recurrent_kernel')} = nn.Parameter(torch.empty(${u}, ${g * u}))`,
    ...(p.use_bias ? [`self.${v('bias')} = nn.Parameter(torch.zeros(${biasShape}))`] : []),
    `nn.init.xavier_uniform_(self.${v('kernel')})`,
    `nn.init.orthogonal_(self.${v('recurrent_kernel')})`,
    ...(type === 'LSTM' && p.use_bias && p.unit_forget_bias ? [`self.${v('bias')}.data[${u}:${2 * u}] = 1.0`] : []),
  ];
  const inputBias = p.use_bias
    ? type === 'GRU' && p.reset_after
      ? ` + self.${v('bias')}[0]`
      : ` + self.${v('bias')}`
    : '';
  const recurrentBias = p.use_bias && type === 'GRU' && p.reset_after ? ` + self.${v('bias')}[1]` : '';
  const step = (x: string, t: string): string[] => {
    const xt = `${x}[:, ${t}]${p.dropout > 0 ? ` * ${v('mask')}` : ''}`;
    const h = p.recurrent_dropout > 0 ? `(${v('h')} * ${v('recurrent_mask')})` : v('h');
    switch (type) {
      case 'SimpleRNN':
        return [`${v('h')} = ${act(`${xt} @ self.${v('kernel')}${inputBias} + ${h} @ self.${v('recurrent_kernel')}`)}`];
      case 'LSTM':
        return [
          `${v('z')} = ${xt} @ self.${v('kernel')}${inputBias} + ${h} @ self.${v('recurrent_kernel')}`,
          `${v('i')}, ${v('f')}, ${v('g')}, ${v('o')} = ${v('z')}.chunk(4, 1)`,
          `${v('c')} = ${gate(v('f'))} * ${v('c')} + ${gate(v('i'))} * ${act(v('g'))}`,
          `${v('h')} = ${gate(v('o'))} * ${act(v('c'))}`,
        ];
      case 'GRU':
        return p.reset_after
          ? [
              `${v('xz')}, ${v('xr')}, ${v('xh')} = (${xt} @ self.${v('kernel')}${inputBias}).chunk(3, 1)`,
              `${v('hz')}, ${v('hr')}, ${v('hh')} = (${h} @ self.${v('recurrent_kernel')}${recurrentBias}).chunk(3, 1)`,
              `${v('u')} = ${gate(`${v('xz')} + ${v('hz')}`)}`,
              `${v('r')} = ${gate(`${v('xr')} + ${v('hr')}`)}`,
              `${v('h')} = ${v('u')} * ${v('h')} + (1 - ${v('u')}) * ${act(`${v('xh')} + ${v('r')} * ${v('hh')}`)}`,
            ]
          : [
              `${v('xz')}, ${v('xr')}, ${v('xh')} = (${xt} @ self.${v('kernel')}${inputBias}).chunk(3, 1)`,
              `${v('hz')}, ${v('hr')} = (${h} @ self.${v('recurrent_kernel')}[:, :${2 * u}]).chunk(2, 1)`,
              `${v('u')} = ${gate(`${v('xz')} + ${v('hz')}`)}`,
              `${v('r')} = ${gate(`${v('xr')} + ${v('hr')}`)}`,
              `${v('h')} = ${v('u')} * ${v('h')} + (1 - ${v('u')}) * ${act(`${v('xh')} + (${v('r')} * ${h}) @ self.${v('recurrent_kernel')}[:, ${2 * u}:]`)}`,
            ];
    }
  };
  const steps = (x: string) => (p.go_backwards ? `reversed(range(${x}.shape[1]))` : `range(${x}.shape[1])`);
  const mask = (name: string, of: string, rate: number) =>
    `${v(name)} = F.dropout(torch.ones_like(${of}), ${pyNumber(rate, true)}, self.training)`;
  return {
    init,
    forward: ([x]) => [
      `${v('h')} = ${x}.new_zeros(${x}.shape[0], ${u})`,
      ...(type === 'LSTM' ? [`${v('c')} = ${v('h')}`] : []),
      ...(p.dropout > 0 ? [mask('mask', `${x}[:, 0]`, p.dropout)] : []),
      ...(p.recurrent_dropout > 0 ? [mask('recurrent_mask', v('h'), p.recurrent_dropout)] : []),
      ...(p.return_sequences ? [`${v('steps')} = []`] : []),
      `for ${v('t')} in ${steps(x!)}:`,
      ...[...step(x!, v('t')), ...(p.return_sequences ? [`${v('steps')}.append(${v('h')})`] : [])].map(
        (l) => `    ${l}`,
      ),
      p.return_sequences
        ? // Keras's go_backwards returns the steps in the order it read them.
          `${out} = torch.stack(${v('steps')}, 1)`
        : `${out} = ${v('h')}`,
    ],
    load: [],
    penalty: [],
  };
}

/** Weight loading for a cell whose Keras weights are `<prefix>kernel`, `…recurrent_kernel`, `…bias`. */
export function torchCellLoad(id: string, prefix: string, useBias: boolean): string[] {
  const get = (w: string) => `get(${pyString(`${prefix}${w}`)})`;
  return [
    `model.${id}_kernel.copy_(${get('kernel')})`,
    `model.${id}_recurrent_kernel.copy_(${get('recurrent_kernel')})`,
    ...(useBias ? [`model.${id}_bias.copy_(${get('bias')})`] : []),
  ];
}

/** The common wrong counts of a cell; `times` cells of it (Bidirectional: 2) for the worked-out ones. */
export function cellMistakes(type: CellType, context: MistakeContext<CellParams>, times = 1): Misreading[] {
  const { node, input } = context;
  if (!input || input.length !== 2) return [];
  const p = node.params;
  const c = cellCount(type, p, input[1]!);
  const one = (c.kernel + c.recurrent + c.bias) / c.gates;
  const answer = (n: number) => [n * times];
  return [
    ...biasMistake(context),
    ...(c.gates > 1 ? [{ answer: answer(one), mistakes: [msg('mistake.oneGate', { gates: c.gates })] }] : []),
    { answer: answer(c.kernel + c.bias), mistakes: [msg('mistake.forgotRecurrent')] },
    ...(type === 'GRU' && p.reset_after && p.use_bias
      ? [{ answer: answer(c.kernel + c.recurrent + c.bias / 2), mistakes: [msg('mistake.gruSecondBias')] }]
      : []),
  ];
}

function cell<const T extends CellType>(type: T, nameStem: string) {
  const schema = cellSchemas[type] as z.ZodType<CellParams>;
  return defineLayer({
    type,
    schema,
    inputs: 'one',
    keras: {
      classNames: [type, ...(type === 'LSTM' ? ['CuDNNLSTM'] : type === 'GRU' ? ['CuDNNGRU'] : [])],
      nameStem,
      read: (c) => readCell(type, c) as unknown as Record<string, unknown>,
      rankAfter: (p) => (p.return_sequences ? 2 : 1),
      write: ({ name, params }) => [{ className: type, name, args: cellArgs(type, params) }],
    },
    tfjs(calls) {
      const gap = cellTfjsGap(type, Object.fromEntries(calls[0]!.args.map((a) => [a.key, a.value])));
      return gap ? { ok: false, reason: 'setting', detail: gap } : { ok: true, calls };
    },
    palette: { group: 'sequence' },
    settings: cellSettings(type),
    rule: cellRule(type),
    keySettings: (p) => [
      f(p.units),
      ...(p.return_sequences ? [msg('key.sequences')] : []),
      ...(p.activation === 'tanh' ? [] : activationPart(p.activation)),
    ],
    torch: ({ id, node, inputShapes }, out) => ({
      ...torchCell(type, id, node.params, (inputShapes[0] as Shape)[1]!, out),
      load: torchCellLoad(id, `${node.name}/`, node.params.use_bias),
    }),
    mistakes: { params: (context) => cellMistakes(type, context) },
  });
}

export const simpleRnn = cell('SimpleRNN', 'simple_rnn');
export const lstm = cell('LSTM', 'lstm');
export const gru = cell('GRU', 'gru');

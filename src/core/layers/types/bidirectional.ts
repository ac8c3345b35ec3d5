/**
 * Bidirectional (keras/src/layers/rnn/bidirectional.py): one recurrent layer reading the sequence forwards
 * and a copy of it reading backwards, their outputs merged ('concat' side by side, or 'sum', 'mul', 'ave').
 * Twice the wrapped layer's weights.
 */
import { z } from 'zod';
import { UNKNOWN_RESULT, type LayerRule } from '../../analysis/rules/rule.ts';
import { sequenceInput } from '../../analysis/rules/sequence-input.ts';
import type { Shape } from '../../analysis/types.ts';
import { formatInt as f } from '../../format/number.ts';
import { msg } from '../../i18n/messages.ts';
import { SettingError, isObject, kerasArg, kerasConfig, pythonCall, readChoice, type Json } from '../keras-config.ts';
import { defineLayer } from '../layer-module.ts';
import { activationSchema } from '../params.ts';
import { setting } from '../settings-kinds.ts';
import {
  cellArgs,
  cellCount,
  cellFigures,
  cellMistakes,
  cellSettings,
  cellTfjsGap,
  checkCell,
  readCell,
  torchCell,
  torchCellLoad,
  type CellParams,
  type CellType,
} from './recurrent.ts';

const CELLS = ['LSTM', 'GRU', 'SimpleRNN'] as const;
const MERGE_MODES = ['concat', 'sum', 'mul', 'ave'] as const;

const schema = z.object({
  layer: z.enum(CELLS).default('LSTM'),
  merge_mode: z.enum(MERGE_MODES).default('concat'),
  units: z.number().default(32),
  activation: activationSchema.default('tanh'),
  recurrent_activation: activationSchema.default('sigmoid'),
  use_bias: z.boolean().default(true),
  unit_forget_bias: z.boolean().default(true),
  reset_after: z.boolean().default(true),
  return_sequences: z.boolean().default(false),
  go_backwards: z.boolean().default(false),
  dropout: z.number().default(0),
  recurrent_dropout: z.number().default(0),
});
type Params = z.infer<typeof schema>;

/** The wrapped cell's own settings (those of other cell types left out). */
function cellOf(p: Params): CellParams {
  const { layer, merge_mode: _merge, recurrent_activation, unit_forget_bias, reset_after, ...rest } = p;
  return {
    ...rest,
    ...(layer === 'SimpleRNN' ? {} : { recurrent_activation }),
    ...(layer === 'LSTM' ? { unit_forget_bias } : {}),
    ...(layer === 'GRU' ? { reset_after } : {}),
  };
}

const innerName = (p: Params) => p.layer.toLowerCase().replace('simplernn', 'simple_rnn');

const rule: LayerRule<Params> = {
  checkSettings: ({ params }, label, report) => checkCell(params, label, report),
  infer({ node, label, inputs, report }) {
    const sequence = sequenceInput(inputs[0]!, label, report);
    if (!sequence) return UNKNOWN_RESULT;
    const [steps, features] = sequence;
    const p = node.params;
    const one = cellFigures(p.layer, cellOf(p), steps, features);
    const units = p.merge_mode === 'concat' ? 2 * p.units : p.units;
    const total = 2 * one.total;
    return {
      outputShape: p.return_sequences ? [steps, units] : [units],
      params: { total, trainable: total, nonTrainable: 0 },
      macs: 2 * one.macs,
      receptiveField: null,
      explanations: {
        outputShape: [
          ...(p.return_sequences ? [{ rule: msg('explain.shape.everyStep'), formula: f(steps) }] : []),
          p.merge_mode === 'concat'
            ? { rule: msg('explain.shape.bidirectionalConcat'), formula: `2×${f(p.units)} = ${f(units)}` }
            : { rule: msg('explain.shape.bidirectionalMerged'), formula: f(units) },
        ],
        params: {
          rule: msg('explain.params.bidirectional', { cell: one.params.rule }),
          formula: `2×${one.params.formula.replace(/ = .*$/, '')} = ${f(total)}`,
        },
        receptiveField: { rule: msg('explain.rf.sequence'), formula: '—' },
        macs: { rule: msg('explain.macs.bidirectional'), formula: `2×${f(one.macs)} = ${f(2 * one.macs)}` },
      },
    };
  },
};

const MERGE_PY: Record<(typeof MERGE_MODES)[number], (a: string, b: string) => string> = {
  concat: (a, b) => `torch.cat([${a}, ${b}], -1)`,
  sum: (a, b) => `${a} + ${b}`,
  mul: (a, b) => `${a} * ${b}`,
  ave: (a, b) => `(${a} + ${b}) / 2`,
};

export const bidirectional = defineLayer({
  type: 'Bidirectional',
  schema,
  inputs: 'one',
  keras: {
    classNames: ['Bidirectional'],
    nameStem: 'bidirectional',
    read(c) {
      const inner = c.layer;
      if (!isObject(inner) || !isObject(inner.config)) throw new SettingError('layer', inner);
      const type = inner.class_name;
      if (typeof type !== 'string' || !(CELLS as readonly string[]).includes(type))
        throw new SettingError('layer', type);
      if (c.backward_layer !== undefined && c.backward_layer !== null)
        throw new SettingError('backward_layer', 'custom');
      const merge = c.merge_mode === undefined ? 'concat' : c.merge_mode;
      if (merge === null) throw new SettingError('merge_mode', null);
      return {
        layer: type,
        merge_mode: readChoice(c, 'merge_mode', MERGE_MODES),
        ...readCell(type as CellType, inner.config),
      };
    },
    rankAfter: (p) => (p.return_sequences ? 2 : 1),
    write({ name, params: p }) {
      const cell = { className: p.layer, name: innerName(p), args: cellArgs(p.layer, cellOf(p)) };
      const python = pythonCall(cell, false);
      return [
        {
          className: 'Bidirectional',
          name,
          args: [
            {
              key: 'layer',
              value: { class_name: p.layer, config: kerasConfig(cell) } as Json,
              python,
              positional: true,
            },
            kerasArg.text('merge_mode', p.merge_mode, 'concat'),
          ],
        },
      ];
    },
  },
  tfjs(calls) {
    const layer = calls[0]!.args[0]!.value as { class_name: CellType; config: Record<string, unknown> };
    const gap = cellTfjsGap(layer.class_name, layer.config);
    return gap ? { ok: false, reason: 'setting', detail: gap } : { ok: true, calls };
  },
  palette: { group: 'sequence' },
  settings: [
    setting.choice('layer', CELLS),
    setting.choice('merge_mode', MERGE_MODES),
    ...cellSettings('GRU').map((spec) =>
      spec.key === 'reset_after'
        ? { ...spec, onlyWhen: { key: 'layer', values: ['GRU'] } }
        : spec.key === 'recurrent_activation'
          ? { ...spec, onlyWhen: { key: 'layer', values: ['LSTM', 'GRU'] } }
          : spec,
    ),
  ],
  rule,
  keySettings: (p) => [
    `${p.layer} ${f(p.units)} ×2`,
    ...(p.return_sequences ? [msg('key.sequences')] : []),
    p.merge_mode,
  ],
  torch({ id, node, inputShapes }, out) {
    const p = node.params;
    const cell = cellOf(p);
    const features = (inputShapes[0] as Shape)[1]!;
    const forward = torchCell(p.layer, `${id}_forward`, cell, features, `${id}_fw`);
    const backward = torchCell(
      p.layer,
      `${id}_backward`,
      { ...cell, go_backwards: !cell.go_backwards },
      features,
      `${id}_bw`,
    );
    // Keras gives the backward layer's sequence back in the forward order.
    const back = p.return_sequences ? `${id}_bw.flip(1)` : `${id}_bw`;
    const inner = innerName(p);
    return {
      init: [...forward.init, ...backward.init],
      forward: ([x]) => [
        ...forward.forward([x!]),
        ...backward.forward([x!]),
        `${out} = ${MERGE_PY[p.merge_mode](`${id}_fw`, back)}`,
      ],
      load: [
        ...torchCellLoad(`${id}_forward`, `${node.name}/forward_${inner}/`, p.use_bias),
        ...torchCellLoad(`${id}_backward`, `${node.name}/backward_${inner}/`, p.use_bias),
      ],
      penalty: [],
    };
  },
  mistakes: {
    params(context) {
      const p = context.node.params;
      const input = context.input;
      if (!input || input.length !== 2) return [];
      const c = cellCount(p.layer, cellOf(p), input[1]!);
      return [
        { answer: [c.kernel + c.recurrent + c.bias], mistakes: [msg('mistake.bidirectionalOnce')] },
        ...cellMistakes(p.layer, { ...context, node: { ...context.node, params: cellOf(p) } }, 2),
      ];
    },
  },
});

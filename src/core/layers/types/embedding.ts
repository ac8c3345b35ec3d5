/**
 * Embedding (keras/src/layers/core/embedding.py): each whole number of the input (a word's index, from 0 to
 * input_dim − 1) is replaced by its own learned vector of output_dim numbers: input_dim × output_dim weights,
 * no bias. A sequence of 100 indices becomes 100 × output_dim.
 */
import { z } from 'zod';
import { NO_MACS_EXPLANATION } from '../../analysis/rules/no-weights.ts';
import { LIMITS, checkInt } from '../../analysis/rules/ranges.ts';
import { NO_OUTPUT, type LayerRule } from '../../analysis/rules/rule.ts';
import { pyString } from '../../export/python-text.ts';
import { formatInt as f, formatShape } from '../../format/number.ts';
import { msg } from '../../i18n/messages.ts';
import { kerasArg, readBool, readNumber } from '../keras-config.ts';
import { defineLayer } from '../layer-module.ts';
import { setting } from '../settings-kinds.ts';

const schema = z.object({
  input_dim: z.number().default(10_000),
  output_dim: z.number().default(64),
  /** Index 0 is padding: later layers that take a mask (RNNs) skip those steps. */
  mask_zero: z.boolean().default(false),
});

/** Up to 100 million words: a vocabulary larger than any course's. */
const VOCABULARY: readonly [number, number] = [1, 100_000_000];

const rule: LayerRule<z.infer<typeof schema>> = {
  checkSettings({ params: p }, label, report) {
    checkInt(report, label, 'input_dim', p.input_dim, VOCABULARY);
    checkInt(report, label, 'output_dim', p.output_dim, LIMITS.units);
  },
  infer({ node, label, inputs, report }) {
    const { input_dim: words, output_dim: size } = node.params;
    const input = inputs[0]!;
    if (input.length !== 1) {
      report('error', msg('diag.needsIndices', { layer: label, shape: formatShape(input) }));
      return NO_OUTPUT;
    }
    const total = words * size;
    return {
      outputShape: [input[0]!, size],
      params: { total, trainable: total, nonTrainable: 0 },
      macs: 0,
      receptiveField: null,
      explanations: {
        outputShape: [
          { rule: msg('explain.shape.embeddingSteps'), formula: f(input[0]!) },
          { rule: msg('explain.shape.embedding'), formula: f(size) },
        ],
        params: { rule: msg('explain.params.embedding'), formula: `${f(words)}×${f(size)} = ${f(total)}` },
        receptiveField: { rule: msg('explain.rf.steps'), formula: '—' },
        macs: NO_MACS_EXPLANATION,
      },
    };
  },
};

export const embedding = defineLayer({
  type: 'Embedding',
  schema,
  inputs: 'one',
  keras: {
    classNames: ['Embedding'],
    nameStem: 'embedding',
    read: (c) => ({
      input_dim: readNumber(c, 'input_dim'),
      output_dim: readNumber(c, 'output_dim'),
      mask_zero: readBool(c, 'mask_zero', false),
    }),
    rankAfter: (_p, rank) => (rank === undefined ? undefined : rank + 1),
    write: ({ name, params: p }) => [
      {
        className: 'Embedding',
        name,
        args: [
          kerasArg.int('input_dim', p.input_dim),
          kerasArg.int('output_dim', p.output_dim),
          kerasArg.bool('mask_zero', p.mask_zero, false),
        ],
      },
    ],
  },
  palette: { group: 'sequence' },
  settings: [
    setting.int('input_dim', VOCABULARY),
    setting.int('output_dim', LIMITS.units),
    setting.of('mask_zero', 'bool'),
  ],
  rule,
  keySettings: (p) => [`${f(p.input_dim)} → ${f(p.output_dim)}`, ...(p.mask_zero ? [msg('key.maskZero')] : [])],
  torch: ({ id, node, say }, out) => ({
    init: [
      `self.${id} = nn.Embedding(${node.params.input_dim}, ${node.params.output_dim})`,
      ...(node.params.mask_zero ? [`# ${say(msg('script.maskZero'))}`] : []),
    ],
    forward: ([x]) => [`${out} = self.${id}(${x}.long())`],
    load: [`model.${id}.weight.copy_(get(${pyString(`${node.name}/embeddings`)}))`],
    penalty: [],
  }),
  mistakes: {
    params: ({ node }) => [
      {
        answer: [node.params.input_dim * node.params.output_dim + node.params.output_dim],
        mistakes: [msg('mistake.embeddingBias')],
      },
    ],
  },
});

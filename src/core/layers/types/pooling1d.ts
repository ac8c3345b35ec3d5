/**
 * MaxPooling1D and AveragePooling1D (keras/src/layers/pooling/): the largest or the mean value of each
 * window of time steps, per feature. Strides default to the pool size; no weights.
 */
import { z } from 'zod';
import { NO_MACS_EXPLANATION, NO_PARAMS_EXPLANATION } from '../../analysis/rules/no-weights.ts';
import { LIMITS, checkInt } from '../../analysis/rules/ranges.ts';
import { NO_OUTPUT, NO_PARAMS, type LayerRule } from '../../analysis/rules/rule.ts';
import { sequenceInput } from '../../analysis/rules/sequence-input.ts';
import { NO_CODE } from '../../export/torch-parts.ts';
import { formatInt as f } from '../../format/number.ts';
import { msg } from '../../i18n/messages.ts';
import { strideText } from '../key-setting-parts.ts';
import { kerasArg, readChoice, readOne } from '../keras-config.ts';
import { defineLayer } from '../layer-module.ts';
import { setting } from '../settings-kinds.ts';
import { stepsOutput, stepsPads } from './conv1d.ts';

const PADDINGS = ['valid', 'same'] as const;

const schema = z.object({
  pool_size: z.number().default(2),
  /** null: the pool size, as in Keras. */
  strides: z.number().nullable().default(null),
  padding: z.enum(PADDINGS).default('valid'),
});
type Params = z.infer<typeof schema>;

const window = (p: Params) => ({
  kernel_size: p.pool_size,
  strides: p.strides ?? p.pool_size,
  dilation_rate: 1,
  padding: p.padding,
});

const rule: LayerRule<Params> = {
  checkSettings({ params: p }, label, report) {
    checkInt(report, label, 'pool_size', p.pool_size, LIMITS.kernel);
    if (p.strides !== null) checkInt(report, label, 'strides', p.strides, LIMITS.stride);
  },
  infer({ node, label, inputs, report }) {
    const sequence = sequenceInput(inputs[0]!, label, report);
    if (!sequence) return NO_OUTPUT;
    const [n, c] = sequence;
    const steps = stepsOutput(n, window(node.params), true, label, report);
    return {
      outputShape: steps.size === null ? null : [steps.size, c],
      params: NO_PARAMS,
      macs: 0,
      receptiveField: null,
      explanations: {
        outputShape: [steps.explanation, { rule: msg('explain.shape.unchanged'), formula: f(c) }],
        params: NO_PARAMS_EXPLANATION,
        receptiveField: { rule: msg('explain.rf.steps'), formula: '—' },
        macs: NO_MACS_EXPLANATION,
      },
    };
  },
};

function pooling1d<const T extends string>(type: T, alias: string, nameStem: string, max: boolean) {
  return defineLayer({
    type,
    schema,
    inputs: 'one',
    keras: {
      classNames: [type, alias],
      nameStem,
      read: (c) => ({
        pool_size: readOne(c, 'pool_size', 2),
        strides: c.strides === null || c.strides === undefined ? null : readOne(c, 'strides'),
        padding: readChoice(c, 'padding', PADDINGS),
      }),
      write: ({ name, params: p }) => [
        {
          className: type,
          name,
          args: [
            kerasArg.int('pool_size', p.pool_size, 2),
            p.strides === null ? kerasArg.raw('strides', null, null) : kerasArg.int('strides', p.strides),
            kerasArg.text('padding', p.padding, 'valid'),
          ],
        },
      ],
    },
    palette: { group: 'sequence' },
    settings: [
      setting.int('pool_size', LIMITS.kernel),
      setting.of('strides', 'optionalInt'),
      setting.choice('padding', PADDINGS),
    ],
    rule,
    keySettings: (p) => [
      f(p.pool_size),
      strideText(p.strides ?? p.pool_size),
      ...(p.padding === 'same' ? ['same'] : []),
    ],
    torch: ({ node, inputShapes }, out) => {
      const w = window(node.params);
      const [before, after] = stepsPads(inputShapes[0]![0]!, w);
      const args = `${w.kernel_size}, ${w.strides}`;
      const pad = (x: string, value = '') => (before + after > 0 ? `F.pad(${x}, (${before}, ${after})${value})` : x);
      return {
        ...NO_CODE,
        // TensorFlow's padding never wins a max and never counts in a mean.
        forward: ([x]) => [
          max
            ? `${out} = F.max_pool1d(${pad(`${x}.transpose(1, 2)`, ', value=float("-inf")')}, ${args}).transpose(1, 2)`
            : before + after > 0
              ? `${out} = (F.avg_pool1d(${pad(`${x}.transpose(1, 2)`)}, ${args}) / F.avg_pool1d(${pad(`torch.ones_like(${x}[:, :, :1]).transpose(1, 2)`)}, ${args})).transpose(1, 2)`
              : `${out} = F.avg_pool1d(${x}.transpose(1, 2), ${args}).transpose(1, 2)`,
        ],
      };
    },
  });
}

export const maxPooling1d = pooling1d('MaxPooling1D', 'MaxPool1D', 'max_pooling1d', true);
export const averagePooling1d = pooling1d('AveragePooling1D', 'AvgPool1D', 'average_pooling1d', false);

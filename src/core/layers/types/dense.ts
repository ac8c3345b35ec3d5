/**
 * Dense (keras/src/layers/core/dense.py). On a tensor of rank > 1 Keras applies it to the last axis only,
 * so every position gets its own outputs with shared weights.
 */
import { z } from 'zod';
import { LIMITS, checkInt, checkPenalty } from '../../analysis/rules/ranges.ts';
import { keepField } from '../../analysis/rules/receptive-field.ts';
import type { LayerRule } from '../../analysis/rules/rule.ts';
import { pyBool } from '../../export/python-text.ts';
import { isImage, kernelAndBiasLoad, penaltyTerms, torchActivation } from '../../export/torch-parts.ts';
import { formatInt as f, formatShape } from '../../format/number.ts';
import { msg } from '../../i18n/messages.ts';
import { kerasArg, readActivation, readBool, readNumber, readPenalties } from '../keras-config.ts';
import { activationPart } from '../key-setting-parts.ts';
import { weightedLayerMistakes, type Misreading } from '../../exercise/misreading.ts';
import { defineLayer } from '../layer-module.ts';
import { activationSchema } from '../params.ts';
import { advanced, setting } from '../settings-kinds.ts';
import { fusedActivationForTfjs } from '../tfjs-gaps.ts';

const num = z.number();

const schema = z.object({
  units: num.default(10),
  activation: activationSchema.default('linear'),
  use_bias: z.boolean().default(true),
  kernel_l1: num.default(0),
  kernel_l2: num.default(0),
});

const rule: LayerRule<z.infer<typeof schema>> = {
  checkSettings({ params }, label, report) {
    checkInt(report, label, 'units', params.units, LIMITS.units);
    checkPenalty(report, label, 'kernel_l1', params.kernel_l1);
    checkPenalty(report, label, 'kernel_l2', params.kernel_l2);
  },
  infer({ node, label, inputs, inputFields, report }) {
    const { units, use_bias: bias } = node.params;
    const input = inputs[0]!;
    const features = input[input.length - 1]!;
    const positions = input.slice(0, -1).reduce((a, b) => a * b, 1);
    if (input.length > 1) {
      report(
        'warning',
        msg('warn.denseNotFlat', {
          layer: label,
          shape: formatShape(input),
          units,
        }),
      );
    }
    const total = features * units + (bias ? units : 0);
    const macs = positions * features * units;
    const rf = input.length > 1 ? keepField(inputFields[0] ?? null) : { field: null, explanation: null };
    const where = input.length > 1 ? `${input.slice(0, -1).map(f).join('×')}×` : '';
    return {
      outputShape: [...input.slice(0, -1), units],
      params: { total, trainable: total, nonTrainable: 0 },
      macs,
      receptiveField: rf.field,
      explanations: {
        outputShape: [{ rule: msg('explain.shape.dense'), formula: f(units) }],
        params: bias
          ? {
              rule: msg('explain.params.dense'),
              formula: `(${f(features)}+1)×${f(units)} = ${f(total)}`,
            }
          : {
              rule: msg('explain.params.denseNoBias'),
              formula: `${f(features)}×${f(units)} = ${f(total)}`,
            },
        receptiveField: rf.explanation,
        macs: {
          rule: msg('explain.macs.dense'),
          formula: `${where}${f(features)}×${f(units)} = ${f(macs)}`,
        },
      },
    };
  },
};

export const dense = defineLayer({
  type: 'Dense',
  schema,
  inputs: 'one',
  keras: {
    classNames: ['Dense'],
    nameStem: 'dense',
    read: (c) => ({
      units: readNumber(c, 'units'),
      activation: readActivation(c),
      use_bias: readBool(c, 'use_bias', true),
      ...readPenalties(c),
    }),
    write: ({ name, params: p }) => [
      {
        className: 'Dense',
        name,
        args: [
          kerasArg.int('units', p.units),
          kerasArg.text('activation', p.activation, 'linear'),
          kerasArg.bool('use_bias', p.use_bias, true),
          kerasArg.regularizer(p.kernel_l1, p.kernel_l2),
        ],
      },
    ],
  },
  tfjs: fusedActivationForTfjs,
  palette: { group: 'core', start: { activation: 'relu' } },
  settings: [
    setting.int('units', LIMITS.units),
    setting.of('activation', 'activation'),
    setting.of('use_bias', 'bool'),
    advanced(setting.of('kernel_l1', 'number')),
    advanced(setting.of('kernel_l2', 'number')),
  ],
  rule,
  keySettings: (p) => [f(p.units), ...activationPart(p.activation)],
  torch({ id, node, inputShapes, outputShape }, out) {
    const p = node.params;
    const input = inputShapes[0]!;
    const dense = (x: string) =>
      isImage(input) ? `self.${id}(${x}.permute(0, 2, 3, 1)).permute(0, 3, 1, 2)` : `self.${id}(${x})`;
    return {
      init: [`self.${id} = nn.Linear(${input.at(-1)}, ${p.units}, bias=${pyBool(p.use_bias)})`],
      forward: ([x]) => [`${out} = ${torchActivation(p.activation, dense(x!), outputShape)}`],
      load: kernelAndBiasLoad(id, node.name, '.T', p.use_bias),
      penalty: penaltyTerms(id, p.kernel_l1, p.kernel_l2),
    };
  },
  activation: (p) => p.activation,
  linearWeighted: true,
  mistakes: {
    params(context) {
      const { node, input } = context;
      if (!input) return [];
      const units = node.params.units;
      const features = input[input.length - 1]!;
      const flattenedFrom = context.flattenedFrom();
      // After a Flatten: counting the image's channels only, not every value Flatten lined up.
      const onlyChannels = (): Misreading[] =>
        flattenedFrom
          ? [
              {
                answer: [(flattenedFrom[2]! + 1) * units],
                mistakes: [msg('mistake.denseOnlyChannels', { features: f(features), channels: f(flattenedFrom[2]!) })],
              },
            ]
          : [];
      return weightedLayerMistakes(context, 1, features, units, { after: onlyChannels });
    },
  },
});

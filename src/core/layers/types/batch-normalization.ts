/**
 * BatchNormalization over the last axis (keras/src/layers/normalization/batch_normalization.py).
 * Keras counts 4 × channels: gamma and beta are trainable, moving_mean and moving_variance are not.
 */
import { z } from 'zod';
import { unchangedShape } from '../../analysis/rules/passthrough.ts';
import type { LayerRule } from '../../analysis/rules/rule.ts';
import { pyBool, pyNumber, pyString } from '../../export/python-text.ts';
import { isImage } from '../../export/torch-parts.ts';
import { formatInt as f } from '../../format/number.ts';
import { msg } from '../../i18n/messages.ts';
import { kerasArg, readBool, readLastAxis, readNumber } from '../keras-config.ts';
import { defineLayer, type LayerCode } from '../layer-module.ts';
import { advanced, setting } from '../settings-kinds.ts';

const num = z.number();

const schema = z.object({
  center: z.boolean().default(true),
  scale: z.boolean().default(true),
  momentum: num.default(0.99),
  epsilon: num.default(0.001),
});

const rule: LayerRule<z.infer<typeof schema>> = {
  checkSettings() {},
  infer({ node, inputs, inputFields }) {
    const input = inputs[0]!;
    const channels = input[input.length - 1]!;
    const perChannel = (node.params.scale ? 1 : 0) + (node.params.center ? 1 : 0);
    const trainable = perChannel * channels;
    const nonTrainable = 2 * channels;
    const total = trainable + nonTrainable;
    const base = unchangedShape(input, inputFields[0] ?? null);
    return {
      ...base,
      params: { total, trainable, nonTrainable },
      explanations: {
        ...base.explanations!,
        params: {
          rule: msg('explain.params.batchNorm'),
          formula: `${perChannel + 2}×${f(channels)} = ${f(total)} (${f(trainable)} + ${f(nonTrainable)})`,
        },
      },
    };
  },
};

export const batchNormalization = defineLayer({
  type: 'BatchNormalization',
  schema,
  inputs: 'one',
  keras: {
    classNames: ['BatchNormalization'],
    nameStem: 'batch_normalization',
    read(c, { rank }) {
      readLastAxis(c, rank);
      return {
        center: readBool(c, 'center', true),
        scale: readBool(c, 'scale', true),
        momentum: readNumber(c, 'momentum', 0.99),
        epsilon: readNumber(c, 'epsilon', 0.001),
      };
    },
    write: ({ name, params: p }) => [
      {
        className: 'BatchNormalization',
        name,
        args: [
          kerasArg.raw('axis', -1, null),
          kerasArg.float('momentum', p.momentum, 0.99),
          kerasArg.float('epsilon', p.epsilon, 0.001),
          kerasArg.bool('center', p.center, true),
          kerasArg.bool('scale', p.scale, true),
        ],
      },
    ],
  },
  palette: { group: 'normalization' },
  frozenRunsAsInference: true,
  mistakes: {
    params({ result, input }) {
      if (!result.params || !input) return [];
      const total = result.params.total;
      // γ and β: what is left without the moving statistics (frozen or not, the same count).
      const learned = total - 2 * input.at(-1)!;
      const positions = input.slice(0, -1).reduce((a, b) => a * b, 1);
      return [
        { answer: [learned], mistakes: [msg('mistake.batchNormMovingStats')] },
        { answer: [total * positions], mistakes: [msg('mistake.batchNormPerPosition')] },
        {
          answer: [learned * positions],
          mistakes: [msg('mistake.batchNormMovingStats'), msg('mistake.batchNormPerPosition')],
        },
      ];
    },
  },
  settings: [
    setting.of('center', 'bool'),
    setting.of('scale', 'bool'),
    advanced(setting.of('momentum', 'number')),
    advanced(setting.of('epsilon', 'number')),
  ],
  rule,
  keySettings: () => [],
  torch({ id, node, inputShapes }, out): LayerCode {
    const p = node.params;
    const input = inputShapes[0]!;
    const key = (weight: string) => pyString(`${node.name}/${weight}`);
    const features = isImage(input) ? input[2]! : input.at(-1)!;
    const module = isImage(input) ? 'nn.BatchNorm2d' : 'nn.BatchNorm1d';
    const both = p.center && p.scale;
    const view = isImage(input) ? '.view(1, -1, 1, 1)' : '';
    // PyTorch's momentum weighs the new batch; Keras's weighs the running average.
    const init = [
      `self.${id} = ${module}(${features}, eps=${pyNumber(p.epsilon, true)}, momentum=${pyNumber(Number((1 - p.momentum).toPrecision(12)), true)}, affine=${pyBool(both)})`,
      ...(!both && p.scale ? [`self.${id}_gamma = nn.Parameter(torch.ones(${features}))`] : []),
      ...(!both && p.center ? [`self.${id}_beta = nn.Parameter(torch.zeros(${features}))`] : []),
    ];
    const gamma = both ? `model.${id}.weight` : `model.${id}_gamma`;
    const beta = both ? `model.${id}.bias` : `model.${id}_beta`;
    return {
      init,
      forward: ([x]) => [
        `${out} = self.${id}(${x})`,
        ...(!both && p.scale ? [`${out} = ${out} * self.${id}_gamma${view}`] : []),
        ...(!both && p.center ? [`${out} = ${out} + self.${id}_beta${view}`] : []),
      ],
      load: [
        ...(p.scale ? [`${gamma}.copy_(get(${key('gamma')}))`] : []),
        ...(p.center ? [`${beta}.copy_(get(${key('beta')}))`] : []),
        `model.${id}.running_mean.copy_(get(${key('moving_mean')}))`,
        `model.${id}.running_var.copy_(get(${key('moving_variance')}))`,
      ],
      penalty: [],
    };
  },
});

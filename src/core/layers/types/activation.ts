/**
 * Activation (keras/src/layers/activations/activation.py): a function applied to every value. (LeakyReLU,
 * ELU, Softmax and PReLU are layers of their own: activation-layers.ts.)
 */
import { z } from 'zod';
import { unchangedShape } from '../../analysis/rules/passthrough.ts';
import { torchActivation } from '../../export/torch-parts.ts';
import { kerasArg, readActivation } from '../keras-config.ts';
import { activationLabel } from '../key-setting-parts.ts';
import { defineLayer } from '../layer-module.ts';
import { activationSchema } from '../params.ts';
import { setting } from '../settings-kinds.ts';
import { activationLayerForTfjs } from '../tfjs-gaps.ts';

const schema = z.object({
  activation: activationSchema.default('relu'),
});

export const activation = defineLayer({
  type: 'Activation',
  schema,
  inputs: 'one',
  keras: {
    classNames: ['Activation'],
    nameStem: 'activation',
    read: (c) => ({ activation: readActivation(c, 'activation', 'linear') }),
    write: ({ name, params }) => [
      {
        className: 'Activation',
        name,
        args: [{ ...kerasArg.text('activation', params.activation), positional: true }],
      },
    ],
  },
  tfjs: activationLayerForTfjs,
  palette: { group: 'activation' },
  settings: [setting.of('activation', 'activation')],
  rule: {
    checkSettings() {},
    infer: ({ inputs, inputFields }) => unchangedShape(inputs[0]!, inputFields[0] ?? null),
  },
  keySettings: (p) => [activationLabel(p.activation)],
  torch: ({ node, outputShape }, out) => ({
    init: [],
    forward: ([x]) => [`${out} = ${torchActivation(node.params.activation, x!, outputShape)}`],
    load: [],
    penalty: [],
  }),
  activation: (p) => p.activation,
});

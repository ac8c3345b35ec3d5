/**
 * Activation (keras/src/layers/activations/activation.py): a function applied to every value. Keras's
 * LeakyReLU, ELU and Softmax layers are read as an Activation with that function.
 */
import { z } from 'zod';
import { unchangedShape } from '../../analysis/rules/passthrough.ts';
import { torchActivation } from '../../export/torch-parts.ts';
import { kerasArg, ownEntry, readActivation } from '../keras-config.ts';
import { activationLabel } from '../key-setting-parts.ts';
import { defineLayer } from '../layer-module.ts';
import { activationSchema, type ActivationName } from '../params.ts';
import { setting } from '../settings-kinds.ts';
import { activationLayerForTfjs } from '../tfjs-gaps.ts';

const schema = z.object({
  activation: activationSchema.default('relu'),
});

/** Keras's activation layers read as an Activation with their function. */
const ACTIVATION_LAYERS: Record<string, ActivationName> = {
  LeakyReLU: 'leaky_relu',
  ELU: 'elu',
  Softmax: 'softmax',
};

export const activation = defineLayer({
  type: 'Activation',
  schema,
  inputs: 'one',
  keras: {
    classNames: ['Activation', ...Object.keys(ACTIVATION_LAYERS)],
    nameStem: 'activation',
    read: (c, { className }) => ({
      activation: ownEntry(ACTIVATION_LAYERS, className) ?? readActivation(c, 'activation', 'linear'),
    }),
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

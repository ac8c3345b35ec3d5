/**
 * Regularisation layers that only act while training and pass values through when predicting
 * (keras/src/layers/regularization/): SpatialDropout1D and 2D drop whole features or channels rather than
 * single values; GaussianNoise adds noise of standard deviation `stddev`; GaussianDropout multiplies by
 * noise of mean 1 and variance rate / (1 − rate); AlphaDropout keeps SELU networks' mean and variance.
 * No weights; the shape stays.
 */
import { z } from 'zod';
import { imageInput } from '../../analysis/rules/image-input.ts';
import { unchangedShape } from '../../analysis/rules/passthrough.ts';
import { NO_OUTPUT, type LayerRule } from '../../analysis/rules/rule.ts';
import { sequenceInput } from '../../analysis/rules/sequence-input.ts';
import { pyNumber } from '../../export/python-text.ts';
import { NO_CODE } from '../../export/torch-parts.ts';
import { formatNumber } from '../../format/number.ts';
import { msg } from '../../i18n/messages.ts';
import { kerasArg, readNumber } from '../keras-config.ts';
import { defineLayer, type LayerCode } from '../layer-module.ts';
import { setting } from '../settings-kinds.ts';

type Key = 'rate' | 'stddev';

/** A layer with one setting, `rate` (0 to below 1) or `stddev` (0 or more). */
function noiseRule(key: Key, needs: 'image' | 'sequence' | null): LayerRule<Record<Key, number>> {
  return {
    checkSettings({ params }, label, report) {
      const value = params[key];
      const ok = Number.isFinite(value) && value >= 0 && (key === 'stddev' || value < 1);
      if (!ok) {
        report(
          'error',
          key === 'rate'
            ? msg('diag.dropoutRate', { layer: label, value: formatNumber(value) })
            : msg('diag.notNegative', { layer: label, setting: key, value: formatNumber(value) }),
        );
      }
    },
    infer({ label, inputs, inputFields, report }) {
      const input = inputs[0]!;
      if (needs === 'image' && !imageInput(input, label, report)) return NO_OUTPUT;
      if (needs === 'sequence' && !sequenceInput(input, label, report)) return NO_OUTPUT;
      return unchangedShape(input, inputFields[0] ?? null);
    },
  };
}

function noiseLayer<const T extends string>(
  type: T,
  nameStem: string,
  key: Key,
  fallback: number,
  needs: 'image' | 'sequence' | null,
  torch: (value: string, out: string, id: string) => LayerCode,
) {
  const schema = z.object({ [key]: z.number().default(fallback) }) as unknown as z.ZodType<Record<Key, number>>;
  return defineLayer({
    type,
    schema,
    inputs: 'one',
    keras: {
      classNames: [type],
      nameStem,
      read: (c) => ({ [key]: readNumber(c, key, fallback) }),
      write: ({ name, params }) => [{ className: type, name, args: [kerasArg.float(key, params[key])] }],
    },
    palette: { group: 'core' },
    settings: [setting.of(key, key === 'rate' ? 'rate' : 'number')],
    rule: noiseRule(key, needs),
    keySettings: (p) => [formatNumber(p[key])],
    torch: ({ id, node }, out) => torch(pyNumber(node.params[key], true), out, id),
  });
}

const training = (out: string, x: string, expression: string): string[] => [
  `${out} = ${expression} if self.training else ${x}`,
];

export const spatialDropout1d = noiseLayer(
  'SpatialDropout1D',
  'spatial_dropout1d',
  'rate',
  0.5,
  'sequence',
  (rate, out, id) => ({
    ...NO_CODE,
    init: [`self.${id} = nn.Dropout1d(${rate})`],
    // Sequences are (N, steps, features): one feature is dropped at every step.
    forward: ([x]) => [`${out} = self.${id}(${x}.transpose(1, 2)).transpose(1, 2)`],
  }),
);

export const spatialDropout2d = noiseLayer(
  'SpatialDropout2D',
  'spatial_dropout2d',
  'rate',
  0.5,
  'image',
  (rate, out, id) => ({
    ...NO_CODE,
    init: [`self.${id} = nn.Dropout2d(${rate})`],
    forward: ([x]) => [`${out} = self.${id}(${x})`],
  }),
);

export const gaussianNoise = noiseLayer('GaussianNoise', 'gaussian_noise', 'stddev', 0.1, null, (stddev, out) => ({
  ...NO_CODE,
  forward: ([x]) => training(out, x!, `${x} + torch.randn_like(${x}) * ${stddev}`),
}));

export const gaussianDropout = noiseLayer('GaussianDropout', 'gaussian_dropout', 'rate', 0.5, null, (rate, out) => ({
  ...NO_CODE,
  forward: ([x]) => training(out, x!, `${x} * (1 + torch.randn_like(${x}) * (${rate} / (1 - ${rate})) ** 0.5)`),
}));

export const alphaDropout = noiseLayer('AlphaDropout', 'alpha_dropout', 'rate', 0.5, null, (rate, out, id) => ({
  ...NO_CODE,
  init: [`self.${id} = nn.AlphaDropout(${rate})`],
  forward: ([x]) => [`${out} = self.${id}(${x})`],
}));

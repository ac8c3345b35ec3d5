/**
 * LayerNormalization over the last axis (keras/src/layers/normalization/layer_normalization.py): each
 * sample's features (an image's channels at each pixel) normalised to mean 0 and variance 1, then scaled
 * by γ and shifted by β — 2 × features weights, all trainable (nothing moving, unlike BatchNormalization).
 */
import { z } from 'zod';
import { unchangedShape } from '../../analysis/rules/passthrough.ts';
import type { LayerRule } from '../../analysis/rules/rule.ts';
import { pyNumber, pyString } from '../../export/python-text.ts';
import { isImage } from '../../export/torch-parts.ts';
import { formatInt as f } from '../../format/number.ts';
import { msg } from '../../i18n/messages.ts';
import { known } from '../../exercise/misreading.ts';
import { kerasArg, readBool, readLastAxis, readNumber } from '../keras-config.ts';
import { defineLayer } from '../layer-module.ts';
import { advanced, setting } from '../settings-kinds.ts';

const schema = z.object({
  epsilon: z.number().default(0.001),
  center: z.boolean().default(true),
  scale: z.boolean().default(true),
});

const rule: LayerRule<z.infer<typeof schema>> = {
  checkSettings({ params }, label, report) {
    if (!(Number.isFinite(params.epsilon) && params.epsilon > 0)) {
      report('error', msg('diag.notNegative', { layer: label, setting: 'epsilon', value: String(params.epsilon) }));
    }
  },
  infer({ node, inputs, inputFields }) {
    const input = inputs[0]!;
    const features = input.at(-1)!;
    const each = (node.params.scale ? 1 : 0) + (node.params.center ? 1 : 0);
    const total = each * features;
    const base = unchangedShape(input, inputFields[0] ?? null);
    return {
      ...base,
      params: { total, trainable: total, nonTrainable: 0 },
      explanations: {
        ...base.explanations!,
        params: { rule: msg('explain.params.layerNorm'), formula: `${each}×${f(features)} = ${f(total)}` },
      },
    };
  },
};

export const layerNormalization = defineLayer({
  type: 'LayerNormalization',
  schema,
  inputs: 'one',
  keras: {
    classNames: ['LayerNormalization'],
    nameStem: 'layer_normalization',
    read(c, { rank }) {
      readLastAxis(c, rank);
      return {
        epsilon: readNumber(c, 'epsilon', 0.001),
        center: readBool(c, 'center', true),
        scale: readBool(c, 'scale', true),
      };
    },
    write: ({ name, params: p }) => [
      {
        className: 'LayerNormalization',
        name,
        args: [
          kerasArg.float('epsilon', p.epsilon, 0.001),
          kerasArg.bool('center', p.center, true),
          kerasArg.bool('scale', p.scale, true),
        ],
      },
    ],
  },
  palette: { group: 'normalization' },
  settings: [advanced(setting.of('epsilon', 'number')), setting.of('center', 'bool'), setting.of('scale', 'bool')],
  rule,
  keySettings: () => [],
  torch({ id, node, inputShapes }, out) {
    const p = node.params;
    const input = inputShapes[0]!;
    const features = input.at(-1)!;
    const key = (w: string) => pyString(`${node.name}/${w}`);
    // Over the last Keras axis: an image (N, C, H, W) goes channels last for it and back.
    const channelsLast = (x: string) => (isImage(input) ? `${x}.permute(0, 2, 3, 1)` : x);
    const back = (x: string) => (isImage(input) ? `(${x}).permute(0, 3, 1, 2)` : x);
    const normed = (x: string) =>
      `F.layer_norm(${channelsLast(x)}, (${features},), eps=${pyNumber(p.epsilon, true)})` +
      (p.scale ? ` * self.${id}_gamma` : '') +
      (p.center ? ` + self.${id}_beta` : '');
    return {
      init: [
        ...(p.scale ? [`self.${id}_gamma = nn.Parameter(torch.ones(${features}))`] : []),
        ...(p.center ? [`self.${id}_beta = nn.Parameter(torch.zeros(${features}))`] : []),
      ],
      forward: ([x]) => [`${out} = ${back(normed(x!))}`],
      load: [
        ...(p.scale ? [`model.${id}_gamma.copy_(get(${key('gamma')}))`] : []),
        ...(p.center ? [`model.${id}_beta.copy_(get(${key('beta')}))`] : []),
      ],
      penalty: [],
    };
  },
  mistakes: {
    params: ({ misread }) => [
      ...known(misread('params', { center: false }), [msg('mistake.layerNormTwo')]),
      { answer: (a) => a.length === 1 && a[0] === 0, mistakes: [msg('mistake.layerNormTwo')] },
    ],
  },
});

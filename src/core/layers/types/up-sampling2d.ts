/**
 * UpSampling2D (keras/src/layers/reshaping/up_sampling2d.py): each pixel repeated `size` times along height
 * and width ('nearest'), or the map resized smoothly ('bilinear'). No weights.
 * TensorFlow.js resizes bilinearly without Keras's half-pixel centres, so a bilinear layer trained here
 * computes slightly different in-between values from Keras's; 'nearest' is the same everywhere.
 */
import { z } from 'zod';
import { imageInput } from '../../analysis/rules/image-input.ts';
import { NO_MACS_EXPLANATION, NO_PARAMS_EXPLANATION } from '../../analysis/rules/no-weights.ts';
import { LIMITS, checkPair } from '../../analysis/rules/ranges.ts';
import { NO_OUTPUT, NO_PARAMS, type LayerRule } from '../../analysis/rules/rule.ts';
import { pyString, pyTuple } from '../../export/python-text.ts';
import { NO_CODE } from '../../export/torch-parts.ts';
import { formatInt as f } from '../../format/number.ts';
import { msg } from '../../i18n/messages.ts';
import { kerasArg, readChoice, readPair } from '../keras-config.ts';
import { pairText } from '../key-setting-parts.ts';
import { defineLayer } from '../layer-module.ts';
import { pairSchema } from '../params.ts';
import { setting } from '../settings-kinds.ts';

const INTERPOLATIONS = ['nearest', 'bilinear'] as const;

const schema = z.object({
  size: pairSchema.default([2, 2]),
  interpolation: z.enum(INTERPOLATIONS).default('nearest'),
});

const rule: LayerRule<z.infer<typeof schema>> = {
  checkSettings({ params: p }, label, report) {
    checkPair(report, label, 'size', p.size, LIMITS.stride);
  },
  infer({ node, label, inputs, report }) {
    const image = imageInput(inputs[0]!, label, report);
    if (!image) return NO_OUTPUT;
    const [h, w, c] = image;
    const [sh, sw] = node.params.size;
    return {
      outputShape: [h * sh, w * sw, c],
      params: NO_PARAMS,
      macs: 0,
      receptiveField: null,
      explanations: {
        outputShape: [
          { rule: msg('explain.shape.upsample', { axis: 'height' }), formula: `${f(h)}×${f(sh)} = ${f(h * sh)}` },
          { rule: msg('explain.shape.upsample', { axis: 'width' }), formula: `${f(w)}×${f(sw)} = ${f(w * sw)}` },
          { rule: msg('explain.shape.unchanged'), formula: f(c) },
        ],
        params: NO_PARAMS_EXPLANATION,
        receptiveField: { rule: msg('explain.rf.enlarged'), formula: '—' },
        macs: NO_MACS_EXPLANATION,
      },
    };
  },
};

export const upSampling2d = defineLayer({
  type: 'UpSampling2D',
  schema,
  inputs: 'one',
  keras: {
    classNames: ['UpSampling2D'],
    nameStem: 'up_sampling2d',
    read: (c) => ({ size: readPair(c, 'size', [2, 2]), interpolation: readChoice(c, 'interpolation', INTERPOLATIONS) }),
    write: ({ name, params: p }) => [
      {
        className: 'UpSampling2D',
        name,
        args: [kerasArg.tuple('size', p.size, [2, 2]), kerasArg.text('interpolation', p.interpolation, 'nearest')],
      },
    ],
  },
  palette: { group: 'reshaping' },
  settings: [setting.pair('size', LIMITS.stride), setting.choice('interpolation', INTERPOLATIONS)],
  rule,
  keySettings: (p) => [`×${pairText(p.size)}`, ...(p.interpolation === 'nearest' ? [] : [p.interpolation])],
  torch: ({ node }, out) => ({
    ...NO_CODE,
    forward: ([x]) => [
      node.params.interpolation === 'nearest'
        ? `${out} = F.interpolate(${x}, scale_factor=${pyTuple(node.params.size)}, mode="nearest")`
        : `${out} = F.interpolate(${x}, scale_factor=${pyTuple(node.params.size)}, mode=${pyString('bilinear')}, align_corners=False)`,
    ],
  }),
});

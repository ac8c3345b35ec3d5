/** Cropping2D (keras/src/layers/reshaping/cropping2d.py): rows and columns cut off the image's edges. */
import { z } from 'zod';
import { imageInput } from '../../analysis/rules/image-input.ts';
import { NO_MACS_EXPLANATION, NO_PARAMS_EXPLANATION } from '../../analysis/rules/no-weights.ts';
import { keepField } from '../../analysis/rules/receptive-field.ts';
import { NO_OUTPUT, NO_PARAMS, type LayerRule } from '../../analysis/rules/rule.ts';
import { NO_CODE } from '../../export/torch-parts.ts';
import { formatInt as f } from '../../format/number.ts';
import { msg } from '../../i18n/messages.ts';
import { kerasArg } from '../keras-config.ts';
import { defineLayer } from '../layer-module.ts';
import { pairSchema } from '../params.ts';
import { setting } from '../settings-kinds.ts';
import { checkEdges, readEdges } from './zero-padding2d.ts';

const schema = z.object({
  /** [[top, bottom], [left, right]] */
  cropping: z.tuple([pairSchema, pairSchema]).default([
    [1, 1],
    [1, 1],
  ]),
});

const rule: LayerRule<z.infer<typeof schema>> = {
  checkSettings({ params }, label, report) {
    checkEdges(report, label, 'cropping', params.cropping);
  },
  infer({ node, label, inputs, inputFields, report }) {
    const image = imageInput(inputs[0]!, label, report);
    if (!image) return NO_OUTPUT;
    const [h, w, c] = image;
    const [[top, bottom], [left, right]] = node.params.cropping;
    const [oh, ow] = [h - top - bottom, w - left - right];
    if (oh < 1 || ow < 1) {
      report('error', msg('diag.cropTooMuch', { layer: label, height: h, width: w }));
      return NO_OUTPUT;
    }
    const rf = keepField(inputFields[0] ?? null, [-top, -left]);
    return {
      outputShape: [oh, ow, c],
      params: NO_PARAMS,
      macs: 0,
      receptiveField: rf.field,
      explanations: {
        outputShape: [
          { rule: msg('explain.shape.crop', { axis: 'height' }), formula: `${f(h)}−${f(top)}−${f(bottom)} = ${f(oh)}` },
          { rule: msg('explain.shape.crop', { axis: 'width' }), formula: `${f(w)}−${f(left)}−${f(right)} = ${f(ow)}` },
          { rule: msg('explain.shape.unchanged'), formula: f(c) },
        ],
        params: NO_PARAMS_EXPLANATION,
        receptiveField: rf.explanation,
        macs: NO_MACS_EXPLANATION,
      },
    };
  },
};

export const cropping2d = defineLayer({
  type: 'Cropping2D',
  schema,
  inputs: 'one',
  keras: {
    classNames: ['Cropping2D'],
    nameStem: 'cropping2d',
    read: (c) => ({ cropping: readEdges(c, 'cropping', 0) }),
    write({ name, params }) {
      const [[t, b], [l, r]] = params.cropping;
      const value = [
        [t, b],
        [l, r],
      ];
      return [
        { className: 'Cropping2D', name, args: [kerasArg.raw('cropping', value, `((${t}, ${b}), (${l}, ${r}))`)] },
      ];
    },
  },
  palette: { group: 'reshaping' },
  settings: [setting.of('cropping', 'zeroPadding')],
  rule,
  keySettings: ({ cropping: [[t, b], [l, r]] }) => [`−${t},${b} × ${l},${r}`],
  torch: ({ node, inputShapes }, out) => {
    const [[t, b], [l, r]] = node.params.cropping;
    const [h, w] = inputShapes[0]!;
    return { ...NO_CODE, forward: ([x]) => [`${out} = ${x}[:, :, ${t}:${h! - b}, ${l}:${w! - r}]`] };
  },
});

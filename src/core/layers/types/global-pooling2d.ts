/** GlobalAveragePooling2D and GlobalMaxPooling2D: one value per channel. */
import { z } from 'zod';
import { imageInput } from '../../analysis/rules/image-input.ts';
import { NO_MACS_EXPLANATION, NO_PARAMS_EXPLANATION } from '../../analysis/rules/no-weights.ts';
import { NO_OUTPUT, NO_PARAMS, type LayerRule } from '../../analysis/rules/rule.ts';
import { pyBool } from '../../export/python-text.ts';
import { formatInt as f } from '../../format/number.ts';
import { msg } from '../../i18n/messages.ts';
import { kerasArg, readBool } from '../keras-config.ts';
import { defineLayer } from '../layer-module.ts';
import { setting } from '../settings-kinds.ts';

const schema = z.object({
  keepdims: z.boolean().default(false),
});

const globalPoolingRule: LayerRule<z.infer<typeof schema>> = {
  checkSettings() {},
  infer({ node, label, inputs, report }) {
    const image = imageInput(inputs[0]!, label, report);
    if (!image) return NO_OUTPUT;
    const c = image[2];
    return {
      outputShape: node.params.keepdims ? [1, 1, c] : [c],
      params: NO_PARAMS,
      macs: 0,
      receptiveField: null,
      explanations: {
        outputShape: [
          {
            rule: msg('explain.shape.globalPool'),
            formula: `${f(image[0])}×${f(image[1])}×${f(c)} → ${f(c)}`,
          },
        ],
        params: NO_PARAMS_EXPLANATION,
        receptiveField: { rule: msg('explain.rf.global'), formula: '—' },
        macs: NO_MACS_EXPLANATION,
      },
    };
  },
};

function globalPooling<const T extends 'GlobalAveragePooling2D' | 'GlobalMaxPooling2D'>(
  type: T,
  alias: string,
  nameStem: string,
  op: 'mean' | 'amax',
) {
  return defineLayer({
    type,
    schema,
    inputs: 'one',
    keras: {
      classNames: [type, alias],
      nameStem,
      read: (c) => ({ keepdims: readBool(c, 'keepdims', false) }),
      rankAfter: (p) => (p.keepdims ? 3 : 1),
      write: ({ name, params }) => [
        { className: type, name, args: [kerasArg.bool('keepdims', params.keepdims, false)] },
      ],
    },
    tfjs(calls, [input]) {
      // TF.js has no keepdims: the Keras-named layer is then the reshape that restores 1 × 1 × channels.
      const call = calls[0]!;
      if (call.args[0]!.value !== true) return { ok: true, calls: [{ ...call, args: [] }] };
      return {
        ok: true,
        calls: [
          { className: type, name: `${call.name}_pool`, args: [] },
          { className: 'Reshape', name: call.name, args: [kerasArg.raw('target_shape', [1, 1, input!.at(-1)!], null)] },
        ],
      };
    },
    palette: { group: 'pooling' },
    settings: [setting.of('keepdims', 'bool')],
    rule: globalPoolingRule,
    keySettings: () => [],
    torch: ({ node }, out) => ({
      init: [],
      forward: ([x]) => [`${out} = ${x}.${op}(dim=(2, 3), keepdim=${pyBool(node.params.keepdims)})`],
      load: [],
      penalty: [],
    }),
  });
}

export const globalAveragePooling2d = globalPooling(
  'GlobalAveragePooling2D',
  'GlobalAvgPool2D',
  'global_average_pooling2d',
  'mean',
);
export const globalMaxPooling2d = globalPooling(
  'GlobalMaxPooling2D',
  'GlobalMaxPool2D',
  'global_max_pooling2d',
  'amax',
);

/**
 * GlobalAveragePooling2D, GlobalMaxPooling2D and their 1-D forms (keras/src/layers/pooling/): one value per
 * channel of an image, or per feature of a sequence.
 */
import { z } from 'zod';
import { imageInput } from '../../analysis/rules/image-input.ts';
import { NO_MACS_EXPLANATION, NO_PARAMS_EXPLANATION } from '../../analysis/rules/no-weights.ts';
import { NO_OUTPUT, NO_PARAMS, type LayerRule } from '../../analysis/rules/rule.ts';
import { sequenceInput } from '../../analysis/rules/sequence-input.ts';
import { pyBool } from '../../export/python-text.ts';
import { formatInt as f } from '../../format/number.ts';
import { msg } from '../../i18n/messages.ts';
import { kerasArg, readBool } from '../keras-config.ts';
import { defineLayer } from '../layer-module.ts';
import { setting } from '../settings-kinds.ts';

const schema = z.object({
  keepdims: z.boolean().default(false),
});

/** Images (rank 3: height × width × channels) or sequences (rank 2: steps × features). */
type Rank = 2 | 3;

const globalPoolingRule = (rank: Rank): LayerRule<z.infer<typeof schema>> => ({
  checkSettings() {},
  infer({ node, label, inputs, report }) {
    const input = rank === 3 ? imageInput(inputs[0]!, label, report) : sequenceInput(inputs[0]!, label, report);
    if (!input) return NO_OUTPUT;
    const c = input.at(-1)!;
    return {
      outputShape: node.params.keepdims ? [...input.slice(0, -1).map(() => 1), c] : [c],
      params: NO_PARAMS,
      macs: 0,
      receptiveField: null,
      explanations: {
        outputShape: [
          {
            rule: msg('explain.shape.globalPool'),
            formula: `${input.map(f).join('×')} → ${f(c)}`,
          },
        ],
        params: NO_PARAMS_EXPLANATION,
        receptiveField: { rule: msg('explain.rf.global'), formula: '—' },
        macs: NO_MACS_EXPLANATION,
      },
    };
  },
});

function globalPooling<const T extends string>(
  type: T,
  alias: string,
  nameStem: string,
  op: 'mean' | 'amax',
  rank: Rank,
) {
  return defineLayer({
    type,
    schema,
    inputs: 'one',
    keras: {
      classNames: [type, alias],
      nameStem,
      read: (c) => ({ keepdims: readBool(c, 'keepdims', false) }),
      rankAfter: (p) => (p.keepdims ? rank : 1),
      write: ({ name, params }) => [
        { className: type, name, args: [kerasArg.bool('keepdims', params.keepdims, false)] },
      ],
    },
    tfjs(calls, [input]) {
      // TF.js has no keepdims: the Keras-named layer is then the reshape that restores 1 × 1 × channels.
      const ones = rank === 3 ? [1, 1] : [1];
      const call = calls[0]!;
      if (call.args[0]!.value !== true) return { ok: true, calls: [{ ...call, args: [] }] };
      return {
        ok: true,
        calls: [
          { className: type, name: `${call.name}_pool`, args: [] },
          {
            className: 'Reshape',
            name: call.name,
            args: [kerasArg.raw('target_shape', [...ones, input!.at(-1)!], null)],
          },
        ],
      };
    },
    palette: { group: rank === 3 ? 'pooling' : 'sequence' },
    settings: [setting.of('keepdims', 'bool')],
    rule: globalPoolingRule(rank),
    keySettings: () => [],
    torch: ({ node }, out) => ({
      init: [],
      // Images are (N, C, H, W) in PyTorch; sequences stay (N, steps, features).
      forward: ([x]) => [
        `${out} = ${x}.${op}(dim=${rank === 3 ? '(2, 3)' : '1'}, keepdim=${pyBool(node.params.keepdims)})`,
      ],
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
  3,
);
export const globalMaxPooling2d = globalPooling(
  'GlobalMaxPooling2D',
  'GlobalMaxPool2D',
  'global_max_pooling2d',
  'amax',
  3,
);
export const globalAveragePooling1d = globalPooling(
  'GlobalAveragePooling1D',
  'GlobalAvgPool1D',
  'global_average_pooling1d',
  'mean',
  2,
);
export const globalMaxPooling1d = globalPooling(
  'GlobalMaxPooling1D',
  'GlobalMaxPool1D',
  'global_max_pooling1d',
  'amax',
  2,
);

/** Flatten: every value in one line; after it there is no local receptive field. */
import { z } from 'zod';
import { NO_MACS_EXPLANATION, NO_PARAMS_EXPLANATION } from '../../analysis/rules/no-weights.ts';
import { NO_PARAMS, type LayerRule } from '../../analysis/rules/rule.ts';
import { isImage } from '../../export/torch-parts.ts';
import { formatInt as f } from '../../format/number.ts';
import { msg } from '../../i18n/messages.ts';
import { defineLayer } from '../layer-module.ts';

const schema = z.object({});

const rule: LayerRule<z.infer<typeof schema>> = {
  checkSettings() {},
  infer({ inputs }) {
    const input = inputs[0]!;
    const size = input.reduce((a, b) => a * b, 1);
    return {
      outputShape: [size],
      params: NO_PARAMS,
      macs: 0,
      receptiveField: null,
      explanations: {
        outputShape: [
          {
            rule: msg('explain.shape.flatten'),
            formula: `${input.map(f).join('×')} = ${f(size)}`,
          },
        ],
        params: NO_PARAMS_EXPLANATION,
        receptiveField: { rule: msg('explain.rf.global'), formula: '—' },
        macs: NO_MACS_EXPLANATION,
      },
    };
  },
};

export const flatten = defineLayer({
  type: 'Flatten',
  schema,
  inputs: 'one',
  keras: {
    classNames: ['Flatten'],
    nameStem: 'flatten',
    read: () => ({}),
    rankAfter: () => 1,
    write: ({ name }) => [{ className: 'Flatten', name, args: [] }],
  },
  palette: { group: 'core' },
  settings: [],
  rule,
  keySettings: () => [],
  torch: ({ inputShapes, say }, out) => ({
    init: [],
    forward: ([x]) => [
      isImage(inputShapes[0]!)
        ? `${out} = ${x}.permute(0, 2, 3, 1).flatten(1)  # ${say(msg('script.kerasOrder'))}`
        : `${out} = ${x}.flatten(1)`,
    ],
    load: [],
    penalty: [],
  }),
});

/** Dropout (keras/src/layers/regularization/dropout.py): zeroes a fraction `rate` of values while training. */
import { z } from 'zod';
import { unchangedShape } from '../../analysis/rules/passthrough.ts';
import { pyNumber } from '../../export/python-text.ts';
import { formatNumber } from '../../format/number.ts';
import { msg } from '../../i18n/messages.ts';
import { kerasArg, readNumber } from '../keras-config.ts';
import { defineLayer } from '../layer-module.ts';
import { setting } from '../settings-kinds.ts';

const schema = z.object({
  rate: z.number().default(0.5),
});

export const dropout = defineLayer({
  type: 'Dropout',
  schema,
  inputs: 'one',
  keras: {
    classNames: ['Dropout'],
    nameStem: 'dropout',
    // tfjs-layers writes "rate": null for the default.
    read: (c) => ({ rate: readNumber(c, 'rate', schema.parse({}).rate) }),
    write: ({ name, params }) => [{ className: 'Dropout', name, args: [kerasArg.float('rate', params.rate)] }],
  },
  palette: { group: 'core' },
  settings: [setting.of('rate', 'rate')],
  rule: {
    checkSettings({ params }, label, report) {
      const rate = params.rate;
      if (!(Number.isFinite(rate) && rate >= 0 && rate < 1)) {
        report('error', msg('diag.dropoutRate', { layer: label, value: formatNumber(rate) }));
      }
    },
    infer: ({ inputs, inputFields }) => unchangedShape(inputs[0]!, inputFields[0] ?? null),
  },
  keySettings: (p) => [formatNumber(p.rate)],
  torch: ({ id, node }, out) => ({
    init: [`self.${id} = nn.Dropout(${pyNumber(node.params.rate, true)})`],
    forward: ([x]) => [`${out} = self.${id}(${x})`],
    load: [],
    penalty: [],
  }),
});

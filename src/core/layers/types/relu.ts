/**
 * ReLU as a layer (keras/src/layers/activations/relu.py, keras/src/activations/activations.py `relu`):
 * x above `threshold`, else 0; capped at `max_value` where one is set (MobileNet's ReLU6: 6); minus
 * `negative_slope` × (threshold − x) below the threshold. No weights.
 */
import { z } from 'zod';
import { unchangedShape } from '../../analysis/rules/passthrough.ts';
import { checkFinite } from '../../analysis/rules/ranges.ts';
import { pyNumber } from '../../export/python-text.ts';
import { formatNumber } from '../../format/number.ts';
import { msg } from '../../i18n/messages.ts';
import { kerasArg, readNumber, readOptionalNumber } from '../keras-config.ts';
import { defineLayer } from '../layer-module.ts';
import { setting } from '../settings-kinds.ts';

const schema = z.object({
  /** null: no cap. */
  max_value: z.number().nullable().default(null),
  negative_slope: z.number().default(0),
  threshold: z.number().default(0),
});
type Params = z.infer<typeof schema>;

const isPlain = (p: Params) => p.negative_slope === 0 && p.threshold === 0;

/** The PyTorch expression of Keras's relu with these settings, on `x`. */
function torchRelu(p: Params, x: string): string {
  if (isPlain(p)) {
    if (p.max_value === null) return `F.relu(${x})`;
    if (p.max_value === 6) return `F.relu6(${x})`;
    return `F.relu(${x}).clamp(max=${pyNumber(p.max_value, true)})`;
  }
  const t = pyNumber(p.threshold, true);
  let y = p.threshold === 0 ? `F.relu(${x})` : `${x} * (${x} > ${t})`;
  if (p.max_value !== null) y = `(${y}).clamp(0.0, ${pyNumber(p.max_value, true)})`;
  if (p.negative_slope !== 0) {
    const below = p.threshold === 0 ? `F.relu(-${x})` : `F.relu(${t} - ${x})`;
    y = `${y} - ${pyNumber(p.negative_slope, true)} * ${below}`;
  }
  return y;
}

export const relu = defineLayer({
  type: 'ReLU',
  schema,
  inputs: 'one',
  keras: {
    classNames: ['ReLU'],
    nameStem: 're_lu',
    read: (c) => ({
      max_value: readOptionalNumber(c, 'max_value'),
      negative_slope: readNumber(c, 'negative_slope', 0),
      threshold: readNumber(c, 'threshold', 0),
    }),
    write: ({ name, params: p }) => [
      {
        className: 'ReLU',
        name,
        args: [
          kerasArg.optionalFloat('max_value', p.max_value),
          kerasArg.float('negative_slope', p.negative_slope, 0),
          kerasArg.float('threshold', p.threshold, 0),
        ],
      },
    ],
  },
  tfjs(calls) {
    // TF.js's ReLU has max_value only; a slope without threshold or cap is its LeakyReLU.
    const call = calls[0]!;
    const value = (key: string) => call.args.find((a) => a.key === key)!.value;
    const [max, slope, threshold] = [value('max_value'), value('negative_slope'), value('threshold')];
    if (threshold !== 0) return { ok: false, reason: 'setting', detail: 'threshold' };
    if (slope === 0)
      return { ok: true, calls: [{ ...call, args: [kerasArg.optionalFloat('max_value', max as number | null)] }] };
    if (max === null)
      return {
        ok: true,
        calls: [{ className: 'LeakyReLU', name: call.name, args: [kerasArg.float('alpha', slope as number)] }],
      };
    return { ok: false, reason: 'setting', detail: 'negative_slope' };
  },
  palette: { group: 'activation' },
  settings: [
    setting.of('max_value', 'optionalNumber'),
    setting.of('negative_slope', 'number'),
    setting.of('threshold', 'number'),
  ],
  rule: {
    checkSettings({ params: p }, label, report) {
      const notNegative = (key: string, value: number) => {
        if (!(Number.isFinite(value) && value >= 0)) {
          report('error', msg('diag.notNegative', { layer: label, setting: key, value: formatNumber(value) }));
        }
      };
      if (p.max_value !== null) notNegative('max_value', p.max_value);
      notNegative('negative_slope', p.negative_slope);
      checkFinite(report, label, 'threshold', p.threshold);
    },
    infer: ({ inputs, inputFields }) => unchangedShape(inputs[0]!, inputFields[0] ?? null),
  },
  keySettings: (p) => [
    p.max_value === null ? 'ReLU' : `ReLU ≤ ${formatNumber(p.max_value)}`,
    ...(p.negative_slope !== 0 ? [msg('key.slope', { value: formatNumber(p.negative_slope) })] : []),
    ...(p.threshold !== 0 ? [`> ${formatNumber(p.threshold)}`] : []),
  ],
  torch: ({ node }, out) => ({
    init: [],
    forward: ([x]) => [`${out} = ${torchRelu(node.params, x!)}`],
    load: [],
    penalty: [],
  }),
});

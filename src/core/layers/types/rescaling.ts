/**
 * Rescaling (keras/src/layers/preprocessing/rescaling.py): every value × scale + offset, as models that take
 * raw pixels start (scale 1/255). No weights.
 */
import { z } from 'zod';
import { unchangedShape } from '../../analysis/rules/passthrough.ts';
import { checkFinite } from '../../analysis/rules/ranges.ts';
import type { LayerRule } from '../../analysis/rules/rule.ts';
import { pyNumber } from '../../export/python-text.ts';
import { NO_CODE } from '../../export/torch-parts.ts';
import { formatNumber } from '../../format/number.ts';
import { kerasArg, readNumber } from '../keras-config.ts';
import { defineLayer } from '../layer-module.ts';
import { setting } from '../settings-kinds.ts';

const schema = z.object({ scale: z.number().default(1 / 255), offset: z.number().default(0) });

const rule: LayerRule<z.infer<typeof schema>> = {
  checkSettings({ params }, label, report) {
    checkFinite(report, label, 'scale', params.scale);
    checkFinite(report, label, 'offset', params.offset);
  },
  infer: ({ inputs, inputFields }) => unchangedShape(inputs[0]!, inputFields[0] ?? null),
};

/** n where the scale is exactly 1/n (0.00392156862745098 is 1/255, as people write it); else null. */
function reciprocal(scale: number): number | null {
  const n = Math.round(1 / scale);
  return n > 1 && 1 / n === scale ? n : null;
}

const scaleText = (scale: number) => (reciprocal(scale) ? `1/${reciprocal(scale)}` : formatNumber(scale));
const scalePython = (scale: number) => (reciprocal(scale) ? `1.0 / ${reciprocal(scale)}` : pyNumber(scale, true));

export const rescaling = defineLayer({
  type: 'Rescaling',
  schema,
  inputs: 'one',
  keras: {
    classNames: ['Rescaling'],
    nameStem: 'rescaling',
    read: (c) => ({ scale: readNumber(c, 'scale'), offset: readNumber(c, 'offset', 0) }),
    write: ({ name, params: p }) => [
      {
        className: 'Rescaling',
        name,
        args: [kerasArg.raw('scale', p.scale, scalePython(p.scale)), kerasArg.float('offset', p.offset, 0)],
      },
    ],
  },
  palette: { group: 'preprocessing' },
  settings: [setting.of('scale', 'number'), setting.of('offset', 'number')],
  rule,
  keySettings: (p) => [`×${scaleText(p.scale)}`, ...(p.offset === 0 ? [] : [`+${formatNumber(p.offset)}`])],
  torch: ({ node }, out) => ({
    ...NO_CODE,
    forward: ([x]) => [
      `${out} = ${x} * ${scalePython(node.params.scale)}${node.params.offset === 0 ? '' : ` + ${pyNumber(node.params.offset, true)}`}`,
    ],
  }),
});

/**
 * Reshape (keras/src/layers/reshaping/reshape.py): the same values, in Keras's (row-major, channels-last)
 * order, laid out as `target_shape`; one size may be −1, taking whatever the others leave. No weights.
 */
import { z } from 'zod';
import { NO_MACS_EXPLANATION, NO_PARAMS_EXPLANATION } from '../../analysis/rules/no-weights.ts';
import { LIMITS, isIntIn } from '../../analysis/rules/ranges.ts';
import { NO_OUTPUT, NO_PARAMS, type LayerRule, type Report } from '../../analysis/rules/rule.ts';
import type { Shape } from '../../analysis/types.ts';
import { NO_CODE, isImage } from '../../export/torch-parts.ts';
import { formatInt as f, formatShape } from '../../format/number.ts';
import { msg } from '../../i18n/messages.ts';
import { SettingError, kerasArg, type Config } from '../keras-config.ts';
import { defineLayer } from '../layer-module.ts';
import { setting } from '../settings-kinds.ts';

const schema = z.object({ target_shape: z.array(z.number()).default([-1]) });

const count = (shape: readonly number[]) => shape.reduce((a, b) => a * b, 1);

/** The target's sizes are whole numbers from 1 (one may be −1), 1 to 3 of them. */
function checkTarget(target: readonly number[], label: string, report: Report): boolean {
  const ok =
    target.length >= 1 &&
    target.length <= 3 &&
    target.filter((d) => d === -1).length <= 1 &&
    target.every((d) => d === -1 || isIntIn(d, LIMITS.inputSize));
  if (!ok) report('error', msg('diag.badTargetShape', { layer: label, shape: formatShape(target) }));
  return ok;
}

const rule: LayerRule<z.infer<typeof schema>> = {
  checkSettings({ params }, label, report) {
    checkTarget(params.target_shape, label, report);
  },
  infer({ node, label, inputs, report }) {
    const target = node.params.target_shape;
    if (!checkTarget(target, label, () => {})) return NO_OUTPUT;
    const input = inputs[0]!;
    const values = count(input);
    const known = count(target.filter((d) => d !== -1));
    const free = target.indexOf(-1);
    const fits = free === -1 ? known === values : values % known === 0;
    if (!fits) {
      report(
        'error',
        msg('diag.reshapeMismatch', {
          layer: label,
          input: formatShape(input),
          values,
          target: formatShape(target.map((d) => (d === -1 ? null : d))),
        }),
      );
      return NO_OUTPUT;
    }
    const output: Shape = target.map((d) => (d === -1 ? values / known : d));
    const formula =
      free === -1
        ? `${input.map(f).join('×')} = ${output.map(f).join('×')}`
        : `${f(values)} / ${f(known)} = ${f(output[free]!)} → ${formatShape(output)}`;
    return {
      outputShape: output,
      params: NO_PARAMS,
      macs: 0,
      receptiveField: null,
      explanations: {
        outputShape: [{ rule: msg('explain.shape.reshape'), formula }],
        params: NO_PARAMS_EXPLANATION,
        receptiveField: { rule: msg('explain.rf.global'), formula: '—' },
        macs: NO_MACS_EXPLANATION,
      },
    };
  },
};

function readTarget(c: Config): number[] {
  const value = c.target_shape;
  if (Array.isArray(value) && value.every((d) => typeof d === 'number' && Number.isFinite(d))) return value as number[];
  throw new SettingError('target_shape', value);
}

export const reshape = defineLayer({
  type: 'Reshape',
  schema,
  inputs: 'one',
  keras: {
    classNames: ['Reshape'],
    nameStem: 'reshape',
    read: (c) => ({ target_shape: readTarget(c) }),
    rankAfter: (p) => p.target_shape.length,
    write: ({ name, params: p }) => [
      { className: 'Reshape', name, args: [kerasArg.tuple('target_shape', p.target_shape)] },
    ],
  },
  palette: { group: 'reshaping', start: { target_shape: [-1] } },
  settings: [setting.of('target_shape', 'sizes')],
  rule,
  keySettings: (p) => [formatShape(p.target_shape.map((d) => (d === -1 ? null : d)))],
  torch: ({ inputShapes, outputShape, say }, out) => ({
    ...NO_CODE,
    forward: ([x]) => {
      const keras = isImage(inputShapes[0]!) ? `${x}.permute(0, 2, 3, 1)` : x!;
      const shaped = `${keras}.reshape(${x}.shape[0], ${outputShape.join(', ')})`;
      return [
        `${out} = ${isImage(outputShape) ? `${shaped}.permute(0, 3, 1, 2)` : shaped}  # ${say(msg('script.kerasOrder'))}`,
      ];
    },
  }),
});

/**
 * Permute and RepeatVector (keras/src/layers/reshaping/): Permute reorders the axes (dims counts them from 1,
 * after the batch: (2, 1) swaps steps and features); RepeatVector(n) repeats a vector n times, making it a
 * sequence of n steps (the start of a sequence decoder). No weights.
 */
import { z } from 'zod';
import { NO_MACS_EXPLANATION, NO_PARAMS_EXPLANATION } from '../../analysis/rules/no-weights.ts';
import { LIMITS, checkInt } from '../../analysis/rules/ranges.ts';
import { NO_OUTPUT, NO_PARAMS, type LayerRule, type RuleResult } from '../../analysis/rules/rule.ts';
import type { Shape } from '../../analysis/types.ts';
import { NO_CODE, isImage } from '../../export/torch-parts.ts';
import { formatInt as f, formatShape } from '../../format/number.ts';
import { msg, type Msg } from '../../i18n/messages.ts';
import { SettingError, kerasArg, readNumber, type Config } from '../keras-config.ts';
import { defineLayer } from '../layer-module.ts';
import { setting } from '../settings-kinds.ts';

function reshaped(outputShape: Shape, rule: Msg, formula: string): RuleResult {
  return {
    outputShape,
    params: NO_PARAMS,
    macs: 0,
    receptiveField: null,
    explanations: {
      outputShape: [{ rule, formula }],
      params: NO_PARAMS_EXPLANATION,
      receptiveField: { rule: msg('explain.rf.global'), formula: '—' },
      macs: NO_MACS_EXPLANATION,
    },
  };
}

// ---- Permute ----

const permuteSchema = z.object({ dims: z.array(z.number()).default([2, 1]) });

const isPermutation = (dims: readonly number[]) =>
  dims.length >= 1 && dims.length <= 3 && [...dims].sort().every((d, i) => d === i + 1);

const permuteRule: LayerRule<z.infer<typeof permuteSchema>> = {
  checkSettings({ params }, label, report) {
    if (!isPermutation(params.dims))
      report('error', msg('diag.badPermutation', { layer: label, dims: params.dims.join(', ') }));
  },
  infer({ node, label, inputs, report }) {
    const { dims } = node.params;
    const input = inputs[0]!;
    if (!isPermutation(dims)) return NO_OUTPUT;
    if (dims.length !== input.length) {
      report('error', msg('diag.permuteRank', { layer: label, dims: dims.join(', '), shape: formatShape(input) }));
      return NO_OUTPUT;
    }
    const out = dims.map((d) => input[d - 1]!);
    return reshaped(
      out,
      msg('explain.shape.permute'),
      `(${dims.join(', ')}): ${formatShape(input)} → ${formatShape(out)}`,
    );
  },
};

function readDims(c: Config): number[] {
  const value = c.dims;
  if (Array.isArray(value) && value.every((d) => Number.isInteger(d))) return value as number[];
  throw new SettingError('dims', value);
}

export const permute = defineLayer({
  type: 'Permute',
  schema: permuteSchema,
  inputs: 'one',
  keras: {
    classNames: ['Permute'],
    nameStem: 'permute',
    read: (c) => ({ dims: readDims(c) }),
    rankAfter: (p) => p.dims.length,
    write: ({ name, params }) => [{ className: 'Permute', name, args: [kerasArg.tuple('dims', params.dims)] }],
  },
  palette: { group: 'reshaping' },
  settings: [setting.of('dims', 'sizes')],
  rule: permuteRule,
  keySettings: (p) => [`(${p.dims.join(', ')})`],
  torch: ({ node, inputShapes, outputShape, say }, out) => ({
    ...NO_CODE,
    forward: ([x]) => {
      const keras = isImage(inputShapes[0]!) ? `${x}.permute(0, 2, 3, 1)` : x!;
      const permuted = `${keras}.permute(0, ${node.params.dims.join(', ')})`;
      return [
        `${out} = ${isImage(outputShape) ? `${permuted}.permute(0, 3, 1, 2)` : permuted}  # ${say(msg('script.kerasOrder'))}`,
      ];
    },
  }),
});

// ---- RepeatVector ----

const repeatSchema = z.object({ n: z.number().default(10) });

export const repeatVector = defineLayer({
  type: 'RepeatVector',
  schema: repeatSchema,
  inputs: 'one',
  keras: {
    classNames: ['RepeatVector'],
    nameStem: 'repeat_vector',
    read: (c) => ({ n: readNumber(c, 'n') }),
    rankAfter: () => 2,
    write: ({ name, params }) => [{ className: 'RepeatVector', name, args: [kerasArg.int('n', params.n)] }],
  },
  palette: { group: 'sequence' },
  settings: [setting.int('n', LIMITS.inputSize)],
  rule: {
    checkSettings({ params }, label, report) {
      checkInt(report, label, 'n', params.n, LIMITS.inputSize);
    },
    infer({ node, label, inputs, report }) {
      const input = inputs[0]!;
      if (input.length !== 1) {
        report('error', msg('diag.needsVector', { layer: label, shape: formatShape(input) }));
        return NO_OUTPUT;
      }
      return reshaped([node.params.n, input[0]!], msg('explain.shape.repeat'), `${f(node.params.n)} × ${f(input[0]!)}`);
    },
  },
  keySettings: (p) => [`×${f(p.n)}`],
  torch: ({ node }, out) => ({
    ...NO_CODE,
    forward: ([x]) => [`${out} = ${x}.unsqueeze(1).repeat(1, ${node.params.n}, 1)`],
  }),
});

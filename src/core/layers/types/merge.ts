/**
 * The merge layers (keras/src/layers/merging/). Add, Multiply, Average, Maximum, Minimum and Subtract work
 * value by value and need equal shapes (a size of 1 broadcasts, as in Keras's
 * _compute_elemwise_op_output_shape); Subtract takes exactly two inputs. Concatenate needs every size but the
 * joined axis equal. No weights.
 */
import { z } from 'zod';
import { NO_MACS_EXPLANATION, NO_PARAMS_EXPLANATION } from '../../analysis/rules/no-weights.ts';
import { LIMITS } from '../../analysis/rules/ranges.ts';
import { mergeFields } from '../../analysis/rules/receptive-field.ts';
import { NO_OUTPUT, NO_PARAMS, type LayerRule, type RuleResult } from '../../analysis/rules/rule.ts';
import type { Shape } from '../../analysis/types.ts';
import { isImage } from '../../export/torch-parts.ts';
import { formatInt as f, formatShape } from '../../format/number.ts';
import { msg } from '../../i18n/messages.ts';
import { kerasArg, readLastAxis } from '../keras-config.ts';
import { defineLayer } from '../layer-module.ts';
import { setting } from '../settings-kinds.ts';

const addSchema = z.object({});
const concatenateSchema = z.object({
  axis: z.number().default(-1),
});

/** Each input's layer with the shape it gives: "'conv2d_1' (Conv2D) 6 × 6 × 4, 'input' (Input) 8 × 8 × 4". */
const listInputs = (labels: string[], shapes: Shape[]): string =>
  shapes.map((s, i) => `${labels[i]} ${formatShape(s)}`).join(', ');

function merged(
  outputShape: Shape | null,
  fields: RuleResult['receptiveField'][],
  formula: string,
  rule: 'explain.shape.unchanged' | 'explain.shape.concat',
): RuleResult {
  const field = mergeFields(fields);
  return {
    outputShape,
    params: NO_PARAMS,
    macs: 0,
    receptiveField: field,
    explanations: {
      outputShape: [{ rule: msg(rule), formula }],
      params: NO_PARAMS_EXPLANATION,
      receptiveField: field
        ? {
            rule: msg('explain.rf.unchanged'),
            formula: `max → ${f(field.size[0])}×${f(field.size[1])}`,
          }
        : null,
      macs: NO_MACS_EXPLANATION,
    },
  };
}

const elementwiseRule = (exactlyTwo: boolean): LayerRule<z.infer<typeof addSchema>> => ({
  checkSettings() {},
  infer({ label, inputs, inputLabels, inputFields, report }) {
    if (exactlyTwo && inputs.length !== 2) {
      report('error', msg('diag.subtractTwo', { layer: label, count: inputs.length }));
      return NO_OUTPUT;
    }
    const rank = inputs[0]!.length;
    const out: Shape = [];
    let ok = inputs.every((s) => s.length === rank);
    for (let axis = 0; ok && axis < rank; axis++) {
      const sizes = inputs.map((s) => s[axis]!);
      const big = sizes.filter((d) => d !== 1);
      if (new Set(big).size > 1) ok = false;
      out.push(big[0] ?? 1);
    }
    if (!ok) {
      report('error', msg('diag.addMismatch', { layer: label, inputs: listInputs(inputLabels, inputs) }));
      return NO_OUTPUT;
    }
    return merged(out, inputFields, formatShape(out), 'explain.shape.unchanged');
  },
});

const concatenateRule: LayerRule<z.infer<typeof concatenateSchema>> = {
  checkSettings() {},
  infer({ node, label, inputs, inputLabels, inputFields, report }) {
    const rank = inputs[0]!.length;
    const axis = node.params.axis < 0 ? rank + node.params.axis : node.params.axis;
    if (!Number.isInteger(axis) || axis < 0 || axis >= rank) {
      report('error', msg('diag.concatAxis', { layer: label, axis: node.params.axis, rank }));
      return NO_OUTPUT;
    }
    const ok = inputs.every((s) => s.length === rank && s.every((d, i) => i === axis || d === inputs[0]![i]));
    if (!ok) {
      report(
        'error',
        msg('diag.concatMismatch', {
          layer: label,
          inputs: listInputs(inputLabels, inputs),
          axis: node.params.axis,
        }),
      );
      return NO_OUTPUT;
    }
    const sizes = inputs.map((s) => s[axis]!);
    const joined = sizes.reduce((a, b) => a + b, 0);
    const out = inputs[0]!.map((d, i) => (i === axis ? joined : d));
    return merged(out, inputFields, `${sizes.map(f).join('+')} = ${f(joined)}`, 'explain.shape.concat');
  },
};

/** A value-by-value merge: its Keras class, name stem and PyTorch expression of the inputs' variables. */
function elementwise<const T extends string>(type: T, nameStem: string, torch: (xs: string[]) => string) {
  return defineLayer({
    type,
    schema: addSchema,
    inputs: 'many',
    keras: {
      classNames: [type],
      nameStem,
      read: () => ({}),
      write: ({ name }) => [{ className: type, name, args: [] }],
    },
    palette: { group: 'merge' },
    settings: [],
    rule: elementwiseRule(type === 'Subtract'),
    keySettings: () => [],
    torch: (_layer, out) => ({ init: [], forward: (xs) => [`${out} = ${torch(xs)}`], load: [], penalty: [] }),
  });
}

/** torch.maximum(torch.maximum(a, b), c) … */
const pairwise = (fn: string) => (xs: string[]) => xs.slice(1).reduce((acc, x) => `${fn}(${acc}, ${x})`, xs[0]!);

export const add = elementwise('Add', 'add', (xs) => xs.join(' + '));
export const subtract = elementwise('Subtract', 'subtract', ([a, b]) => `${a} - ${b}`);
export const multiply = elementwise('Multiply', 'multiply', (xs) => xs.join(' * '));
export const average = elementwise('Average', 'average', (xs) => `(${xs.join(' + ')}) / ${xs.length}`);
export const maximum = elementwise('Maximum', 'maximum', pairwise('torch.maximum'));
export const minimum = elementwise('Minimum', 'minimum', pairwise('torch.minimum'));

export const concatenate = defineLayer({
  type: 'Concatenate',
  schema: concatenateSchema,
  inputs: 'many',
  keras: {
    classNames: ['Concatenate'],
    nameStem: 'concatenate',
    read: (c, { rank }) => ({ axis: readLastAxis(c, rank) }),
    write: ({ name, params }) => [{ className: 'Concatenate', name, args: [kerasArg.int('axis', params.axis, -1)] }],
  },
  palette: { group: 'merge' },
  settings: [setting.int('axis', LIMITS.concatAxis)],
  rule: concatenateRule,
  keySettings: (p) => (p.axis !== -1 ? [msg('key.axis', { value: String(p.axis) })] : []),
  torch({ node, inputShapes }, out) {
    const input = inputShapes[0]!;
    const axis = node.params.axis;
    const rank = input.length;
    const kerasAxis = axis < 0 ? rank + 1 + axis : axis;
    // Keras axes 1, 2, 3 of an image are height, width, channels; PyTorch keeps channels at 1.
    const dim = isImage(input) ? ([0, 2, 3, 1] as const)[kerasAxis]! : kerasAxis;
    return { init: [], forward: (xs) => [`${out} = torch.cat([${xs.join(', ')}], dim=${dim})`], load: [], penalty: [] };
  },
});

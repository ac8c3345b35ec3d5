/** ZeroPadding2D: rows and columns of zeros around the image; the receptive field does not grow. */
import { z } from 'zod';
import { imageInput } from '../../analysis/rules/image-input.ts';
import { NO_MACS_EXPLANATION, NO_PARAMS_EXPLANATION } from '../../analysis/rules/no-weights.ts';
import { LIMITS, checkInt } from '../../analysis/rules/ranges.ts';
import { keepField } from '../../analysis/rules/receptive-field.ts';
import { NO_OUTPUT, NO_PARAMS, type LayerRule } from '../../analysis/rules/rule.ts';
import { pyTuple } from '../../export/python-text.ts';
import { formatInt as f } from '../../format/number.ts';
import { msg } from '../../i18n/messages.ts';
import { paddingText } from '../key-setting-parts.ts';
import { SettingError, kerasArg, type Config } from '../keras-config.ts';
import { defineLayer } from '../layer-module.ts';
import { pairSchema, type Pair } from '../params.ts';
import { setting } from '../settings-kinds.ts';

const schema = z.object({
  /** [[top, bottom], [left, right]] */
  padding: z.tuple([pairSchema, pairSchema]).default([
    [1, 1],
    [1, 1],
  ]),
});

const rule: LayerRule<z.infer<typeof schema>> = {
  checkSettings({ params }, label, report) {
    checkEdges(report, label, 'padding', params.padding);
  },
  infer({ node, label, inputs, inputFields, report }) {
    const image = imageInput(inputs[0]!, label, report);
    if (!image) return NO_OUTPUT;
    const [h, w, c] = image;
    const [[top, bottom], [left, right]] = node.params.padding;
    const oh = h + top + bottom;
    const ow = w + left + right;
    const rf = keepField(inputFields[0] ?? null, [top, left]);
    return {
      outputShape: [oh, ow, c],
      params: NO_PARAMS,
      macs: 0,
      receptiveField: rf.field,
      explanations: {
        outputShape: [
          {
            rule: msg('explain.shape.zeroPad', { axis: 'height' }),
            formula: `${f(h)}+${f(top)}+${f(bottom)} = ${f(oh)}`,
          },
          {
            rule: msg('explain.shape.zeroPad', { axis: 'width' }),
            formula: `${f(w)}+${f(left)}+${f(right)} = ${f(ow)}`,
          },
          { rule: msg('explain.shape.unchanged'), formula: f(c) },
        ],
        params: NO_PARAMS_EXPLANATION,
        receptiveField: rf.explanation,
        macs: NO_MACS_EXPLANATION,
      },
    };
  },
};

/** 1 → [[1,1],[1,1]]; [1,2] → [[1,1],[2,2]]; [[1,2],[3,4]] as it is (ZeroPadding2D's and Cropping2D's). */
/** Each of the four edges a whole number of rows or columns (ZeroPadding2D's padding, Cropping2D's cropping). */
export function checkEdges(
  report: Parameters<typeof checkInt>[0],
  label: string,
  key: 'padding' | 'cropping',
  [[top, bottom], [left, right]]: [Pair, Pair],
): void {
  const edges: Array<[string, number]> = [
    ['top', top],
    ['bottom', bottom],
    ['left', left],
    ['right', right],
  ];
  for (const [edge, value] of edges) checkInt(report, label, `${key} ${edge}`, value, LIMITS.padding);
}

export function readEdges(c: Config, key: 'padding' | 'cropping', fallback: number): [Pair, Pair] {
  const value = c[key] ?? fallback;
  if (typeof value === 'number')
    return [
      [value, value],
      [value, value],
    ];
  if (Array.isArray(value) && value.length === 2) {
    const [h, w] = value as unknown[];
    if (typeof h === 'number' && typeof w === 'number')
      return [
        [h, h],
        [w, w],
      ];
    const asPair = (v: unknown): Pair | null =>
      Array.isArray(v) && v.length === 2 && v.every((x) => typeof x === 'number')
        ? [v[0] as number, v[1] as number]
        : null;
    const ph = asPair(h);
    const pw = asPair(w);
    if (ph && pw) return [ph, pw];
  }
  throw new SettingError(key, value);
}

export const zeroPadding2d = defineLayer({
  type: 'ZeroPadding2D',
  schema,
  inputs: 'one',
  keras: {
    classNames: ['ZeroPadding2D'],
    nameStem: 'zero_padding2d',
    read: (c) => ({ padding: readEdges(c, 'padding', 1) }),
    write({ name, params }) {
      const [[t, b], [l, r]] = params.padding;
      return [
        {
          className: 'ZeroPadding2D',
          name,
          args: [
            kerasArg.raw(
              'padding',
              [
                [t, b],
                [l, r],
              ],
              `((${t}, ${b}), (${l}, ${r}))`,
            ),
          ],
        },
      ];
    },
  },
  palette: { group: 'convolution' },
  settings: [setting.of('padding', 'zeroPadding')],
  rule,
  keySettings({ padding: [[t, b], [l, r]] }) {
    return [t === b && l === r && t === l ? paddingText(t) : `${t},${b} × ${l},${r}`];
  },
  torch({ id, node }, out) {
    const [[t, b], [left, r]] = node.params.padding;
    return {
      init: [`self.${id} = nn.ZeroPad2d(${pyTuple([left, r, t, b])})`],
      forward: ([x]) => [`${out} = self.${id}(${x})`],
      load: [],
      penalty: [],
    };
  },
});

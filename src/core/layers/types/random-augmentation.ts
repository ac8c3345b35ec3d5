/**
 * Keras's random image augmentation layers (keras/src/layers/preprocessing/image_preprocessing/):
 * RandomFlip, RandomRotation, RandomZoom, RandomTranslation. In training each image is moved at random;
 * when predicting they pass the image through unchanged. No weights; the shape stays.
 * Factors are fractions: of a full turn (rotation), of the height or width (zoom, translation); a factor f
 * is the range [−f, f].
 */
import { z } from 'zod';
import { imageInput } from '../../analysis/rules/image-input.ts';
import { unchangedShape } from '../../analysis/rules/passthrough.ts';
import { NO_OUTPUT, type LayerRule, type Report } from '../../analysis/rules/rule.ts';
import { pyNumber, pyString } from '../../export/python-text.ts';
import { NO_CODE } from '../../export/torch-parts.ts';
import { formatNumber } from '../../format/number.ts';
import { msg } from '../../i18n/messages.ts';
import { SettingError, kerasArg, readChoice, readNumber, type Config } from '../keras-config.ts';
import { defineLayer, type LayerCode } from '../layer-module.ts';
import { advanced, setting } from '../settings-kinds.ts';

const range = z.tuple([z.number(), z.number()]);
type Range = z.infer<typeof range>;
const FILL_MODES = ['reflect', 'wrap', 'constant', 'nearest'] as const;
const INTERPOLATIONS = ['bilinear', 'nearest'] as const;
const FLIP_MODES = ['horizontal_and_vertical', 'horizontal', 'vertical'] as const;
const fill = {
  fill_mode: z.enum(FILL_MODES).default('reflect'),
  interpolation: z.enum(INTERPOLATIONS).default('bilinear'),
  fill_value: z.number().default(0),
};

/** A factor as Keras reads it: f is [−f, f]; a pair is [low, high]. */
function readRange(c: Config, key: string, fallback?: Range | null): Range | null {
  const value = c[key];
  if ((value === undefined || value === null) && fallback !== undefined) return fallback;
  if (typeof value === 'number' && Number.isFinite(value)) return [-Math.abs(value), Math.abs(value)];
  if (Array.isArray(value) && value.length === 2 && value.every((v) => typeof v === 'number' && Number.isFinite(v))) {
    return [value[0] as number, value[1] as number];
  }
  throw new SettingError(key, value);
}

const readFill = (c: Config) => ({
  fill_mode: readChoice(c, 'fill_mode', FILL_MODES),
  interpolation: readChoice(c, 'interpolation', INTERPOLATIONS),
  fill_value: readNumber(c, 'fill_value', 0),
});

const fillArgs = (p: { fill_mode: string; interpolation: string; fill_value: number }) => [
  kerasArg.text('fill_mode', p.fill_mode, 'reflect'),
  kerasArg.text('interpolation', p.interpolation, 'bilinear'),
  kerasArg.float('fill_value', p.fill_value, 0),
];

const fillSettings = [
  setting.choice('fill_mode', FILL_MODES),
  advanced(setting.choice('interpolation', INTERPOLATIONS)),
  advanced(setting.of('fill_value', 'number')),
];

/** A range's sizes must be finite; a fraction of the image above 1 moves it off itself. */
function checkRange(report: Report, label: string, key: string, value: Range | null, max: number): void {
  if (!value) return;
  const ok = value.every((v) => Number.isFinite(v) && Math.abs(v) <= max) && value[0] <= value[1];
  if (!ok) {
    report(
      'error',
      msg('diag.badRange', {
        layer: label,
        setting: key,
        low: formatNumber(value[0]),
        high: formatNumber(value[1]),
        max,
      }),
    );
  }
}

const rangeText = ([lo, hi]: Range) =>
  lo === -hi ? `±${formatNumber(hi)}` : `${formatNumber(lo)}…${formatNumber(hi)}`;
const pyRange = ([lo, hi]: Range) => `(${pyNumber(lo, true)}, ${pyNumber(hi, true)})`;

function augmentationRule<P>(check: (p: P, label: string, report: Report) => void): LayerRule<P> {
  return {
    checkSettings: ({ params }, label, report) => check(params, label, report),
    infer({ label, inputs, inputFields, report }) {
      if (!imageInput(inputs[0]!, label, report)) return NO_OUTPUT;
      const result = unchangedShape(inputs[0]!, inputFields[0] ?? null);
      return {
        ...result,
        explanations: {
          ...result.explanations!,
          outputShape: [
            { rule: msg('explain.shape.augmentation'), formula: result.explanations!.outputShape[0]!.formula },
          ],
        },
      };
    },
  };
}

/** PyTorch's grid_sample border handling closest to Keras's fill mode (PyTorch has no 'wrap'). */
const PADDING_MODES: Record<(typeof FILL_MODES)[number], string> = {
  reflect: 'reflection',
  wrap: 'reflection',
  constant: 'zeros',
  nearest: 'border',
};

interface Affine {
  /** Statements drawing values the expressions below share. */
  draw?: string[];
  /** Python expressions (of `<id>_n`, the batch size) for the angle in radians, scales and shifts (grid units). */
  angle?: string;
  scale?: [string, string];
  shift?: [string, string];
}

/** In training, every image moved by a random affine transform (F.affine_grid maps output to input). */
function torchAffine(
  id: string,
  out: string,
  affine: Affine,
  p: { fill_mode: (typeof FILL_MODES)[number]; interpolation: string },
): LayerCode {
  const v = (name: string) => `${id}_${name}`;
  return {
    ...NO_CODE,
    forward: ([x]) => [
      ...(out === x ? [] : [`${out} = ${x}`]),
      'if self.training:',
      ...[
        `${v('n')} = ${out}.shape[0]`,
        ...(affine.draw ?? []),
        `${v('angle')} = ${affine.angle ?? `torch.zeros(${v('n')})`}`,
        `${v('sx')}, ${v('sy')} = ${affine.scale ? affine.scale.join(', ') : `torch.ones(${v('n')}), torch.ones(${v('n')})`}`,
        `${v('tx')}, ${v('ty')} = ${affine.shift ? affine.shift.join(', ') : `torch.zeros(${v('n')}), torch.zeros(${v('n')})`}`,
        `${v('cos')}, ${v('sin')} = torch.cos(${v('angle')}), torch.sin(${v('angle')})`,
        `${v('theta')} = torch.stack([torch.stack([${v('cos')} * ${v('sx')}, -${v('sin')} * ${v('sy')}, ${v('tx')}], 1), torch.stack([${v('sin')} * ${v('sx')}, ${v('cos')} * ${v('sy')}, ${v('ty')}], 1)], 1)`,
        `${v('grid')} = F.affine_grid(${v('theta')}, list(${out}.shape), align_corners=False)`,
        `${out} = F.grid_sample(${out}, ${v('grid')}, mode=${pyString(p.interpolation)}, padding_mode=${pyString(PADDING_MODES[p.fill_mode])}, align_corners=False)`,
      ].map((line) => `    ${line}`),
    ],
  };
}

/** Python: a uniform random value per image in [lo, hi], times `times`. */
const uniformPy = (id: string, [lo, hi]: Range, times = '') =>
  `(torch.rand(${id}_n) * ${pyNumber(hi - lo, true)} + ${pyNumber(lo, true)})${times}`;

// ---- RandomFlip ----

const flipSchema = z.object({ mode: z.enum(FLIP_MODES).default('horizontal_and_vertical') });

export const randomFlip = defineLayer({
  type: 'RandomFlip',
  schema: flipSchema,
  inputs: 'one',
  keras: {
    classNames: ['RandomFlip'],
    nameStem: 'random_flip',
    read: (c) => ({ mode: readChoice(c, 'mode', FLIP_MODES) }),
    write: ({ name, params: p }) => [
      { className: 'RandomFlip', name, args: [kerasArg.text('mode', p.mode, 'horizontal_and_vertical')] },
    ],
  },
  palette: { group: 'preprocessing', start: { mode: 'horizontal' } },
  settings: [setting.choice('mode', FLIP_MODES)],
  rule: augmentationRule<z.infer<typeof flipSchema>>(() => {}),
  keySettings: (p) => [p.mode.replace(/_/g, ' ')],
  torch: ({ id, node }, out) => {
    const dims = { horizontal: [3], vertical: [2], horizontal_and_vertical: [3, 2] }[node.params.mode];
    return {
      ...NO_CODE,
      forward: ([x]) => [
        ...(out === x ? [] : [`${out} = ${x}`]),
        'if self.training:',
        ...dims.flatMap((dim) => [
          `    ${id}_flip = torch.rand(${out}.shape[0]) < 0.5`,
          `    ${out} = torch.where(${id}_flip[:, None, None, None], ${out}.flip(${dim}), ${out})`,
        ]),
      ],
    };
  },
});

// ---- RandomRotation ----

const rotationSchema = z.object({ factor: range.default([-0.1, 0.1]), ...fill });

export const randomRotation = defineLayer({
  type: 'RandomRotation',
  schema: rotationSchema,
  inputs: 'one',
  keras: {
    classNames: ['RandomRotation'],
    nameStem: 'random_rotation',
    read: (c) => ({ factor: readRange(c, 'factor')!, ...readFill(c) }),
    write: ({ name, params: p }) => [
      {
        className: 'RandomRotation',
        name,
        args: [kerasArg.raw('factor', [...p.factor], pyRange(p.factor)), ...fillArgs(p)],
      },
    ],
  },
  palette: { group: 'preprocessing' },
  settings: [setting.of('factor', 'range'), ...fillSettings],
  rule: augmentationRule<z.infer<typeof rotationSchema>>((p, label, report) =>
    checkRange(report, label, 'factor', p.factor, 1),
  ),
  keySettings: (p) => [msg('key.turn', { value: rangeText(p.factor) })],
  torch: ({ id, node }, out) =>
    torchAffine(id, out, { angle: uniformPy(id, node.params.factor, ' * 6.283185307179586') }, node.params),
});

// ---- RandomZoom ----

const zoomSchema = z.object({
  height_factor: range.default([-0.1, 0.1]),
  /** null: the height's zoom, so the image keeps its proportions (Keras's None). */
  width_factor: range.nullable().default(null),
  ...fill,
});

export const randomZoom = defineLayer({
  type: 'RandomZoom',
  schema: zoomSchema,
  inputs: 'one',
  keras: {
    classNames: ['RandomZoom'],
    nameStem: 'random_zoom',
    read: (c) => ({
      height_factor: readRange(c, 'height_factor')!,
      width_factor: readRange(c, 'width_factor', null),
      ...readFill(c),
    }),
    write: ({ name, params: p }) => [
      {
        className: 'RandomZoom',
        name,
        args: [
          kerasArg.raw('height_factor', [...p.height_factor], pyRange(p.height_factor)),
          kerasArg.raw(
            'width_factor',
            p.width_factor && [...p.width_factor],
            p.width_factor && pyRange(p.width_factor),
          ),
          ...fillArgs(p),
        ],
      },
    ],
  },
  palette: { group: 'preprocessing' },
  settings: [setting.of('height_factor', 'range'), setting.of('width_factor', 'optionalRange'), ...fillSettings],
  rule: augmentationRule<z.infer<typeof zoomSchema>>((p, label, report) => {
    checkRange(report, label, 'height_factor', p.height_factor, 1);
    checkRange(report, label, 'width_factor', p.width_factor, 1);
  }),
  keySettings: (p) => [rangeText(p.height_factor), ...(p.width_factor ? [rangeText(p.width_factor)] : [])],
  torch: ({ id, node }, out) => {
    const p = node.params;
    // A positive factor zooms out: the grid reaches 1 + factor of the image.
    const sy = `(1 + ${uniformPy(id, p.height_factor)})`;
    if (p.width_factor) return torchAffine(id, out, { scale: [`(1 + ${uniformPy(id, p.width_factor)})`, sy] }, p);
    // Width None: one zoom for both axes, so the image keeps its proportions.
    return torchAffine(id, out, { draw: [`${id}_zoom = ${sy}`], scale: [`${id}_zoom`, `${id}_zoom`] }, p);
  },
});

// ---- RandomTranslation ----

const translationSchema = z.object({
  height_factor: range.default([-0.1, 0.1]),
  width_factor: range.default([-0.1, 0.1]),
  ...fill,
});

export const randomTranslation = defineLayer({
  type: 'RandomTranslation',
  schema: translationSchema,
  inputs: 'one',
  keras: {
    classNames: ['RandomTranslation'],
    nameStem: 'random_translation',
    read: (c) => ({
      height_factor: readRange(c, 'height_factor')!,
      width_factor: readRange(c, 'width_factor')!,
      ...readFill(c),
    }),
    write: ({ name, params: p }) => [
      {
        className: 'RandomTranslation',
        name,
        args: [
          kerasArg.raw('height_factor', [...p.height_factor], pyRange(p.height_factor)),
          kerasArg.raw('width_factor', [...p.width_factor], pyRange(p.width_factor)),
          ...fillArgs(p),
        ],
      },
    ],
  },
  palette: { group: 'preprocessing' },
  settings: [setting.of('height_factor', 'range'), setting.of('width_factor', 'range'), ...fillSettings],
  rule: augmentationRule<z.infer<typeof translationSchema>>((p, label, report) => {
    checkRange(report, label, 'height_factor', p.height_factor, 1);
    checkRange(report, label, 'width_factor', p.width_factor, 1);
  }),
  keySettings: (p) => [`↕${rangeText(p.height_factor)}`, `↔${rangeText(p.width_factor)}`],
  // The grid spans [−1, 1]: a shift of a fraction f of the image is 2f there (and the grid moves opposite).
  torch: ({ id, node }, out) =>
    torchAffine(
      id,
      out,
      { shift: [uniformPy(id, node.params.width_factor, ' * -2'), uniformPy(id, node.params.height_factor, ' * -2')] },
      node.params,
    ),
});

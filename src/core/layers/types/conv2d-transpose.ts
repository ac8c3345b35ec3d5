/**
 * Conv2DTranspose (keras/src/layers/convolutional/conv2d_transpose.py): the convolution run backwards, so
 * the map grows — each input pixel spreads a kh × kw patch per filter, `strides` apart. Its kernel is
 * kh × kw × filters × channels, plus a bias per filter. Output sizes as keras/src/utils/conv_utils.py
 * deconv_output_length works them out.
 */
import { z } from 'zod';
import { imageInput } from '../../analysis/rules/image-input.ts';
import { LIMITS, checkInt, checkPair } from '../../analysis/rules/ranges.ts';
import { UNKNOWN_RESULT, type LayerRule, type Report } from '../../analysis/rules/rule.ts';
import type { Explanation } from '../../analysis/types.ts';
import { pyBool, pyTuple } from '../../export/python-text.ts';
import { kernelAndBiasLoad, torchActivation } from '../../export/torch-parts.ts';
import { formatInt as f, formatShape } from '../../format/number.ts';
import type { Axis } from '../../i18n/en.ts';
import { msg } from '../../i18n/messages.ts';
import { weightedLayerMistakes } from '../../exercise/misreading.ts';
import {
  SettingError,
  kerasArg,
  readActivation,
  readBool,
  readNumber,
  readPadding,
  readPair,
  type Config,
} from '../keras-config.ts';
import { activationPart, pairText, strideText } from '../key-setting-parts.ts';
import { defineLayer } from '../layer-module.ts';
import { activationSchema, pairSchema, type Pair } from '../params.ts';
import { advanced, setting } from '../settings-kinds.ts';
import { fusedActivationForTfjs } from '../tfjs-gaps.ts';

const schema = z.object({
  filters: z.number().default(32),
  kernel_size: pairSchema.default([3, 3]),
  strides: pairSchema.default([1, 1]),
  padding: z.enum(['valid', 'same']).default('valid'),
  /** Extra rows and columns at the end of the output; null: as the stride and kernel give (Keras's None). */
  output_padding: pairSchema.nullable().default(null),
  dilation_rate: pairSchema.default([1, 1]),
  activation: activationSchema.default('linear'),
  use_bias: z.boolean().default(true),
});
type Params = z.infer<typeof schema>;

interface AxisSize {
  size: number;
  explanation: Explanation;
}

/** One axis's output length, as Keras computes it. */
function outputLength(p: Params, i: 0 | 1, n: number, axis: Axis): AxisSize {
  const s = p.strides[i];
  const d = p.dilation_rate[i];
  const k = p.kernel_size[i] + (p.kernel_size[i] - 1) * (d - 1);
  const kernel = d === 1 ? f(k) : `(${f(p.kernel_size[i])}+${f(p.kernel_size[i] - 1)}×${f(d - 1)})`;
  const op = p.output_padding?.[i];
  if (op === undefined) {
    if (p.padding === 'same') {
      const size = n * s;
      return {
        size,
        explanation: { rule: msg('explain.shape.transposeSame', { axis }), formula: `${f(n)}×${f(s)} = ${f(size)}` },
      };
    }
    const size = n * s + Math.max(k - s, 0);
    return {
      size,
      explanation: {
        rule: msg('explain.shape.transposeValid', { axis }),
        formula: `${f(n)}×${f(s)}+max(${kernel}−${f(s)}, 0) = ${f(size)}`,
      },
    };
  }
  const pad = p.padding === 'same' ? Math.floor(k / 2) : 0;
  const size = (n - 1) * s + k - 2 * pad + op;
  return {
    size,
    explanation: {
      rule: msg('explain.shape.transposeOutputPadding', { axis }),
      formula: `(${f(n)}−1)×${f(s)}+${kernel}−2×${f(pad)}+${f(op)} = ${f(size)}`,
    },
  };
}

function checkOutputPadding(p: Params, label: string, report: Report): boolean {
  if (!p.output_padding) return true;
  if (!checkPair(report, label, 'output_padding', p.output_padding, [0, LIMITS.stride[1] - 1])) return false;
  const ok = p.output_padding.every((v, i) => v < p.strides[i]!);
  if (!ok) {
    report(
      'error',
      msg('diag.outputPadding', { layer: label, padding: pairText(p.output_padding), strides: pairText(p.strides) }),
    );
  }
  return ok;
}

const rule: LayerRule<Params> = {
  checkSettings({ params: p }, label, report) {
    checkInt(report, label, 'filters', p.filters, LIMITS.filters);
    checkPair(report, label, 'kernel_size', p.kernel_size, LIMITS.kernel);
    checkPair(report, label, 'strides', p.strides, LIMITS.stride);
    checkPair(report, label, 'dilation_rate', p.dilation_rate, LIMITS.dilation);
    checkOutputPadding(p, label, report);
  },

  infer({ node, label, inputs, report }) {
    const p = node.params;
    const image = imageInput(inputs[0]!, label, report);
    if (!image) return UNKNOWN_RESULT;
    const [h, w, c] = image;
    const [kh, kw] = p.kernel_size;
    const total = kh * kw * c * p.filters + (p.use_bias ? p.filters : 0);
    const params: Explanation = p.use_bias
      ? { rule: msg('explain.params.conv'), formula: `((${f(kh)}×${f(kw)}×${f(c)})+1)×${f(p.filters)} = ${f(total)}` }
      : {
          rule: msg('explain.params.convNoBias'),
          formula: `(${f(kh)}×${f(kw)}×${f(c)})×${f(p.filters)} = ${f(total)}`,
        };
    const fits = checkOutputPadding(p, label, () => {});
    const height = outputLength(p, 0, h, 'height');
    const width = outputLength(p, 1, w, 'width');
    const macs = h * w * kh * kw * c * p.filters;
    return {
      outputShape: fits ? [height.size, width.size, p.filters] : null,
      params: { total, trainable: total, nonTrainable: 0 },
      macs,
      // Each output pixel gathers from a varying set of inputs: Keras's field arithmetic does not apply.
      receptiveField: null,
      explanations: {
        outputShape: [
          height.explanation,
          width.explanation,
          { rule: msg('explain.shape.filters'), formula: f(p.filters) },
        ],
        params,
        receptiveField: { rule: msg('explain.rf.enlarged'), formula: '—' },
        macs: {
          rule: msg('explain.macs.transpose'),
          formula: `${formatShape([h, w]).replace(/ /g, '')}×(${f(kh)}×${f(kw)}×${f(c)})×${f(p.filters)} = ${f(macs)}`,
        },
      },
    };
  },
};

function readOutputPadding(c: Config): Pair | null {
  const value = c.output_padding;
  if (value === undefined || value === null) return null;
  try {
    return readPair(c, 'output_padding');
  } catch {
    throw new SettingError('output_padding', value);
  }
}

/**
 * PyTorch's ConvTranspose2d gives the full transposed convolution, (n − 1) × s + k long; TensorFlow's output
 * is a window of it: `start` rows in (half the 'same' padding) and `size` long, zeros past its end.
 */
function torchWindow(p: Params, i: 0 | 1, n: number, size: number): { start: number; extra: number; cut: boolean } {
  const k = p.kernel_size[i] + (p.kernel_size[i] - 1) * (p.dilation_rate[i] - 1);
  const full = (n - 1) * p.strides[i] + k;
  const start = p.padding === 'same' ? Math.floor(Math.max(full - size, 0) / 2) : 0;
  const extra = Math.max(start + size - full, 0);
  return { start, extra, cut: full + extra !== size };
}

export const conv2dTranspose = defineLayer({
  type: 'Conv2DTranspose',
  schema,
  inputs: 'one',
  keras: {
    classNames: ['Conv2DTranspose', 'Convolution2DTranspose', 'Deconvolution2D'],
    nameStem: 'conv2d_transpose',
    read: (c) => ({
      filters: readNumber(c, 'filters'),
      kernel_size: readPair(c, 'kernel_size'),
      strides: readPair(c, 'strides', [1, 1]),
      padding: readPadding(c),
      output_padding: readOutputPadding(c),
      dilation_rate: readPair(c, 'dilation_rate', [1, 1]),
      activation: readActivation(c),
      use_bias: readBool(c, 'use_bias', true),
    }),
    write: ({ name, params: p }) => [
      {
        className: 'Conv2DTranspose',
        name,
        args: [
          kerasArg.int('filters', p.filters),
          kerasArg.tuple('kernel_size', p.kernel_size),
          kerasArg.tuple('strides', p.strides, [1, 1]),
          kerasArg.text('padding', p.padding, 'valid'),
          kerasArg.tuple('output_padding', p.output_padding, null),
          kerasArg.tuple('dilation_rate', p.dilation_rate, [1, 1]),
          kerasArg.text('activation', p.activation, 'linear'),
          kerasArg.bool('use_bias', p.use_bias, true),
        ],
      },
    ],
  },
  tfjs(calls) {
    const call = calls[0]!;
    const value = (key: string) => call.args.find((a) => a.key === key)!.value;
    // TensorFlow.js's Conv2DTranspose has neither.
    if (value('output_padding') !== null) return { ok: false, reason: 'setting', detail: 'output_padding' };
    if (JSON.stringify(value('dilation_rate')) !== '[1,1]')
      return { ok: false, reason: 'setting', detail: 'dilation_rate' };
    return fusedActivationForTfjs([
      { ...call, args: call.args.filter((a) => a.key !== 'output_padding' && a.key !== 'dilation_rate') },
    ]);
  },
  palette: { group: 'convolution', start: { strides: [2, 2], padding: 'same', activation: 'relu' } },
  settings: [
    setting.int('filters', LIMITS.filters),
    setting.pair('kernel_size', LIMITS.kernel),
    setting.pair('strides', LIMITS.stride),
    setting.choice('padding', ['valid', 'same']),
    setting.of('activation', 'activation'),
    setting.of('use_bias', 'bool'),
    advanced(setting.optionalPair('output_padding', [0, LIMITS.stride[1] - 1], 'auto')),
    advanced(setting.pair('dilation_rate', LIMITS.dilation)),
  ],
  rule,
  keySettings: (p) => [
    `${f(p.filters)} × ${pairText(p.kernel_size)}`,
    strideText(p.strides),
    p.padding,
    ...activationPart(p.activation),
  ],
  torch({ id, node, inputShapes, outputShape }, out) {
    const p = node.params;
    const [h, w, c] = inputShapes[0]!;
    const rows = torchWindow(p, 0, h!, outputShape[0]!);
    const cols = torchWindow(p, 1, w!, outputShape[1]!);
    const crop = rows.cut || cols.cut;
    const [oh, ow] = outputShape;
    const window = crop ? `[:, :, ${rows.start}:${rows.start + oh!}, ${cols.start}:${cols.start + ow!}]` : '';
    return {
      init: [
        `self.${id} = nn.ConvTranspose2d(${c}, ${p.filters}, kernel_size=${pyTuple(p.kernel_size)}, stride=${pyTuple(p.strides)}, output_padding=${pyTuple([rows.extra, cols.extra])}, dilation=${pyTuple(p.dilation_rate)}, bias=${pyBool(p.use_bias)})`,
      ],
      forward: ([x]) => [`${out} = ${torchActivation(p.activation, `self.${id}(${x})${window}`, outputShape)}`],
      // Keras's (kh, kw, filters, channels) kernel is PyTorch's (channels, filters, kh, kw).
      load: kernelAndBiasLoad(id, node.name, '.permute(3, 2, 0, 1)', p.use_bias),
      penalty: [],
    };
  },
  activation: (p) => p.activation,
  linearWeighted: true,
  mistakes: {
    params(context) {
      const { node, input } = context;
      if (!input || input.length !== 3) return [];
      const [kh, kw] = node.params.kernel_size;
      return weightedLayerMistakes(context, kh * kw, input[2]!, node.params.filters);
    },
  },
});

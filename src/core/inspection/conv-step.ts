/**
 * One output value of a Conv2D, worked out as the course does it by hand ("對應位置相乘相加"): the window of
 * the input under the kernel at that cell (padding counted as zeros), each input value times its weight,
 * their sum, the bias, and the activation. Laid out as Keras lays out its tensors: the input height × width
 * × channels, the kernel [kernel height, kernel width, input channels, filters].
 */
import type { ActivationName, Padding } from '../layers/params.ts';
import { paddingBefore } from '../analysis/rules/spatial.ts';

export interface ConvStepInput {
  input: { values: ArrayLike<number>; shape: readonly [number, number, number] };
  kernel: { values: ArrayLike<number>; shape: readonly [number, number, number, number] };
  bias: ArrayLike<number> | null;
  strides: readonly [number, number];
  dilation: readonly [number, number];
  padding: Padding;
  activation: ActivationName;
  /** The output cell [row, column] and the filter (output channel). */
  cell: readonly [number, number];
  filter: number;
}

export interface ConvProduct {
  /** Where in the input (may lie in the padding), and which input channel. */
  row: number;
  column: number;
  channel: number;
  /** The input value there (0 in the padding), the weight, and their product. */
  x: number;
  w: number;
  product: number;
}

export interface ConvStep {
  products: ConvProduct[];
  sum: number;
  bias: number;
  /** sum + bias, before the activation. */
  preActivation: number;
  /** After the activation; null for one that is not worked out value by value (softmax). */
  value: number | null;
}

/** An activation applied to one value, as Keras defines it; null where it needs the whole layer (softmax). */
export function activateOne(name: ActivationName, x: number): number | null {
  switch (name) {
    case 'linear':
      return x;
    case 'relu':
      return Math.max(0, x);
    case 'relu6':
      return Math.min(6, Math.max(0, x));
    case 'leaky_relu':
      return x >= 0 ? x : 0.2 * x;
    case 'sigmoid':
      return 1 / (1 + Math.exp(-x));
    case 'hard_sigmoid':
      return Math.min(1, Math.max(0, 0.2 * x + 0.5));
    case 'tanh':
      return Math.tanh(x);
    case 'elu':
      return x >= 0 ? x : Math.exp(x) - 1;
    case 'selu':
      return 1.0507009873554805 * (x >= 0 ? x : 1.6732632423543772 * (Math.exp(x) - 1));
    case 'softplus':
      return Math.log1p(Math.exp(x));
    case 'softsign':
      return x / (1 + Math.abs(x));
    case 'swish':
      return x / (1 + Math.exp(-x));
    case 'exponential':
      return Math.exp(x);
    case 'gelu':
    case 'softmax':
      return null;
  }
}

export function convolutionAt(step: ConvStepInput): ConvStep {
  const [h, w, channels] = step.input.shape;
  const [kh, kw, kc, filters] = step.kernel.shape;
  const span = (k: number, d: number) => d * (k - 1) + 1;
  const top = paddingBefore(h, span(kh, step.dilation[0]), step.strides[0], step.padding);
  const left = paddingBefore(w, span(kw, step.dilation[1]), step.strides[1], step.padding);
  const products: ConvProduct[] = [];
  let sum = 0;
  for (let i = 0; i < kh; i++) {
    for (let j = 0; j < kw; j++) {
      const row = step.cell[0] * step.strides[0] - top + i * step.dilation[0];
      const column = step.cell[1] * step.strides[1] - left + j * step.dilation[1];
      const inside = row >= 0 && row < h && column >= 0 && column < w;
      for (let c = 0; c < Math.min(channels, kc); c++) {
        const x = inside ? step.input.values[(row * w + column) * channels + c]! : 0;
        const weight = step.kernel.values[((i * kw + j) * kc + c) * filters + step.filter]!;
        products.push({ row, column, channel: c, x, w: weight, product: x * weight });
        sum += x * weight;
      }
    }
  }
  const bias = step.bias ? step.bias[step.filter]! : 0;
  const preActivation = sum + bias;
  return { products, sum, bias, preActivation, value: activateOne(step.activation, preActivation) };
}

export interface PoolStepInput {
  input: { values: ArrayLike<number>; shape: readonly [number, number, number] };
  pool: readonly [number, number];
  strides: readonly [number, number];
  padding: Padding;
  operation: 'max' | 'average';
  cell: readonly [number, number];
  channel: number;
}

/** One input value under a pooling window: where (outside the input: padding), and the value. */
export interface PoolTerm {
  row: number;
  column: number;
  x: number;
  padding: boolean;
}

/**
 * One output value of a max or average pooling, worked out from its window of one channel. TensorFlow's
 * pooling leaves the padding out: it never wins a max and never counts in a mean.
 */
export function poolingAt(step: PoolStepInput): { terms: PoolTerm[]; value: number } {
  const [h, w, channels] = step.input.shape;
  const top = paddingBefore(h, step.pool[0], step.strides[0], step.padding);
  const left = paddingBefore(w, step.pool[1], step.strides[1], step.padding);
  const terms: PoolTerm[] = [];
  for (let i = 0; i < step.pool[0]; i++) {
    for (let j = 0; j < step.pool[1]; j++) {
      const row = step.cell[0] * step.strides[0] - top + i;
      const column = step.cell[1] * step.strides[1] - left + j;
      const inside = row >= 0 && row < h && column >= 0 && column < w;
      const x = inside ? step.input.values[(row * w + column) * channels + step.channel]! : 0;
      terms.push({ row, column, x, padding: !inside });
    }
  }
  const values = terms.filter((t) => !t.padding).map((t) => t.x);
  const value =
    step.operation === 'max' ? Math.max(...values) : values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);
  return { terms, value };
}

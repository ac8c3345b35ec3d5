/**
 * Layer settings, named and defaulted as Keras names and defaults them
 * (keras/src/layers/convolutional/base_conv.py, pooling/base_pooling.py, core/dense.py …).
 *
 * The schemas check types only. Ranges (filters 1–65,536, a stride of 0 …) are checked by the
 * analysis, so that a bad value becomes a diagnostic on its layer instead of a file that will not open.
 */
import { z } from 'zod';

/** Every activation Keras and TensorFlow.js both know; the first seven are the ones the palette offers. */
export const ACTIVATIONS = [
  'relu',
  'sigmoid',
  'tanh',
  'softmax',
  'linear',
  'leaky_relu',
  'elu',
  'selu',
  'softplus',
  'softsign',
  'swish',
  'gelu',
  'relu6',
  'hard_sigmoid',
  'exponential',
] as const;
export const activationSchema = z.enum(ACTIVATIONS);
export type ActivationName = z.infer<typeof activationSchema>;

const num = z.number();
/** Height and width, as Keras stores `kernel_size`, `strides`, `pool_size`. */
export const pairSchema = z.tuple([num, num]);
export type Pair = z.infer<typeof pairSchema>;

/** Keras's 'valid' and 'same', or a number p of zeros on every side, as the courses teach ((n+2p−f)/s+1). */
export const paddingSchema = z.union([z.enum(['valid', 'same']), num]);
export type Padding = z.infer<typeof paddingSchema>;

export const inputParams = z.object({
  /** Without the batch axis: [height, width, channels] for images, [features] for vectors. */
  shape: z.array(num.nullable()).default([28, 28, 1]),
});

export const conv2dParams = z.object({
  filters: num.default(32),
  kernel_size: pairSchema.default([3, 3]),
  strides: pairSchema.default([1, 1]),
  padding: paddingSchema.default('valid'),
  dilation_rate: pairSchema.default([1, 1]),
  groups: num.default(1),
  activation: activationSchema.default('linear'),
  use_bias: z.boolean().default(true),
  /** Weight penalties added to the loss (Keras's kernel_regularizer=L1L2(l1, l2)). */
  kernel_l1: num.default(0),
  kernel_l2: num.default(0),
});

export const pooling2dParams = z.object({
  pool_size: pairSchema.default([2, 2]),
  /** null: the pool size, as in Keras. */
  strides: pairSchema.nullable().default(null),
  padding: paddingSchema.default('valid'),
});

export const globalPooling2dParams = z.object({
  keepdims: z.boolean().default(false),
});

export const emptyParams = z.object({});

export const denseParams = z.object({
  units: num.default(10),
  activation: activationSchema.default('linear'),
  use_bias: z.boolean().default(true),
  kernel_l1: num.default(0),
  kernel_l2: num.default(0),
});

export const dropoutParams = z.object({
  rate: num.default(0.5),
});

export const batchNormalizationParams = z.object({
  center: z.boolean().default(true),
  scale: z.boolean().default(true),
  momentum: num.default(0.99),
  epsilon: num.default(0.001),
});

export const activationParams = z.object({
  activation: activationSchema.default('relu'),
});

export const zeroPadding2dParams = z.object({
  /** [[top, bottom], [left, right]] */
  padding: z.tuple([pairSchema, pairSchema]).default([
    [1, 1],
    [1, 1],
  ]),
});

export const concatenateParams = z.object({
  axis: num.default(-1),
});

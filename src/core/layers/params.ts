/**
 * Setting types several layer types share: activations, [height, width] pairs, padding. Each type's own
 * settings are in its module (types/), named and defaulted as Keras names and defaults them.
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

/**
 * How the canvas writes settings in a layer's one-line summary: '32 × 3×3 · s1 · same · ReLU'. Parts that
 * are words ('s1' is "stride 1"; zh-TW writes 步幅 1) are messages, worded in the reader's language.
 */
import { formatInt } from '../format/number.ts';
import { msg, type Msg } from '../i18n/messages.ts';
import type { ActivationName, Pair, Padding } from './params.ts';

/** One part of a key-settings line: a value written as it is, or a word and its value. */
export type KeyPart = string | Msg;

const ACTIVATION_LABELS: Partial<Record<ActivationName, string>> = {
  relu: 'ReLU',
  leaky_relu: 'LeakyReLU',
  elu: 'ELU',
  selu: 'SELU',
  gelu: 'GELU',
  relu6: 'ReLU6',
};

export function activationLabel(name: ActivationName): string {
  return ACTIVATION_LABELS[name] ?? name;
}

export const pairText = ([a, b]: Pair): string => `${formatInt(a)}×${formatInt(b)}`;
const sameOrPair = ([a, b]: Pair): string => (a === b ? formatInt(a) : pairText([a, b]));
export const strideText = (strides: Pair | number): KeyPart =>
  msg('key.stride', { value: typeof strides === 'number' ? formatInt(strides) : sameOrPair(strides) });
export const dilationText = (rate: Pair | number): KeyPart =>
  msg('key.dilation', { value: typeof rate === 'number' ? formatInt(rate) : pairText(rate) });
export const paddingText = (p: Padding): KeyPart =>
  typeof p === 'number' ? msg('key.padding', { value: formatInt(p) }) : p;
/** The activation's label, or nothing for a linear layer. */
export const activationPart = (name: ActivationName): string[] => (name === 'linear' ? [] : [activationLabel(name)]);

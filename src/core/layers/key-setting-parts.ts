/** How the canvas writes settings in a layer's one-line summary: '32 × 3×3 · s1 · same · ReLU'. */
import { formatInt } from '../format/number.ts';
import type { ActivationName, Pair, Padding } from './params.ts';

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
export const strideText = ([a, b]: Pair): string => (a === b ? `s${formatInt(a)}` : `s${formatInt(a)}×${formatInt(b)}`);
export const paddingText = (p: Padding): string => (typeof p === 'number' ? `p${formatInt(p)}` : p);
/** The activation's label, or nothing for a linear layer. */
export const activationPart = (name: ActivationName): string[] => (name === 'linear' ? [] : [activationLabel(name)]);

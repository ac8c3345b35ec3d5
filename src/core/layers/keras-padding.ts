/**
 * Numeric padding (the courses' (n+2p−f)/s+1) as Keras has it: a ZeroPadding2D named '<layer>_pad' before
 * a 'valid' layer. The Keras export and the trainer both build it from here.
 */
import { kerasArg, type KerasArg, type KerasCall } from './keras-config.ts';
import type { Padding } from './params.ts';

export function kerasPadding(name: string, value: Padding): { before: KerasCall | null; mode: KerasArg } {
  if (value === 'same') return { before: null, mode: kerasArg.text('padding', 'same') };
  const mode = kerasArg.text('padding', 'valid', 'valid');
  if (value === 'valid' || value === 0) return { before: null, mode };
  return {
    before: { className: 'ZeroPadding2D', name: `${name}_pad`, args: [kerasArg.raw('padding', value, String(value))] },
    mode,
  };
}

/** The calls of a layer with numeric padding: the padding first where there is one. */
export const withPadding = (before: KerasCall | null, call: KerasCall): KerasCall[] =>
  before ? [before, call] : [call];

/**
 * A common mistake with a figure, as the wrong answer it leads to. Layer modules say which mistakes their
 * own settings invite (src/core/layers/types/); common-mistakes.ts asks them and adds those of every layer.
 */
import type { NodeAnalysis } from '../analysis/types.ts';
import { formatInt } from '../format/number.ts';
import { msg, type Msg } from '../i18n/messages.ts';
import type { LayerFigure } from './exercise-schema.ts';

/** A wrong answer and the mistakes that lead to it; a function for answers that are wrong in any amount. */
export interface Misreading {
  answer: number[] | ((answer: number[]) => boolean);
  mistakes: Msg[];
}

/** What a layer module's mistakes may look at. */
export interface MistakeContext<P> {
  node: { id: string; name: string; params: P };
  result: NodeAnalysis;
  /** The shape of the layer's (first) input. */
  input: number[] | null;
  /** The figure of this layer when the network is read with these settings of it changed. */
  misread(figure: LayerFigure, settings: Record<string, unknown>): number[] | null;
  /** The image shape a Flatten right before this layer lined up, if there is one. */
  flattenedFrom(): number[] | null;
}

/** The misreading, where the misread network has a figure at all. */
export const known = (answer: number[] | null, mistakes: Msg[]): Misreading[] => (answer ? [{ answer, mistakes }] : []);

/** The bias forgotten (or, where the layer has none, added): the layer's count with use_bias the other way. */
export const biasMistake = (context: MistakeContext<{ use_bias: boolean }>): Misreading[] =>
  known(context.misread('params', { use_bias: !context.node.params.use_bias }), [
    msg(context.node.params.use_bias ? 'mistake.forgotBias' : 'mistake.addedBias'),
  ]);

/**
 * The mistakes of a layer of `outputs` units each weighing `window` × `inputs` values plus a bias (Dense:
 * window 1; Conv2D: the kernel's area): the bias added or forgotten, outputs taken for inputs, one bias for
 * all, one output only. `own` are the layer's own, asked (where it has a bias) before the others or after.
 */
export function weightedLayerMistakes(
  context: MistakeContext<{ use_bias: boolean }>,
  window: number,
  inputs: number,
  outputs: number,
  own: { before?: () => Misreading[]; after?: () => Misreading[] } = {},
): Misreading[] {
  if (!context.node.params.use_bias) return biasMistake(context);
  return [
    ...biasMistake(context),
    ...(own.before?.() ?? []),
    {
      answer: [(window * outputs + 1) * outputs],
      mistakes: [msg('mistake.outputsAsInputs', { inputs: formatInt(inputs), outputs: formatInt(outputs) })],
    },
    { answer: [window * inputs * outputs + 1], mistakes: [msg('mistake.oneBias', { count: formatInt(outputs) })] },
    { answer: [window * inputs + 1], mistakes: [msg('mistake.oneOutput', { count: formatInt(outputs) })] },
    ...(own.after?.() ?? []),
  ];
}

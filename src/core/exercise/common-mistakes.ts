/**
 * The mistakes students commonly make with each figure, each as the wrong answer it leads to. Where a
 * mistake is a misread setting (the other padding, no stride, no bias) its answer comes from the same
 * analysis run on the network with that setting changed, so no formula is written twice.
 */
import { analyse } from '../analysis/analyse.ts';
import type { Analysis, NodeAnalysis } from '../analysis/types.ts';
import type { Graph, LayerNode } from '../document/graph-schema.ts';
import { formatInt } from '../format/number.ts';
import { msg, type Msg } from '../i18n/messages.ts';
import { layerModule } from '../layers/catalogue.ts';
import type { Pair } from '../layers/params.ts';
import type { LayerFigure, Question } from './exercise-schema.ts';
import { known, type Misreading } from './misreading.ts';
import { figureNumbers, layerFigure } from './figures.ts';

/** The mistakes that explain this wrong answer, if any of the common ones does. */
export function namedMistakes(graph: Graph, analysis: Analysis, question: Question, answer: number[]): Msg[] {
  for (const misreading of misreadings(graph, analysis, question)) {
    const hit =
      typeof misreading.answer === 'function' ? misreading.answer(answer) : sameNumbers(misreading.answer, answer);
    if (hit) return misreading.mistakes;
  }
  return [];
}

export function sameNumbers(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

function misreadings(graph: Graph, analysis: Analysis, question: Question): Misreading[] {
  if (question.figure === 'totalParams') {
    const { trainable, nonTrainable } = analysis.totals;
    const frozen = analysis.nodes.some((n) => !n.trainable && (n.params?.total ?? 0) > 0);
    const key = frozen ? 'mistake.totalLeftOutFrozen' : 'mistake.totalLeftOutNonTrainable';
    return nonTrainable > 0 ? [{ answer: [trainable], mistakes: [msg(key, { count: formatInt(nonTrainable) })] }] : [];
  }
  const node = graph.nodes.find((n) => n.id === question.nodeId);
  const result = analysis.byId.get(question.nodeId);
  if (!node || !result) return [];
  const inputs = (analysis.inputsOf.get(node.id) ?? []).map((id) => analysis.byId.get(id));
  const context: Context = { graph, analysis, node, result, input: inputs[0]?.outputShape ?? null };
  const found = FIGURE_MISREADINGS[question.figure](context);
  return found.filter(
    (m) => typeof m.answer === 'function' || !sameNumbers(m.answer, correct(result, question.figure)),
  );
}

interface Context {
  graph: Graph;
  analysis: Analysis;
  node: LayerNode;
  result: NodeAnalysis;
  /** The shape of the layer's (first) input. */
  input: number[] | null;
}

function correct(result: NodeAnalysis, figure: LayerFigure): number[] {
  const value = layerFigure(result, figure);
  return value ? figureNumbers(value) : [];
}

/** The figure of this layer when the network is read with `change` applied to it. */
function misread(context: Context, figure: LayerFigure, change: (graph: Graph) => Graph): number[] | null {
  const node = analyse(change(context.graph)).byId.get(context.node.id);
  const value = node ? layerFigure(node, figure) : null;
  return value ? figureNumbers(value) : null;
}

function withParams(nodeId: string, params: Record<string, unknown>): (graph: Graph) => Graph {
  return (graph) => ({
    ...graph,
    nodes: graph.nodes.map((n) => (n.id === nodeId ? ({ ...n, params: { ...n.params, ...params } } as LayerNode) : n)),
  });
}

/** Every stride in the network set to 1: the receptive field of someone who forgets the jump. */
function withoutStrides(graph: Graph): Graph {
  return {
    ...graph,
    nodes: graph.nodes.map((n) =>
      'strides' in n.params ? ({ ...n, params: { ...n.params, strides: [1, 1] } } as LayerNode) : n,
    ),
  };
}

const FIGURE_MISREADINGS: Record<LayerFigure, (context: Context) => Misreading[]> = {
  params: paramMisreadings,
  outputShape: shapeMisreadings,
  receptiveField: fieldMisreadings,
};

function paramMisreadings(context: Context): Misreading[] {
  const { node, result } = context;
  if ((result.params?.total ?? 0) === 0) {
    return [{ answer: ([n]) => n !== 0, mistakes: [msg('mistake.noWeights')] }];
  }
  // The mistakes a layer's own settings invite are its module's.
  const ask = layerModule(node.type).mistakes?.params;
  return ask
    ? ask({
        node,
        result,
        input: context.input,
        misread: (figure, settings) => misread(context, figure, withParams(node.id, settings)),
        flattenedFrom: () => flattenInput(context),
      })
    : [];
}

/** The image shape a Flatten before this layer lined up, if there is one. */
function flattenInput({ analysis, node }: Context): number[] | null {
  const before = analysis.inputsOf.get(node.id)?.[0];
  const flatten = before ? analysis.byId.get(before) : undefined;
  if (flatten?.type !== 'Flatten') return null;
  const image = flatten.inputShapes[0];
  return image && image.length === 3 ? image : null;
}

function shapeMisreadings(context: Context): Misreading[] {
  const { node, result, input } = context;
  const out: Misreading[] = [];
  // Layers that slide a window (a kernel or a pool): the other padding, no stride.
  const p = node.params as { padding?: unknown; strides?: Pair | null; pool_size?: Pair; kernel_size?: Pair };
  if (p.padding !== undefined && (p.kernel_size || p.pool_size)) {
    const padding = p.padding;
    if (padding === 'valid' || padding === 'same') {
      const other = padding === 'valid' ? 'same' : 'valid';
      out.push(
        ...known(misread(context, 'outputShape', withParams(node.id, { padding: other })), [
          msg(padding === 'valid' ? 'mistake.usedSamePadding' : 'mistake.usedValidPadding'),
        ]),
      );
    }
    const strides = (p.strides ?? p.pool_size)!;
    if (strides[0] !== 1 || strides[1] !== 1) {
      out.push(
        ...known(misread(context, 'outputShape', withParams(node.id, { strides: [1, 1] })), [
          msg('mistake.forgotStride', {
            stride: strides[0] === strides[1] ? formatInt(strides[0]) : strides.map(formatInt).join('×'),
          }),
        ]),
      );
    }
  }
  const shape = result.outputShape;
  const filters = (node.params as { filters?: number }).filters;
  if (filters !== undefined && shape && input && input.length === 3 && input[2] !== shape[2]) {
    out.push({
      answer: [shape[0]!, shape[1]!, input[2]!],
      mistakes: [msg('mistake.keptInputChannels', { filters: formatInt(filters) })],
    });
  }
  if (shape && shape.length === 3 && shape[2] !== shape[0]) {
    out.push({ answer: [shape[2]!, shape[0]!, shape[1]!], mistakes: [msg('mistake.channelsFirst')] });
  }
  return out;
}

function fieldMisreadings(context: Context): Misreading[] {
  const { node } = context;
  const p = node.params as { kernel_size?: Pair; pool_size?: Pair };
  const window = p.kernel_size ?? p.pool_size ?? null;
  return [
    ...known(misread(context, 'receptiveField', withoutStrides), [msg('mistake.fieldForgotJump')]),
    ...(window ? [{ answer: [...window], mistakes: [msg('mistake.fieldOnlyThisLayer')] }] : []),
  ];
}

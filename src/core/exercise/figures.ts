/** The figure each question asks for, worked out by the analysis, with the explanations behind it. */
import type { Analysis, Explanation, NodeAnalysis } from '../analysis/types.ts';
import { formatInt, formatShape } from '../format/number.ts';
import { msg } from '../i18n/messages.ts';
import type { LayerFigure, Question } from './exercise-schema.ts';

/** A figure as numbers: a count, a shape without the batch axis, or a receptive field [height, width]. */
export type FigureValue =
  { kind: 'count'; value: number } | { kind: 'shape'; value: number[] } | { kind: 'field'; value: [number, number] };

export type FigureKind = FigureValue['kind'];

export const FIGURE_KIND: Record<Question['figure'], FigureKind> = {
  outputShape: 'shape',
  params: 'count',
  receptiveField: 'field',
  totalParams: 'count',
};

/** A layer's figure, or null where the analysis cannot work it out (an error, or no receptive field). */
export function layerFigure(node: NodeAnalysis, figure: LayerFigure): FigureValue | null {
  switch (figure) {
    case 'outputShape':
      return node.outputShape ? { kind: 'shape', value: node.outputShape } : null;
    case 'params':
      return node.params ? { kind: 'count', value: node.params.total } : null;
    case 'receptiveField':
      return node.receptiveField ? { kind: 'field', value: node.receptiveField.size } : null;
  }
}

/** The right answer to a question, or null where the network does not determine it. */
export function correctAnswer(analysis: Analysis, question: Question): FigureValue | null {
  if (question.figure === 'totalParams') {
    return analysis.totals.complete ? { kind: 'count', value: analysis.totals.total } : null;
  }
  const node = analysis.byId.get(question.nodeId);
  return node ? layerFigure(node, question.figure) : null;
}

/** Whether a teacher can ask this figure of this layer: never of an Input, only where it is known. */
export function canAsk(node: NodeAnalysis, figure: LayerFigure): boolean {
  return node.type !== 'Input' && layerFigure(node, figure) !== null;
}

/** A figure as the list of numbers an answer is compared with: [count], the shape, [height, width]. */
export function figureNumbers(figure: FigureValue): number[] {
  return figure.kind === 'count' ? [figure.value] : [...figure.value];
}

/** '1,199,882', '26 × 26 × 32', '5×5'. */
export function formatFigure(figure: FigureValue): string {
  switch (figure.kind) {
    case 'count':
      return formatInt(figure.value);
    case 'shape':
      return formatShape(figure.value);
    case 'field':
      return `${formatInt(figure.value[0])}×${formatInt(figure.value[1])}`;
  }
}

/** The step-by-step arithmetic behind a question's answer: the same explanations the inspector shows. */
export function answerExplanations(analysis: Analysis, question: Question): Explanation[] {
  if (question.figure === 'totalParams') return [totalParamsExplanation(analysis)];
  const explanations = analysis.byId.get(question.nodeId)?.explanations;
  if (!explanations) return [];
  switch (question.figure) {
    case 'outputShape':
      return explanations.outputShape;
    case 'params':
      return explanations.params ? [explanations.params] : [];
    case 'receptiveField':
      return explanations.receptiveField ? [explanations.receptiveField] : [];
  }
}

/** 'Total = 320 + 18,496 + 1,179,776 + 1,290 = 1,199,882': every layer with weights, in order. */
function totalParamsExplanation(analysis: Analysis): Explanation {
  const terms = analysis.nodes.map((n) => n.params?.total ?? 0).filter((n) => n > 0);
  const sum = terms.length > 0 ? terms.map(formatInt).join(' + ') : '0';
  return {
    rule: msg('explain.params.total'),
    formula: terms.length > 1 ? `${sum} = ${formatInt(analysis.totals.total)}` : sum,
  };
}

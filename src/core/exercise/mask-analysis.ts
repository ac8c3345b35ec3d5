/**
 * The analysis as a student sees it while working on an exercise: every asked figure hidden, and with it
 * whatever would give it away — the shapes on the connections and in the next layers' inputs, the
 * multiply-adds and memory that follow from a shape, the formulas that use it, the totals, and the problems
 * the analysis reports about those layers (a warning quotes the shape a layer gets).
 */
import type { Analysis, Diagnostic, NodeAnalysis } from '../analysis/types.ts';
import { questionKey, type LayerFigure, type Question } from './exercise-schema.ts';

export interface MaskedAnalysis extends Analysis {
  /** Question keys of the hidden figures. */
  hidden: ReadonlySet<string>;
  /** True when the totals would give an answer away and are not shown. */
  totalsHidden: boolean;
}

export function maskAnalysis(analysis: Analysis, questions: readonly Question[]): MaskedAnalysis {
  const hidden = new Set(questions.map(questionKey));
  const asked = (id: string, figure: LayerFigure) => hidden.has(`${id}/${figure}`);
  const askedAny = (id: string) => asked(id, 'outputShape') || asked(id, 'params') || asked(id, 'receptiveField');
  const inputHiddenOf = (id: string) =>
    (analysis.inputsOf.get(id) ?? []).some((input) => asked(input, 'outputShape') || asked(input, 'receptiveField'));
  const totalsHidden = questions.some((q) => q.figure !== 'receptiveField');
  // A problem of a layer whose figures (or inputs) are asked, or of the whole network when totals are hidden.
  const tells = (d: Diagnostic) => (d.nodeId === null ? totalsHidden : askedAny(d.nodeId) || inputHiddenOf(d.nodeId));
  const nodes = analysis.nodes.map((node): NodeAnalysis => {
    const inputs = analysis.inputsOf.get(node.id) ?? [];
    const inputHidden = inputHiddenOf(node.id);
    const shapeHidden = asked(node.id, 'outputShape');
    return {
      ...node,
      inputShapes: inputs.some((id) => asked(id, 'outputShape')) ? [] : node.inputShapes,
      outputShape: shapeHidden ? null : node.outputShape,
      params: asked(node.id, 'params') ? null : node.params,
      receptiveField: asked(node.id, 'receptiveField') ? null : node.receptiveField,
      macs: askedAny(node.id) || inputHidden ? null : node.macs,
      activationBytes: shapeHidden ? null : node.activationBytes,
      explanations: askedAny(node.id) || inputHidden ? null : node.explanations,
      diagnostics: node.diagnostics.filter((d) => !tells(d)),
    };
  });
  return {
    ...analysis,
    nodes,
    diagnostics: analysis.diagnostics.filter((d) => !tells(d)),
    byId: new Map(nodes.map((n) => [n.id, n])),
    totals: totalsHidden ? { ...analysis.totals, complete: false } : analysis.totals,
    hidden,
    totalsHidden,
  };
}

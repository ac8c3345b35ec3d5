/**
 * `analyse(graph)`: every layer's output shape, parameter counts, multiply-adds, memory, receptive field,
 * explanations and diagnostics. Pure; the UI, the CLI, the trainer and the exporters all call it.
 * It never throws on a bad graph: problems become diagnostics, and every layer shows what it can.
 */
import type { Graph, LayerNode } from '../document/graph-schema.ts';
import { msg } from '../i18n/messages.ts';
import { layerModule } from '../layers/catalogue.ts';
import { inputResult, inputShapeOf } from '../layers/types/input.ts';
import { adjacency, reachable, topologicalOrder } from './graph-order.ts';
import { UNKNOWN_RESULT, type Report, type RuleResult } from './rules/rule.ts';
import type { Analysis, Diagnostic, NodeAnalysis, Shape, Totals } from './types.ts';

const PARAMS_WARNING_THRESHOLD = 100_000_000;
const BYTES_PER_VALUE = 4;

/** How messages name a layer: 'conv2d' (Conv2D). */
export function layerLabel(node: Pick<LayerNode, 'name' | 'type'>): string {
  return `'${node.name}' (${node.type})`;
}

export function analyse(graph: Graph): Analysis {
  const adj = adjacency(graph);
  const { order, cyclic } = topologicalOrder(graph, adj);
  const nodesById = new Map(graph.nodes.map((n) => [n.id, n]));
  const inputIds = graph.nodes.filter((n) => n.type === 'Input').map((n) => n.id);
  const connected = reachable(inputIds, adj.outgoing);
  const results = new Map<string, NodeAnalysis>();
  const diagnostics: Diagnostic[] = [];

  if (graph.nodes.length === 0) {
    diagnostics.push({
      severity: 'error',
      nodeId: null,
      message: msg('diag.emptyGraph'),
    });
  } else if (inputIds.length === 0) {
    diagnostics.push({
      severity: 'error',
      nodeId: null,
      message: msg('diag.noInputLayer'),
    });
  }

  const nameCounts = new Map<string, number>();
  for (const node of graph.nodes) nameCounts.set(node.name, (nameCounts.get(node.name) ?? 0) + 1);
  const cyclicSet = new Set(cyclic);
  for (const id of [...order, ...cyclic]) {
    const node = nodesById.get(id)!;
    const label = layerLabel(node);
    const own: Diagnostic[] = [];
    const report: Report = (severity, message) => own.push({ severity, nodeId: id, message });
    const sources = adj.incoming.get(id)!;
    const upstream = sources.map((s) => results.get(s));

    if (nameCounts.get(node.name)! > 1) report('error', msg('diag.duplicateName', { layer: label }));
    const module = layerModule(node.type);
    const rule = module.rule;
    const before = own.length;
    rule.checkSettings(node, label, report);
    const settingsOk = !own.slice(before).some((d) => d.severity === 'error');

    let result = UNKNOWN_RESULT;
    if (cyclicSet.has(id)) {
      report('error', msg('diag.cycle', { layer: label }));
    } else if (node.type === 'Input') {
      if (sources.length > 0) report('error', msg('diag.inputHasInputs', { layer: label }));
      const shape = settingsOk ? inputShapeOf(node.params.shape, label, () => {}) : null;
      if (shape && sources.length === 0) result = inputResult(shape);
    } else if (!connected.has(id)) {
      if (inputIds.length > 0) report('error', msg('diag.notConnected', { layer: label }));
    } else if (module.inputs === 'many' && sources.length < 2) {
      report('error', msg('diag.mergeNeedsTwo', { layer: label, count: sources.length }));
    } else if (module.inputs !== 'many' && sources.length !== 1) {
      report('error', msg('diag.tooManyInputs', { layer: label, count: sources.length }));
    } else if (settingsOk && upstream.every((u) => u?.outputShape)) {
      result = rule.infer({
        node,
        label,
        inputs: upstream.map((u) => u!.outputShape!),
        inputLabels: sources.map((s) => layerLabel(nodesById.get(s)!)),
        inputFields: upstream.map((u) => u!.receptiveField),
        report,
      });
    }

    if (node.trainable === false && result.params) result = frozen(result);

    if (!countsAreExact(result)) {
      // Past 2^53 a number is no longer a count: never show a wrong digit, say so instead.
      report('error', msg('diag.countTooLarge', { layer: label }));
      const explanations = result.explanations && { ...result.explanations, params: null, macs: null };
      result = { ...result, params: null, macs: null, explanations };
    }

    if (!cyclicSet.has(id) && usesSoftmax(node) && adj.outgoing.get(id)!.length > 0) {
      report('warning', msg('warn.softmaxNotLast', { layer: label }));
    }
    const next = !cyclicSet.has(id) && isLinearWeighted(node) ? linearSuccessor(id, adj.outgoing, nodesById) : null;
    if (next) report('warning', msg('warn.noActivation', { layer: label, next: layerLabel(next) }));

    results.set(id, {
      id,
      name: node.name,
      type: node.type,
      inputShapes: knownShapes(upstream),
      outputShape: result.outputShape,
      params: result.params,
      macs: result.macs,
      activationBytes: result.outputShape ? exactOrNull(elements(result.outputShape) * BYTES_PER_VALUE) : null,
      receptiveField: result.receptiveField,
      explanations: result.explanations,
      diagnostics: own,
      trainable: node.trainable !== false,
      group: node.group ?? null,
    });
    diagnostics.push(...own);
  }

  const nodes = [...order, ...cyclic].map((id) => results.get(id)!);
  const totals = sumTotals(nodes);
  if (![totals.total, totals.trainable, totals.nonTrainable, totals.macs].every(Number.isSafeInteger)) {
    diagnostics.push({ severity: 'error', nodeId: null, message: msg('diag.totalTooLarge') });
  }
  if (totals.total > PARAMS_WARNING_THRESHOLD) {
    diagnostics.push({
      severity: 'warning',
      nodeId: null,
      message: msg('warn.tooManyParams', { total: totals.total }),
    });
  }
  return {
    nodes,
    byId: results,
    totals,
    diagnostics,
    outputIds: graph.nodes.filter((n) => adj.outgoing.get(n.id)!.length === 0).map((n) => n.id),
    inputsOf: adj.incoming,
    groups: graph.groups ?? [],
  };
}

/** A layer whose weights are a matrix product (Conv2D, Dense) without an activation. */
function isLinearWeighted(node: LayerNode): boolean {
  const module = layerModule(node.type);
  return module.linearWeighted === true && module.activation?.(node.params) === 'linear';
}

/**
 * The layer a linear Conv2D or Dense feeds when everything it feeds is another Conv2D or Dense: nothing
 * non-linear between them (the last layer, feeding nothing, may well be linear: logits).
 */
function linearSuccessor(
  id: string,
  outgoing: Map<string, string[]>,
  nodesById: Map<string, LayerNode>,
): LayerNode | null {
  const targets = (outgoing.get(id) ?? []).map((t) => nodesById.get(t)!);
  if (targets.length === 0 || !targets.every((t) => layerModule(t.type).linearWeighted)) return null;
  return targets[0]!;
}

function usesSoftmax(node: LayerNode): boolean {
  return layerModule(node.type).activation?.(node.params) === 'softmax';
}

/** A frozen layer (Keras's trainable = False): every weight it has is non-trainable. */
function frozen(result: RuleResult): RuleResult {
  const total = result.params!.total;
  const params = result.explanations?.params;
  return {
    ...result,
    params: { total, trainable: 0, nonTrainable: total },
    explanations: result.explanations && {
      ...result.explanations,
      // A frozen layer without weights (pooling, Flatten) has nothing for freezing to keep: its rule stands.
      params:
        params && total > 0
          ? { rule: msg('explain.params.frozen', { rule: params.rule, total }), formula: params.formula }
          : (params ?? null),
    },
  };
}

function knownShapes(upstream: Array<NodeAnalysis | undefined>): Shape[] {
  const shapes: Shape[] = [];
  for (const u of upstream) if (u?.outputShape) shapes.push(u.outputShape);
  return shapes;
}

const exactOrNull = (n: number): number | null => (Number.isSafeInteger(n) ? n : null);

/** Whether a layer's counts are whole numbers JavaScript holds exactly (up to 2^53 − 1). */
function countsAreExact(result: { params: NodeAnalysis['params']; macs: number | null }): boolean {
  const { params, macs } = result;
  if (params && ![params.total, params.trainable, params.nonTrainable].every(Number.isSafeInteger)) return false;
  if (macs !== null && !Number.isSafeInteger(macs)) return false;
  return true;
}

function elements(shape: Shape): number {
  return shape.reduce((a, b) => a * b, 1);
}

function sumTotals(nodes: NodeAnalysis[]): Totals {
  const totals: Totals = {
    total: 0,
    trainable: 0,
    nonTrainable: 0,
    macs: 0,
    activationBytes: 0,
    complete: true,
  };
  for (const n of nodes) {
    if (n.params) {
      totals.total += n.params.total;
      totals.trainable += n.params.trainable;
      totals.nonTrainable += n.params.nonTrainable;
    } else {
      totals.complete = false;
    }
    totals.macs += n.macs ?? 0;
    totals.activationBytes += n.activationBytes ?? 0;
  }
  return totals;
}

/** True when the analysis found no errors (warnings allowed). */
export function hasErrors(analysis: Analysis): boolean {
  return analysis.diagnostics.some((d) => d.severity === 'error');
}

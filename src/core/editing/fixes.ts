/**
 * One-click fixes for the mistakes newcomers make most, each tried on a copy of the network and offered only
 * when the analysis then no longer reports the problem and reports no new error where it could see before:
 * - Dense after a spatial layer: insert Flatten, or GlobalAveragePooling2D;
 * - a kernel or pool window bigger than its input: the largest size that fits, or 'same' padding;
 * - Add / Concatenate with inputs of different shapes: 'same' padding on the branches' layers, or a 1×1
 *   Conv2D projection, a pooling or a Dense on one branch with the numbers that make them match;
 * - the last layer's outputs ≠ the dataset's classes: set its units.
 * A fix says in words what it changes; the editor applies it as one step, which undo takes back.
 */
import { analyse } from '../analysis/analyse.ts';
import { adjacency, reachable } from '../analysis/graph-order.ts';
import type { Analysis, Diagnostic, Shape } from '../analysis/types.ts';
import type { Graph, LayerNode } from '../document/graph-schema.ts';
import { msg, type Msg } from '../i18n/messages.ts';
import { paletteParams, type LayerType } from '../layers/catalogue.ts';
import { applyCommand, type Command } from './commands.ts';

export interface Fix {
  /** The problem it mends: the layer it is reported on and its message key. */
  nodeId: string | null;
  problem: string;
  /** What it changes, in words. */
  what: Msg;
  /** The network after the fix. */
  graph: Graph;
}

interface Candidate {
  what: Msg;
  commands: Command[];
}

type NewId = () => string;

const quoted = (node: { name: string }) => `'${node.name}'`;
const sameProblem = (a: Diagnostic, b: Diagnostic) => a.nodeId === b.nodeId && a.message.key === b.message.key;

/** Whether the network after a fix no longer has the problem, and has no new error where shapes were known. */
function mends(after: Analysis, problem: Diagnostic, before: Analysis): boolean {
  if (after.diagnostics.some((d) => sameProblem(d, problem))) return false;
  const known = new Set(before.nodes.filter((n) => n.outputShape !== null).map((n) => n.id));
  const errors = before.diagnostics.filter((d) => d.severity === 'error');
  return after.diagnostics.every(
    (d) =>
      d.severity !== 'error' ||
      errors.some((e) => sameProblem(e, d)) ||
      (d.nodeId !== null && !known.has(d.nodeId) && before.byId.has(d.nodeId)),
  );
}

function tried(graph: Graph, candidate: Candidate): Graph {
  return candidate.commands.reduce(applyCommand, graph);
}

/** The fixes for every problem of the network that has one, in the order of the problems. */
export function fixesFor(graph: Graph, analysis: Analysis, newId: NewId): Fix[] {
  return analysis.diagnostics.flatMap((problem) => {
    const seen = new Set<string>();
    return candidatesFor(problem, graph, analysis, newId).flatMap((candidate) => {
      const fixed = tried(graph, candidate);
      const key = JSON.stringify(candidate.what);
      if (seen.has(key) || !mends(analyse(fixed), problem, analysis)) return [];
      seen.add(key);
      return [{ nodeId: problem.nodeId, problem: problem.message.key, what: candidate.what, graph: fixed }];
    });
  });
}

function candidatesFor(problem: Diagnostic, graph: Graph, analysis: Analysis, newId: NewId): Candidate[] {
  const node = problem.nodeId === null ? undefined : graph.nodes.find((n) => n.id === problem.nodeId);
  if (!node) return [];
  switch (problem.message.key) {
    case 'warn.denseNotFlat':
      return denseFixes(node, graph, analysis, newId);
    case 'diag.kernelTooLarge':
      return windowFixes(node, graph);
    case 'diag.addMismatch':
    case 'diag.concatMismatch':
      return mergeFixes(node, graph, analysis, newId);
    default:
      return [];
  }
}

/** A new layer on the connection from `source` into `target`. */
function insertOn(
  graph: Graph,
  source: string,
  target: string,
  type: LayerType,
  newId: NewId,
  params?: Record<string, unknown>,
): Command[] {
  const edge = graph.edges.find((e) => e.source === source && e.target === target);
  if (!edge) return [];
  const full = params && { ...paletteParams(type), ...params };
  return [{ kind: 'insertOnEdge', edgeId: edge.id, type, id: newId(), newEdgeId: newId(), params: full }];
}

function denseFixes(dense: LayerNode, graph: Graph, analysis: Analysis, newId: NewId): Candidate[] {
  const [source] = analysis.inputsOf.get(dense.id) ?? [];
  const shape = analysis.byId.get(dense.id)?.inputShapes[0];
  if (!source) return [];
  const candidates = [
    {
      what: msg('fix.flatten', { layer: quoted(dense) }),
      commands: insertOn(graph, source, dense.id, 'Flatten', newId),
    },
  ];
  if (shape?.length === 3) {
    candidates.push({
      what: msg('fix.globalPooling', { layer: quoted(dense) }),
      commands: insertOn(graph, source, dense.id, 'GlobalAveragePooling2D', newId),
    });
  }
  return candidates;
}

const WINDOW_SETTINGS = ['kernel_size', 'pool_size'] as const;

/** The largest window that fits (tried from one less than now down to 1), or 'same' padding where it has padding. */
function windowFixes(node: LayerNode, graph: Graph): Candidate[] {
  const params = node.params as Record<string, unknown>;
  const setting = WINDOW_SETTINGS.find((k) => Array.isArray(params[k]));
  const candidates: Candidate[] = [];
  if (setting) {
    const size = params[setting] as number[];
    for (let t = Math.max(...size) - 1; t >= 1; t--) {
      const value = size.map((v) => Math.min(v, t));
      const commands: Command[] = [{ kind: 'setParam', nodeId: node.id, key: setting, value }];
      if (
        analyse(commands.reduce(applyCommand, graph)).diagnostics.some(
          (d) => d.nodeId === node.id && d.message.key === 'diag.kernelTooLarge',
        )
      )
        continue;
      candidates.push({
        what: msg('fix.windowSize', { layer: quoted(node), setting, from: size.join('×'), to: value.join('×') }),
        commands,
      });
      break;
    }
  }
  if (params.padding === 'valid') candidates.push(samePadding([node]));
  return candidates;
}

function samePadding(nodes: LayerNode[]): Candidate {
  return {
    what: msg('fix.samePadding', { layers: nodes.map(quoted).join(', ') }),
    commands: nodes.map((n) => ({ kind: 'setParam', nodeId: n.id, key: 'padding', value: 'same' }) as const),
  };
}

/** The layers on one input's branch only: before it, and not before every other input too. */
function branchLayers(graph: Graph, inputs: readonly string[]): LayerNode[] {
  const incoming = adjacency(graph).incoming;
  const before = inputs.map((id) => reachable([id], incoming));
  const common = before.reduce((a, b) => new Set([...a].filter((id) => b.has(id))));
  const only = new Set(before.flatMap((set) => [...set]).filter((id) => !common.has(id)));
  return graph.nodes.filter((n) => only.has(n.id));
}

function mergeFixes(merge: LayerNode, graph: Graph, analysis: Analysis, newId: NewId): Candidate[] {
  const inputs = analysis.inputsOf.get(merge.id) ?? [];
  const shapes = inputs.map((id) => analysis.byId.get(id)?.outputShape ?? null);
  if (inputs.length < 2 || shapes.some((s) => s === null)) return [];
  const candidates: Candidate[] = [];
  const valid = branchLayers(graph, inputs).filter((n) => (n.params as Record<string, unknown>).padding === 'valid');
  if (valid.length > 0) candidates.push(samePadding(valid));
  const add = merge.type !== 'Concatenate';
  // Each input made to match the first other one, smallest change first.
  inputs.forEach((source, i) => {
    const own = shapes[i]!;
    const target = shapes[i === 0 ? 1 : 0]!;
    const from = graph.nodes.find((n) => n.id === source)!;
    candidates.push(
      ...matchingLayer(own, target, add).map((m) => ({
        what: m.what(quoted(from)),
        commands: insertOn(graph, source, merge.id, m.type, newId, m.params),
      })),
    );
  });
  return candidates;
}

interface Matching {
  type: LayerType;
  params: Record<string, unknown>;
  /** What it changes, for the branch it goes on. */
  what: (branch: string) => Msg;
}

/** A layer that turns `own` into `target`'s shape (its spatial size only, for Concatenate), if one does. */
function matchingLayer(own: Shape, target: Shape, add: boolean): Matching[] {
  if (own.length === 1 && target.length === 1 && add) {
    const units = target[0]!;
    return [{ type: 'Dense', params: { units }, what: (branch) => msg('fix.dense', { branch, units }) }];
  }
  if (own.length !== 3 || target.length !== 3) return [];
  const ratio = [own[0]! / target[0]!, own[1]! / target[1]!];
  if (!ratio.every((r) => Number.isInteger(r) && r >= 1)) return [];
  const channels = add ? target[2]! : own[2]!;
  const strides = ratio as [number, number];
  const out: Matching[] = [];
  if (channels === own[2] && ratio.some((r) => r > 1)) {
    out.push({
      type: 'MaxPooling2D',
      params: { pool_size: strides, strides, padding: 'valid' },
      what: (branch) => msg('fix.pooling', { branch, size: strides.join('×') }),
    });
  }
  out.push({
    type: 'Conv2D',
    params: { filters: channels, kernel_size: [1, 1], strides, padding: 'valid', activation: 'linear' },
    what: (branch) => msg('fix.projection', { branch, filters: channels, strides: strides.join('×') }),
  });
  return out;
}

/**
 * The fix for a last layer whose outputs are not the dataset's classes: its units (the last Dense's, through
 * layers that keep the size, such as Softmax or Dropout), if setting them makes the output the classes.
 */
export function classCountFix(graph: Graph, analysis: Analysis, classes: number): Fix | null {
  if (analysis.outputIds.length !== 1) return null;
  const incoming = adjacency(graph).incoming;
  let at = graph.nodes.find((n) => n.id === analysis.outputIds[0]);
  for (let steps = 0; at && at.type !== 'Dense' && steps < 8; steps++) {
    const before = incoming.get(at.id) ?? [];
    at = before.length === 1 ? graph.nodes.find((n) => n.id === before[0]) : undefined;
  }
  if (!at) return null;
  const fixed = applyCommand(graph, { kind: 'setParam', nodeId: at.id, key: 'units', value: classes });
  const output = analyse(fixed).byId.get(analysis.outputIds[0]!)?.outputShape;
  if (output?.length !== 1 || output[0] !== classes) return null;
  return {
    nodeId: at.id,
    problem: 'data.classMismatch',
    what: msg('fix.units', { layer: quoted(at), units: classes }),
    graph: fixed,
  };
}

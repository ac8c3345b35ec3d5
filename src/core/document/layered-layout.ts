/**
 * Top-to-bottom layout of a layer graph with dagre (Sugiyama-style layered drawing): each layer below the
 * layers feeding it, branches side by side, shortcuts routed around the chain. Used for imported models,
 * which come without positions, and by auto-layout.
 */
import { Graph as LayoutGraph, layout } from '@dagrejs/dagre';
import type { Graph } from './graph-schema.ts';
import { groupChain } from './groups.ts';

/** The size a layer takes on the canvas, for spacing. */
export const NODE_WIDTH = 240;
export const NODE_HEIGHT = 84;
export const ROW_HEIGHT = 128;
/** A nested model's frame on the canvas: space between it and its layers, and its title bar above them. */
export const GROUP_FRAME_PAD = 20;
export const GROUP_FRAME_TITLE = 30;

/**
 * Above this many layers dagre's layout blocks for seconds to minutes (0.35 s at ResNet50's 177 layers, 215 s
 * for 20,000 branches) and its recursive steps overflow the stack (at about 2,000 layers in a chain): bigger
 * graphs get `rankedPositions`.
 */
export const DAGRE_MAX_NODES = 200;
const COLUMN = NODE_WIDTH + 60;

/** Top-left corner of every node, as the canvas positions them. */
export function layeredPositions(graph: Graph): Map<string, { x: number; y: number }> {
  const positions = graph.nodes.length > DAGRE_MAX_NODES ? rankedPositions(graph) : dagrePositions(graph);
  return (graph.groups ?? []).length > 0 ? roomForFrames(graph, positions) : positions;
}

function dagrePositions(graph: Graph): Map<string, { x: number; y: number }> {
  const g = new LayoutGraph();
  g.setGraph({ rankdir: 'TB', nodesep: 60, ranksep: ROW_HEIGHT - NODE_HEIGHT, marginx: 0, marginy: 0 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const node of graph.nodes) g.setNode(node.id, { width: NODE_WIDTH, height: NODE_HEIGHT });
  for (const edge of graph.edges) {
    if (g.hasNode(edge.source) && g.hasNode(edge.target)) g.setEdge(edge.source, edge.target);
  }
  layout(g);
  const positions = new Map<string, { x: number; y: number }>();
  for (const node of graph.nodes) {
    const { x, y } = g.node(node.id);
    positions.set(node.id, { x: Math.round(x - NODE_WIDTH / 2), y: Math.round(y - NODE_HEIGHT / 2) });
  }
  return positions;
}

/**
 * A linear-time layered layout for big graphs: each layer one row below the lowest layer feeding it
 * (longest path, Kahn's order), the layers of a row side by side in the order their first inputs lie, the
 * rows centred. No crossing reduction: readable for chains and wide fans, which is what big models are.
 */
export function rankedPositions(graph: Graph): Map<string, { x: number; y: number }> {
  const incoming = new Map<string, string[]>(graph.nodes.map((n) => [n.id, []]));
  const outgoing = new Map<string, string[]>(graph.nodes.map((n) => [n.id, []]));
  for (const e of graph.edges) {
    if (!incoming.has(e.target) || !outgoing.has(e.source)) continue;
    incoming.get(e.target)!.push(e.source);
    outgoing.get(e.source)!.push(e.target);
  }
  const waiting = new Map(graph.nodes.map((n) => [n.id, incoming.get(n.id)!.length]));
  const rank = new Map<string, number>();
  const queue = graph.nodes.filter((n) => waiting.get(n.id) === 0).map((n) => n.id);
  for (let i = 0; i < queue.length; i++) {
    const id = queue[i]!;
    let r = 0;
    for (const source of incoming.get(id)!) r = Math.max(r, (rank.get(source) ?? -1) + 1);
    rank.set(id, r);
    for (const next of outgoing.get(id)!) {
      const left = waiting.get(next)! - 1;
      waiting.set(next, left);
      if (left === 0) queue.push(next);
    }
  }
  // Nodes on a cycle go below everything else, in stored order.
  let deepest = 0;
  for (const r of rank.values()) deepest = Math.max(deepest, r);
  for (const n of graph.nodes) {
    if (rank.has(n.id)) continue;
    rank.set(n.id, deepest + 1);
    queue.push(n.id);
  }
  const rows = new Map<number, string[]>();
  for (const id of queue) {
    const r = rank.get(id)!;
    const row = rows.get(r);
    if (row) row.push(id);
    else rows.set(r, [id]);
  }
  const positions = new Map<string, { x: number; y: number }>();
  for (const r of [...rows.keys()].sort((a, b) => a - b)) {
    const row = rows.get(r)!;
    const anchor = (id: string) => positions.get(incoming.get(id)![0] ?? '')?.x ?? 0;
    row.sort((a, b) => anchor(a) - anchor(b));
    row.forEach((id, i) =>
      positions.set(id, { x: Math.round((i - (row.length - 1) / 2) * COLUMN), y: r * ROW_HEIGHT }),
    );
  }
  return positions;
}

/**
 * Rows moved apart where nested models' frames begin and end, so that each frame (its title bar above its
 * first row, its margin below its last) fits between its layers and the layers around it.
 */
function roomForFrames(
  graph: Graph,
  positions: Map<string, { x: number; y: number }>,
): Map<string, { x: number; y: number }> {
  const groups = graph.groups ?? [];
  const spans = new Map<string, { top: number; bottom: number }>();
  for (const node of graph.nodes) {
    const y = positions.get(node.id)!.y;
    for (const at of node.group === undefined ? [] : groupChain(groups, node.group)) {
      const span = spans.get(at);
      if (span) {
        span.top = Math.min(span.top, y);
        span.bottom = Math.max(span.bottom, y);
      } else spans.set(at, { top: y, bottom: y });
    }
  }
  const rows = [...new Set([...positions.values()].map((p) => p.y))].sort((a, b) => a - b);
  const starting = new Map<number, number>();
  const ending = new Map<number, number>();
  for (const { top, bottom } of spans.values()) {
    starting.set(top, (starting.get(top) ?? 0) + 1);
    ending.set(bottom, (ending.get(bottom) ?? 0) + 1);
  }
  const gap = ROW_HEIGHT - NODE_HEIGHT;
  const shift = new Map<number, number>();
  let added = 0;
  rows.forEach((y, i) => {
    if (i > 0) {
      const needed =
        (starting.get(y) ?? 0) * (GROUP_FRAME_PAD + GROUP_FRAME_TITLE) +
        (ending.get(rows[i - 1]!) ?? 0) * GROUP_FRAME_PAD;
      added += Math.max(0, needed + 12 - Math.min(gap, y - rows[i - 1]! - NODE_HEIGHT));
    } else {
      added += (starting.get(y) ?? 0) * (GROUP_FRAME_PAD + GROUP_FRAME_TITLE);
    }
    shift.set(y, added);
  });
  const moved = new Map<string, { x: number; y: number }>();
  for (const [id, p] of positions) moved.set(id, { x: p.x, y: p.y + shift.get(p.y)! });
  return moved;
}

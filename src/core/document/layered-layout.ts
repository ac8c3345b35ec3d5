/**
 * Top-to-bottom layout of a layer graph with dagre (Sugiyama-style layered drawing): each layer below the
 * layers feeding it, branches side by side, shortcuts routed around the chain. Used for imported models,
 * which come without positions, and by auto-layout.
 */
import { Graph as LayoutGraph, layout } from '@dagrejs/dagre';
import type { Graph } from './graph-schema.ts';

/** The size a layer takes on the canvas, for spacing. */
export const NODE_WIDTH = 240;
export const NODE_HEIGHT = 84;
export const ROW_HEIGHT = 128;

/** Top-left corner of every node, as the canvas positions them. */
export function layeredPositions(graph: Graph): Map<string, { x: number; y: number }> {
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

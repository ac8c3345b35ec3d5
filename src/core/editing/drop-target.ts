/**
 * Where a layer dropped on the canvas goes: after the layer just above the drop, connected, as people expect
 * when they drop a layer under the last one; anywhere else it stands on its own.
 */
import { NODE_HEIGHT, NODE_WIDTH, ROW_HEIGHT } from '../document/layered-layout.ts';
import type { Graph, LayerNode } from '../document/graph-schema.ts';

/**
 * The layer whose column `point` (the dropped layer's centre, in canvas coordinates) falls in, below that
 * layer's middle and at most a row below its bottom edge: the nearest such, or null.
 */
export function layerAbove(graph: Graph, point: { x: number; y: number }): LayerNode | null {
  let best: { node: LayerNode; gap: number } | null = null;
  for (const node of graph.nodes) {
    const inColumn = point.x >= node.position.x - NODE_WIDTH / 4 && point.x <= node.position.x + (NODE_WIDTH * 5) / 4;
    const gap = point.y - (node.position.y + NODE_HEIGHT / 2);
    if (!inColumn || gap <= 0 || gap > NODE_HEIGHT / 2 + ROW_HEIGHT) continue;
    if (!best || gap < best.gap) best = { node, gap };
  }
  return best?.node ?? null;
}

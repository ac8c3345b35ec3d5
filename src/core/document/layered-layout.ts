/**
 * A simple top-to-bottom layout: each layer one row below the deepest layer feeding it, layers of the same
 * row side by side. Used for imported models, which come without positions.
 */
import { adjacency, topologicalOrder } from '../analysis/graph-order.ts';
import type { Graph } from './graph-schema.ts';

export const ROW_HEIGHT = 120;
export const COLUMN_WIDTH = 240;

export function layeredPositions(graph: Graph): Map<string, { x: number; y: number }> {
  const adj = adjacency(graph);
  const { order, cyclic } = topologicalOrder(graph, adj);
  const depth = new Map<string, number>();
  for (const id of [...order, ...cyclic]) {
    const parents = adj.incoming.get(id)!.map((p) => depth.get(p) ?? 0);
    depth.set(id, parents.length === 0 ? 0 : Math.max(...parents) + 1);
  }
  const rows = new Map<number, string[]>();
  for (const id of [...order, ...cyclic]) {
    const d = depth.get(id)!;
    rows.set(d, [...(rows.get(d) ?? []), id]);
  }
  const positions = new Map<string, { x: number; y: number }>();
  for (const [d, ids] of rows) {
    ids.forEach((id, i) =>
      positions.set(id, {
        x: (i - (ids.length - 1) / 2) * COLUMN_WIDTH,
        y: d * ROW_HEIGHT,
      }),
    );
  }
  return positions;
}

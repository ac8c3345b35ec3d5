/**
 * Copy, paste and duplicate: the selected layers and the connections among them, pasted with new ids,
 * Keras-style new names and an offset so the copies do not hide the originals.
 */
import { kerasNamer } from '../document/build.ts';
import type { Graph } from '../document/graph-schema.ts';

export const PASTE_OFFSET = { x: 40, y: 40 };

/** The part of `graph` made of `nodeIds` and the connections between them. */
export function subgraph(graph: Graph, nodeIds: Iterable<string>): Graph {
  const ids = new Set(nodeIds);
  return {
    nodes: graph.nodes.filter((n) => ids.has(n.id)),
    edges: graph.edges.filter((e) => ids.has(e.source) && ids.has(e.target)),
  };
}

/**
 * A copy of `clip` ready to insert into `graph`: fresh ids from `newId`, names unique in `graph`.
 * @example pasteable(doc, subgraph(doc, selected), () => crypto.randomUUID())
 */
export function pasteable(graph: Graph, clip: Graph, newId: () => string, offset = PASTE_OFFSET): Graph {
  const name = kerasNamer(graph.nodes.map((n) => n.name));
  const ids = new Map(clip.nodes.map((n) => [n.id, newId()]));
  return {
    nodes: clip.nodes.map((n) => ({
      ...n,
      id: ids.get(n.id)!,
      name: name(n.type),
      position: { x: n.position.x + offset.x, y: n.position.y + offset.y },
    })),
    edges: clip.edges.map((e) => ({ id: newId(), source: ids.get(e.source)!, target: ids.get(e.target)! })),
  };
}

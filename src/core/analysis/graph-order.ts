/** Graph helpers: incoming connections in edge order, topological order, reachability. */
import type { Graph } from '../document/graph-schema.ts';

export interface Adjacency {
  incoming: Map<string, string[]>;
  outgoing: Map<string, string[]>;
}

/** Incoming and outgoing neighbours of every node; edges to or from a missing node are ignored. */
export function adjacency(graph: Graph): Adjacency {
  const incoming = new Map<string, string[]>();
  const outgoing = new Map<string, string[]>();
  for (const node of graph.nodes) {
    incoming.set(node.id, []);
    outgoing.set(node.id, []);
  }
  for (const edge of graph.edges) {
    const into = incoming.get(edge.target);
    const from = outgoing.get(edge.source);
    if (!into || !from) continue;
    into.push(edge.source);
    from.push(edge.target);
  }
  return { incoming, outgoing };
}

/**
 * Kahn's algorithm, stable in the nodes' stored order. Nodes on or behind a cycle never become ready;
 * they are returned in `cyclic`.
 */
export function topologicalOrder(graph: Graph, adj: Adjacency): { order: string[]; cyclic: string[] } {
  const remaining = new Map<string, number>();
  for (const node of graph.nodes) remaining.set(node.id, adj.incoming.get(node.id)!.length);
  const ready = graph.nodes.filter((n) => remaining.get(n.id) === 0).map((n) => n.id);
  const order: string[] = [];
  for (let i = 0; i < ready.length; i++) {
    const id = ready[i]!;
    order.push(id);
    for (const next of adj.outgoing.get(id)!) {
      const left = remaining.get(next)! - 1;
      remaining.set(next, left);
      if (left === 0) ready.push(next);
    }
  }
  const placed = new Set(order);
  return {
    order,
    cyclic: graph.nodes.filter((n) => !placed.has(n.id)).map((n) => n.id),
  };
}

/** Every node reachable from `starts` along the connections. */
export function reachable(starts: Iterable<string>, outgoing: Map<string, string[]>): Set<string> {
  const seen = new Set<string>(starts);
  const stack = [...seen];
  while (stack.length > 0) {
    for (const next of outgoing.get(stack.pop()!) ?? []) {
      if (!seen.has(next)) {
        seen.add(next);
        stack.push(next);
      }
    }
  }
  return seen;
}

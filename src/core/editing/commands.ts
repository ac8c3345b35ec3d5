/**
 * Edits of the layer graph as data: every canvas gesture and inspector change becomes one of these, applied
 * by `applyCommand`. Pure and immutable: unchanged nodes and edges keep their identity, so history snapshots
 * share them.
 */
import { kerasNamer, makeNode, type LayerSpec } from '../document/build.ts';
import type { Edge, Graph, LayerNode } from '../document/graph-schema.ts';
import { MERGE_TYPES, paletteParams, type LayerType } from '../layers/catalogue.ts';
import { adjacency, reachable } from '../analysis/graph-order.ts';
import { ROW_HEIGHT } from '../document/layered-layout.ts';

export type Position = { x: number; y: number };

export type Command =
  | { kind: 'addNode'; type: LayerType; position: Position; id: string; params?: Record<string, unknown> }
  | { kind: 'appendAfter'; afterId: string; type: LayerType; id: string; edgeId: string }
  /** A new layer on a connection: source → new → target; the target keeps its inputs' order. */
  | {
      kind: 'insertOnEdge';
      edgeId: string;
      type: LayerType;
      id: string;
      newEdgeId: string;
      params?: Record<string, unknown>;
    }
  | { kind: 'connect'; source: string; target: string; id: string }
  | { kind: 'remove'; nodeIds: string[]; edgeIds: string[] }
  | { kind: 'setParam'; nodeId: string; key: string; value: unknown }
  | { kind: 'rename'; nodeId: string; name: string }
  /** Freezes (trainable false) or unfreezes layers: Keras's `layer.trainable`. */
  | { kind: 'setTrainable'; nodeIds: string[]; trainable: boolean }
  /** Draws a nested model as one node, or open with its layers. */
  | { kind: 'setGroupCollapsed'; groupId: string; collapsed: boolean }
  | { kind: 'move'; positions: Record<string, Position> }
  | { kind: 'insertGraph'; graph: Graph }
  | { kind: 'replaceGraph'; graph: Graph };

/** Why a connection is refused, for the canvas to show. */
export type ConnectionProblem = 'self' | 'duplicate' | 'intoInput' | 'cycle' | 'missing';

/** Whether `source → target` may be drawn. A single-input layer's old connection is replaced, not refused. */
export function connectionProblem(graph: Graph, source: string, target: string): ConnectionProblem | null {
  const ids = new Set(graph.nodes.map((n) => n.id));
  if (!ids.has(source) || !ids.has(target)) return 'missing';
  if (source === target) return 'self';
  if (graph.edges.some((e) => e.source === source && e.target === target)) return 'duplicate';
  if (graph.nodes.find((n) => n.id === target)!.type === 'Input') return 'intoInput';
  if (reachable([target], adjacency(graph).outgoing).has(source)) return 'cycle';
  return null;
}

export function applyCommand(graph: Graph, command: Command): Graph {
  switch (command.kind) {
    case 'addNode': {
      const name = kerasNamer(graph.nodes.map((n) => n.name))(command.type);
      const params = command.params ?? paletteParams(command.type);
      const node = makeNode({ type: command.type, params } as LayerSpec, command.id, name);
      node.position = command.position;
      return { ...graph, nodes: [...graph.nodes, node] };
    }
    case 'appendAfter':
      return appendAfter(graph, command);
    case 'insertOnEdge':
      return insertOnEdge(graph, command);
    case 'connect': {
      if (connectionProblem(graph, command.source, command.target)) return graph;
      const target = graph.nodes.find((n) => n.id === command.target)!;
      // A layer that takes one input gets the new connection instead of its old one.
      const kept = MERGE_TYPES.has(target.type) ? graph.edges : graph.edges.filter((e) => e.target !== command.target);
      return { ...graph, edges: [...kept, { id: command.id, source: command.source, target: command.target }] };
    }
    case 'remove': {
      const nodes = new Set(command.nodeIds);
      const edges = new Set(command.edgeIds);
      return {
        ...graph,
        nodes: graph.nodes.filter((n) => !nodes.has(n.id)),
        edges: graph.edges.filter((e) => !edges.has(e.id) && !nodes.has(e.source) && !nodes.has(e.target)),
      };
    }
    case 'setParam':
      return mapNode(
        graph,
        command.nodeId,
        (node) =>
          ({
            ...node,
            params: { ...node.params, [command.key]: command.value },
          }) as LayerNode,
      );
    case 'rename':
      return mapNode(graph, command.nodeId, (node) => ({ ...node, name: command.name }));
    case 'setTrainable': {
      const ids = new Set(command.nodeIds);
      return {
        ...graph,
        nodes: graph.nodes.map((n) => {
          if (!ids.has(n.id)) return n;
          const { trainable: _old, ...rest } = n;
          return (command.trainable ? rest : { ...rest, trainable: false }) as LayerNode;
        }),
      };
    }
    case 'move':
      return {
        ...graph,
        nodes: graph.nodes.map((n) => (command.positions[n.id] ? { ...n, position: command.positions[n.id]! } : n)),
      };
    case 'setGroupCollapsed':
      return {
        ...graph,
        groups: (graph.groups ?? []).map((g) => {
          if (g.id !== command.groupId) return g;
          const { collapsed: _old, ...rest } = g;
          return command.collapsed ? { ...rest, collapsed: true as const } : rest;
        }),
      };
    case 'insertGraph': {
      // Pasted layers keep their nested model only where this graph has it.
      const groups = new Set((graph.groups ?? []).map((g) => g.id));
      const pasted = command.graph.nodes.map((n) => {
        if (n.group === undefined || groups.has(n.group)) return n;
        const { group: _gone, ...rest } = n;
        return rest as LayerNode;
      });
      return { ...graph, nodes: [...graph.nodes, ...pasted], edges: [...graph.edges, ...command.graph.edges] };
    }
    case 'replaceGraph':
      return command.graph;
  }
}

function mapNode(graph: Graph, id: string, change: (node: LayerNode) => LayerNode): Graph {
  return { ...graph, nodes: graph.nodes.map((n) => (n.id === id ? change(n) : n)) };
}

/**
 * Adds a layer right after `afterId` and connects it; what `afterId` fed now comes from the new layer, and the
 * layers downstream move down a row to make room.
 */
function appendAfter(graph: Graph, command: Extract<Command, { kind: 'appendAfter' }>): Graph {
  const after = graph.nodes.find((n) => n.id === command.afterId);
  if (!after) return graph;
  const name = kerasNamer(graph.nodes.map((n) => n.name))(command.type);
  const node = makeNode(
    { type: command.type, params: paletteParams(command.type) } as LayerSpec,
    command.id,
    name,
    after.position.y + ROW_HEIGHT,
    after.position.x,
  );
  const nodes = shiftDown(graph, adjacency(graph).outgoing.get(after.id) ?? []);
  const rerouted: Edge[] = graph.edges.map((e) => (e.source === after.id ? { ...e, source: node.id } : e));
  return { nodes: [...nodes, node], edges: [...rerouted, { id: command.edgeId, source: after.id, target: node.id }] };
}

/** Moves the layers `fromIds` and every layer after them down a row, to make room above them. */
function shiftDown(graph: Graph, fromIds: readonly string[]): LayerNode[] {
  const below = reachable(fromIds, adjacency(graph).outgoing);
  return graph.nodes.map((n) =>
    below.has(n.id) ? { ...n, position: { x: n.position.x, y: n.position.y + ROW_HEIGHT } } : n,
  );
}

function insertOnEdge(graph: Graph, command: Extract<Command, { kind: 'insertOnEdge' }>): Graph {
  const edge = graph.edges.find((e) => e.id === command.edgeId);
  const target = edge && graph.nodes.find((n) => n.id === edge.target);
  if (!edge || !target) return graph;
  const name = kerasNamer(graph.nodes.map((n) => n.name))(command.type);
  const params = command.params ?? paletteParams(command.type);
  const node = makeNode(
    { type: command.type, params } as LayerSpec,
    command.id,
    name,
    target.position.y,
    target.position.x,
  );
  // The edge keeps its place among the target's inputs (Concatenate's order), now from the new layer.
  const edges = graph.edges.map((e) => (e.id === edge.id ? { ...e, source: node.id } : e));
  return {
    ...graph,
    nodes: [...shiftDown(graph, [target.id]), node],
    edges: [...edges, { id: command.newEdgeId, source: edge.source, target: node.id }],
  };
}

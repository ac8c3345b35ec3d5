/**
 * The canvas view of the document: xyflow nodes and edges derived from the graph, its analysis and the
 * selection. The document stays the source of truth; nothing here is stored.
 */
import type { Edge as FlowEdge } from '@xyflow/react';
import { NODE_HEIGHT, NODE_WIDTH, formatShape, type Analysis, type Graph } from '@core/index.ts';
import type { Selection } from '../state/editor-store.ts';
import type { LayerFlowNode } from './layer-flow-node.ts';

export function deriveFlowNodes(graph: Graph, analysis: Analysis, selection: Selection): LayerFlowNode[] {
  const selected = new Set(selection.nodes);
  return graph.nodes.map((layer) => ({
    id: layer.id,
    type: 'layer',
    position: layer.position,
    data: { layer, analysis: analysis.byId.get(layer.id) },
    selected: selected.has(layer.id),
    width: NODE_WIDTH,
    height: NODE_HEIGHT,
  }));
}

/** Each connection is labelled with the shape of the tensor it carries ('?' where unknown). */
export function deriveFlowEdges(graph: Graph, analysis: Analysis, selection: Selection): FlowEdge[] {
  const selected = new Set(selection.edges);
  return graph.edges.map((edge) => {
    const shape = analysis.byId.get(edge.source)?.outputShape;
    return {
      id: edge.id,
      source: edge.source,
      target: edge.target,
      label: shape ? formatShape(shape) : '?',
      className: shape ? 'shape-edge' : 'shape-edge shape-edge--unknown',
      selected: selected.has(edge.id),
      labelBgPadding: [6, 3] as [number, number],
      labelBgBorderRadius: 4,
    };
  });
}

/** The network as a graph: layers with their figures, connections labelled with the shape they carry. */
import { Background, Controls, MiniMap, ReactFlow, type Edge } from '@xyflow/react';
import { useMemo } from 'react';
import { NODE_HEIGHT, NODE_WIDTH, formatShape, type Analysis, type Graph } from '@core/index.ts';
import { useLang } from '../i18n/lang-context.tsx';
import { LayerNodeCard, kindOf, type LayerFlowNode } from './LayerNodeCard.tsx';

const NODE_TYPES = { layer: LayerNodeCard };

export function GraphView({ graph, analysis }: { graph: Graph; analysis: Analysis }) {
  const { t } = useLang();
  const nodes = useMemo<LayerFlowNode[]>(
    () =>
      graph.nodes.map((layer) => ({
        id: layer.id,
        type: 'layer',
        position: layer.position,
        data: { layer, analysis: analysis.byId.get(layer.id) },
        draggable: false,
        width: NODE_WIDTH,
        height: NODE_HEIGHT,
      })),
    [graph, analysis],
  );
  const edges = useMemo<Edge[]>(
    () =>
      graph.edges.map((edge) => {
        const shape = analysis.byId.get(edge.source)?.outputShape;
        return {
          id: edge.id,
          source: edge.source,
          target: edge.target,
          label: shape ? formatShape(shape) : '?',
          className: 'shape-edge',
          labelBgPadding: [6, 3] as [number, number],
          labelBgBorderRadius: 4,
        };
      }),
    [graph, analysis],
  );
  return (
    <section className="graph-view" aria-label={t('graph.label')}>
      <ReactFlow
        key={graph.nodes.map((n) => n.id).join()}
        nodes={nodes}
        edges={edges}
        nodeTypes={NODE_TYPES}
        fitView
        fitViewOptions={{ padding: 0.15, maxZoom: 1 }}
        minZoom={0.1}
        nodesConnectable={false}
      >
        <Background gap={24} />
        <MiniMap pannable zoomable nodeClassName={(node) => miniMapClass(node as LayerFlowNode)} />
        <Controls showInteractive={false} />
      </ReactFlow>
    </section>
  );
}

/** The minimap draws each layer in its kind's colour, errors in red (styles.css). */
function miniMapClass(node: LayerFlowNode): string {
  if (node.data.analysis?.diagnostics.some((d) => d.severity === 'error')) return 'minimap-node--error';
  return `minimap-node--${kindOf(node.data.layer.type)}`;
}

/**
 * The editable canvas. xyflow draws what deriveFlow* derive from the document; every gesture (drop, drag,
 * connect, delete, select) becomes a command on the document or a change of selection.
 */
import {
  Background,
  ControlButton,
  Controls,
  MiniMap,
  Panel,
  ReactFlow,
  getNodesBounds,
  useReactFlow,
  useStore,
  type Connection,
  type EdgeChange,
  type NodeChange,
} from '@xyflow/react';
import { useCallback, useEffect, useMemo, type DragEvent } from 'react';
import {
  NODE_HEIGHT,
  NODE_WIDTH,
  connectionProblem,
  groupLayers,
  isLayerType,
  layerAbove,
  type Analysis,
} from '@core/index.ts';
import { useLang } from '../i18n/lang-context.tsx';
import { newId, useEditor } from '../state/editor-store.ts';
import { deriveFlowEdges, deriveFlowNodes } from './derive-flow.ts';
import { GroupNodeCard } from './GroupNodeCard.tsx';
import { GROUP_PREFIX, kindOf, type CanvasNode } from './layer-flow-node.ts';
import { SkipEdge } from './SkipEdge.tsx';
import { LayerNodeCard } from './LayerNodeCard.tsx';
import { readableViewport } from './readable-view.ts';

const NODE_TYPES = { layer: LayerNodeCard, model: GroupNodeCard };
const EDGE_TYPES = { skip: SkipEdge };
/** The drag-and-drop type the palette puts layer types under. */
export const LAYER_DRAG_TYPE = 'application/x-convstudio-layer';
const DELETE_KEYS = ['Backspace', 'Delete'];

export function Canvas({ analysis, locked = false }: { analysis: Analysis; locked?: boolean }) {
  const { t } = useLang();
  const graph = useEditor((s) => s.history.present.graph);
  const selection = useEditor((s) => s.selection);
  const { perform, select } = useEditor.getState();
  const { screenToFlowPosition, setViewport, setCenter, getZoom, getNodes } = useReactFlow();
  const viewRequest = useEditor((s) => s.viewRequest);
  const width = useStore((s) => s.width);
  const height = useStore((s) => s.height);
  const measured = width > 0 && height > 0;

  useEffect(() => {
    if (!measured) return;
    const frame = requestAnimationFrame(() => {
      const node = viewRequest.focus
        ? useEditor.getState().history.present.graph.nodes.find((n) => n.id === viewRequest.focus)
        : undefined;
      if (node) {
        void setCenter(node.position.x + NODE_WIDTH / 2, node.position.y + NODE_HEIGHT / 2, {
          zoom: getZoom(),
          duration: 200,
        });
      } else {
        const shown = getNodes();
        if (shown.length === 0) return;
        const view = readableViewport(getNodesBounds(shown), { width, height });
        void setViewport(view, { duration: viewRequest.epoch === 0 ? 0 : 200 });
      }
    });
    return () => cancelAnimationFrame(frame);
    // The size is read when a view is asked for (and once measured), not on every resize.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [viewRequest, measured, setViewport, setCenter, getZoom, getNodes]);

  const nodes = useMemo(() => deriveFlowNodes(graph, analysis, selection), [graph, analysis, selection]);
  const edges = useMemo(() => deriveFlowEdges(graph, analysis, selection), [graph, analysis, selection]);

  const onNodesChange = useCallback(
    (changes: NodeChange<CanvasNode>[]) => {
      const moved: Record<string, { x: number; y: number }> = {};
      const graphNow = useEditor.getState().history.present.graph;
      for (const change of changes) {
        if (change.type !== 'position' || !change.position) continue;
        if (!change.id.startsWith(GROUP_PREFIX)) {
          moved[change.id] = change.position;
          continue;
        }
        // A collapsed nested model carries its hidden layers with it.
        const ids = new Set(groupLayers(graphNow).get(change.id.slice(GROUP_PREFIX.length)));
        const members = graphNow.nodes.filter((n) => ids.has(n.id));
        const left = Math.min(...members.map((n) => n.position.x));
        const top = Math.min(...members.map((n) => n.position.y));
        for (const n of members) {
          moved[n.id] = { x: n.position.x + change.position.x - left, y: n.position.y + change.position.y - top };
        }
      }
      const ids = Object.keys(moved);
      if (ids.length > 0) perform({ kind: 'move', positions: moved }, `move:${ids.sort().join(',')}`);
      applySelection(changes, 'nodes');
    },
    [perform],
  );

  const onEdgesChange = useCallback((changes: EdgeChange[]) => applySelection(changes, 'edges'), []);

  const onConnect = useCallback(
    (c: Connection) => perform({ kind: 'connect', source: c.source, target: c.target, id: newId() }),
    [perform],
  );

  const isValidConnection = useCallback(
    (c: Connection | { source: string; target: string }) =>
      !c.source.startsWith(GROUP_PREFIX) &&
      !c.target.startsWith(GROUP_PREFIX) &&
      connectionProblem(useEditor.getState().history.present.graph, c.source, c.target) === null,
    [],
  );

  const onDelete = useCallback(
    ({ nodes: n, edges: e }: { nodes: { id: string }[]; edges: { id: string }[] }) =>
      perform({
        kind: 'remove',
        nodeIds: n.map((x) => x.id).filter((id) => !id.startsWith(GROUP_PREFIX)),
        edgeIds: e.map((x) => x.id),
      }),
    [perform],
  );

  const onDragOver = useCallback((event: DragEvent) => {
    if (event.dataTransfer.types.includes(LAYER_DRAG_TYPE)) {
      event.preventDefault();
      event.dataTransfer.dropEffect = 'copy';
    }
  }, []);

  const onDrop = useCallback(
    (event: DragEvent) => {
      const type = event.dataTransfer.getData(LAYER_DRAG_TYPE);
      if (!type || !isLayerType(type)) return;
      event.preventDefault();
      event.stopPropagation();
      const at = screenToFlowPosition({ x: event.clientX, y: event.clientY });
      const id = newId();
      // Dropped just below a layer: it comes after that one, connected (one step, which Undo takes back).
      const above = type === 'Input' ? null : layerAbove(useEditor.getState().history.present.graph, at);
      if (above) {
        perform({ kind: 'appendAfter', afterId: above.id, type, id, edgeId: newId() });
      } else {
        perform({
          kind: 'addNode',
          type,
          id,
          position: { x: Math.round(at.x - NODE_WIDTH / 2), y: Math.round(at.y - NODE_HEIGHT / 2) },
        });
      }
      select({ nodes: [id], edges: [] });
      // Placed below the layer it follows, it may land out of sight: the view follows it there.
      if (above) useEditor.getState().requestView(id);
    },
    [perform, screenToFlowPosition, select],
  );

  return (
    <section
      className={`graph-view${locked ? ' graph-view--locked' : ''}`}
      aria-label={t('graph.label')}
      data-testid="canvas"
    >
      <ReactFlow
        nodes={nodes}
        edges={edges}
        nodeTypes={NODE_TYPES}
        edgeTypes={EDGE_TYPES}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onConnect={onConnect}
        isValidConnection={isValidConnection}
        onDelete={onDelete}
        onDragOver={onDragOver}
        onDrop={onDrop}
        deleteKeyCode={DELETE_KEYS}
        multiSelectionKeyCode={['Shift', 'Meta', 'Control']}
        nodesDraggable={!locked}
        nodesConnectable={!locked}
        elementsSelectable
        minZoom={0.1}
        snapToGrid
        snapGrid={[8, 8]}
      >
        <Background gap={24} />
        {graph.nodes.length <= 1 && (
          <Panel position="top-center" className="canvas-hint" data-testid="canvas-hint">
            {t('canvas.emptyHint')}
          </Panel>
        )}
        <MiniMap
          pannable
          zoomable
          nodeClassName={(node) => miniMapClass(node as CanvasNode)}
          ariaLabel={t('canvas.minimap')}
        />
        {/* xyflow's own "fit view" would zoom a tall network down to specks: this one stops at a readable size. */}
        <Controls showInteractive={false} showFitView={false}>
          <ControlButton
            onClick={() => useEditor.getState().requestView(null)}
            title={t('canvas.showNetwork')}
            aria-label={t('canvas.showNetwork')}
            data-testid="canvas-show-network"
          >
            <svg viewBox="0 0 16 16" aria-hidden="true">
              <path d="M2 6V2h4M10 2h4v4M14 10v4h-4M6 14H2v-4" fill="none" stroke="currentColor" strokeWidth="1.6" />
            </svg>
          </ControlButton>
        </Controls>
      </ReactFlow>
    </section>
  );
}

/** xyflow's select changes, applied to the selection in the editor store. */
function applySelection(changes: Array<NodeChange<CanvasNode> | EdgeChange>, kind: 'nodes' | 'edges'): void {
  const selects = changes.filter(
    (c): c is Extract<typeof c, { type: 'select' }> => c.type === 'select' && !c.id.startsWith(GROUP_PREFIX),
  );
  if (selects.length === 0) return;
  const { selection, select } = useEditor.getState();
  const ids = new Set(selection[kind]);
  for (const change of selects) {
    if (change.selected) ids.add(change.id);
    else ids.delete(change.id);
  }
  select({ ...selection, [kind]: [...ids] });
}

/** The minimap draws each layer in its kind's colour, errors in red (styles.css). */
function miniMapClass(node: CanvasNode): string {
  if (node.type === 'model') return node.data.collapsed ? 'minimap-node--group' : 'minimap-node--frame';
  if (node.data.analysis?.diagnostics.some((d) => d.severity === 'error')) return 'minimap-node--error';
  return `minimap-node--${kindOf(node.data.layer.type)}`;
}

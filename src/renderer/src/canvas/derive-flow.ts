/**
 * The canvas view of the document: xyflow nodes and edges derived from the graph, its analysis and the
 * selection. The document stays the source of truth; nothing here is stored. A nested model is drawn as a
 * frame around its layers, or, collapsed, as one node standing for all of them: connections to its hidden
 * layers end at it.
 */
import type { Edge as FlowEdge } from '@xyflow/react';
import {
  GROUP_FRAME_PAD,
  GROUP_FRAME_TITLE,
  NODE_HEIGHT,
  NODE_WIDTH,
  collapsedOwners,
  groupChain,
  formatShape,
  groupLayers,
  nestedModels,
  type Analysis,
  type Graph,
} from '@core/index.ts';
import type { Selection } from '../state/editor-store.ts';
import { GROUP_PREFIX, type CanvasNode, type GroupFlowNode, type LayerFlowNode } from './layer-flow-node.ts';

const FRAME_PAD = GROUP_FRAME_PAD;
const FRAME_TITLE = GROUP_FRAME_TITLE;

export function deriveFlowNodes(graph: Graph, analysis: Analysis, selection: Selection): CanvasNode[] {
  const selected = new Set(selection.nodes);
  const hidden = collapsedOwners(graph);
  const layers: LayerFlowNode[] = graph.nodes
    .filter((layer) => !hidden.has(layer.id))
    .map((layer) => ({
      id: layer.id,
      type: 'layer',
      position: layer.position,
      data: { layer, analysis: analysis.byId.get(layer.id) },
      selected: selected.has(layer.id),
      width: NODE_WIDTH,
      height: NODE_HEIGHT,
      zIndex: 1,
    }));
  const groups = graph.groups ?? [];
  if (groups.length === 0) return layers;
  return [...groupNodes(graph, analysis, hidden), ...layers];
}

type Box = { left: number; top: number; right: number; bottom: number };

function groupNodes(graph: Graph, analysis: Analysis, hidden: Map<string, string>): GroupFlowNode[] {
  const groups = graph.groups ?? [];
  const members = groupLayers(graph);
  const models = new Map(nestedModels(analysis).map((m) => [m.id, m]));
  const depth = new Map(groups.map((g) => [g.id, groupChain(groups, g.id).length - 1]));
  // Frames are laid out from the innermost out, so that each one encloses the frames inside it, titles too.
  const boxes = new Map<string, Box>();
  for (const group of [...groups].sort((a, b) => depth.get(b.id)! - depth.get(a.id)!)) {
    const box: Box = { left: Infinity, top: Infinity, right: -Infinity, bottom: -Infinity };
    const grow = (b: Box) => {
      box.left = Math.min(box.left, b.left);
      box.top = Math.min(box.top, b.top);
      box.right = Math.max(box.right, b.right);
      box.bottom = Math.max(box.bottom, b.bottom);
    };
    for (const node of graph.nodes) {
      if (node.group !== group.id) continue;
      const { x, y } = node.position;
      grow({ left: x, top: y, right: x + NODE_WIDTH, bottom: y + NODE_HEIGHT });
    }
    for (const child of groups) {
      const inner = child.parent === group.id ? boxes.get(child.id) : undefined;
      if (inner) grow(inner);
    }
    if (box.left === Infinity) continue;
    boxes.set(group.id, {
      left: box.left - FRAME_PAD,
      top: box.top - FRAME_PAD - FRAME_TITLE,
      right: box.right + FRAME_PAD,
      bottom: box.bottom + FRAME_PAD,
    });
  }
  const out: GroupFlowNode[] = [];
  for (const group of [...groups].sort((a, b) => depth.get(a.id)! - depth.get(b.id)!)) {
    const ids = members.get(group.id) ?? [];
    const box = boxes.get(group.id);
    if (ids.length === 0 || !box) continue;
    // A group inside a collapsed one is not drawn at all.
    const owner = hidden.get(ids[0]!);
    if (owner !== undefined && owner !== group.id) continue;
    const inGroup = new Set(ids);
    const last = analysis.nodes.filter((n) => inGroup.has(n.id)).at(-1);
    const data = {
      group,
      params: models.get(group.id)?.params ?? null,
      layerCount: ids.length,
      outputShape: last?.outputShape ? formatShape(last.outputShape) : null,
      errors: ids.filter((id) => analysis.byId.get(id)?.diagnostics.some((d) => d.severity === 'error')).length,
    };
    const first = graph.nodes.filter((n) => inGroup.has(n.id));
    out.push(
      group.collapsed
        ? {
            id: GROUP_PREFIX + group.id,
            type: 'model',
            position: {
              x: Math.min(...first.map((n) => n.position.x)),
              y: Math.min(...first.map((n) => n.position.y)),
            },
            data: { ...data, collapsed: true },
            width: NODE_WIDTH,
            height: NODE_HEIGHT,
            selectable: false,
            deletable: false,
            zIndex: 1,
          }
        : {
            id: GROUP_PREFIX + group.id,
            type: 'model',
            position: { x: box.left, y: box.top },
            data: { ...data, collapsed: false },
            width: box.right - box.left,
            height: box.bottom - box.top,
            selectable: false,
            deletable: false,
            draggable: false,
            connectable: false,
            zIndex: 0,
            className: 'group-frame-node',
          },
    );
  }
  return out;
}

/**
 * Where a connection passes behind other layers of its column (a residual shortcut under the layers it
 * skips), the right edge of those layers, in canvas coordinates: it is drawn as a curve clear of them
 * (SkipEdge) instead of a line through them. Null for a connection that hides behind nothing.
 */
export function skippedLayersRight(graph: Graph, source: string, target: string): number | null {
  const from = graph.nodes.find((n) => n.id === source)?.position;
  const to = graph.nodes.find((n) => n.id === target)?.position;
  if (!from || !to || Math.abs(from.x - to.x) > NODE_WIDTH / 2) return null;
  const [top, bottom] = [Math.min(from.y, to.y), Math.max(from.y, to.y)];
  const skipped = graph.nodes.filter(
    (n) =>
      n.id !== source &&
      n.id !== target &&
      n.position.y > top &&
      n.position.y < bottom &&
      Math.abs(n.position.x - from.x) < NODE_WIDTH,
  );
  if (skipped.length === 0) return null;
  return Math.max(from.x, to.x, ...skipped.map((n) => n.position.x)) + NODE_WIDTH;
}

/**
 * Each connection is labelled with the shape of the tensor it carries ('?' where unknown). Connections to
 * or from a collapsed model's hidden layers end at the collapsed model; those inside it are not drawn.
 */
export function deriveFlowEdges(graph: Graph, analysis: Analysis, selection: Selection): FlowEdge[] {
  const selected = new Set(selection.edges);
  const hidden = collapsedOwners(graph);
  const shown = (id: string) => {
    const owner = hidden.get(id);
    return owner === undefined ? id : GROUP_PREFIX + owner;
  };
  const seen = new Set<string>();
  const edges: FlowEdge[] = [];
  for (const edge of graph.edges) {
    const [source, target] = [shown(edge.source), shown(edge.target)];
    if (source === target) continue;
    if (source !== edge.source || target !== edge.target) {
      if (seen.has(`${source}>${target}`)) continue;
      seen.add(`${source}>${target}`);
    }
    const shape = analysis.byId.get(edge.source)?.outputShape;
    const skippedRight = skippedLayersRight(graph, edge.source, edge.target);
    edges.push({
      id: edge.id,
      source,
      target,
      ...(skippedRight === null ? {} : { type: 'skip', data: { skippedRight } }),
      label: shape ? formatShape(shape) : '?',
      className: shape ? 'shape-edge' : 'shape-edge shape-edge--unknown',
      selected: selected.has(edge.id),
      labelBgPadding: [6, 3] as [number, number],
      labelBgBorderRadius: 4,
      ...(source !== edge.source || target !== edge.target ? { deletable: false, selectable: false } : {}),
    });
  }
  return edges;
}

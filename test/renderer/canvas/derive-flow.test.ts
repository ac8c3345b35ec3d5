/** The canvas is a view derived from the document: nodes, edges, labels and selection come from it alone. */
import { describe, expect, it } from 'vitest';
import { analyse, applyCommand, findTemplate, loadModelText, sequential } from '../../../src/core/index.ts';
import { deriveFlowEdges, deriveFlowNodes } from '../../../src/renderer/src/canvas/derive-flow.ts';
import { teachableMachineModel } from '../../helpers/nested-models.ts';

describe('deriveFlowNodes and deriveFlowEdges', () => {
  const graph = findTemplate('mnist-4-layer')!.build();
  const analysis = analyse(graph);

  it('one xyflow node per layer, at its stored position, with its analysis', () => {
    const nodes = deriveFlowNodes(graph, analysis, { nodes: ['n2'], edges: [] });
    expect(nodes).toHaveLength(graph.nodes.length);
    expect(nodes[1]).toMatchObject({ id: 'n2', type: 'layer', position: graph.nodes[1]!.position, selected: true });
    const conv = nodes[1]!;
    expect(conv.type === 'layer' && conv.data.analysis!.params!.total).toBe(320);
    expect(nodes.filter((n) => n.selected)).toHaveLength(1);
  });

  it('labels every connection with the shape it carries', () => {
    const edges = deriveFlowEdges(graph, analysis, { nodes: [], edges: ['e1'] });
    expect(edges.map((e) => e.label)).toEqual([
      '28 × 28 × 1',
      '26 × 26 × 32',
      '24 × 24 × 64',
      '12 × 12 × 64',
      '12 × 12 × 64',
      '9,216',
      '128',
      '128',
    ]);
    expect(edges[0]!.selected).toBe(true);
  });

  it('follows the document after an edit, and shows ? where a shape is unknown', () => {
    const edited = applyCommand(graph, { kind: 'setParam', nodeId: 'n2', key: 'kernel_size', value: [40, 40] });
    const edges = deriveFlowEdges(edited, analyse(edited), { nodes: [], edges: [] });
    expect(edges[1]).toMatchObject({ label: '?', className: 'shape-edge shape-edge--unknown' });
    expect(edges[0]!.label).toBe('28 × 28 × 1');
  });

  it('keeps nothing of its own: the same document gives the same view', () => {
    const small = sequential([{ type: 'Input' }, { type: 'Flatten' }]);
    const a = analyse(small);
    expect(deriveFlowNodes(small, a, { nodes: [], edges: [] })).toEqual(
      deriveFlowNodes(small, a, { nodes: [], edges: [] }),
    );
  });
});

describe('residual shortcuts on the canvas', () => {
  it('draw a connection that passes behind its column’s layers as a curve beside them; the others stay lines', () => {
    const graph = findTemplate('residual-block')!.build();
    const edges = deriveFlowEdges(graph, analyse(graph), { nodes: [], edges: [] });
    const skip = edges.filter((e) => e.type === 'skip');
    const name = (id: string) => graph.nodes.find((n) => n.id === id)!.name;
    expect(skip.map((e) => [name(e.source), name(e.target)])).toEqual([['conv2d', 'add']]);
    expect(skip[0]!.label).toBe('32 × 32 × 16');
    expect(edges.filter((e) => e.type === undefined)).toHaveLength(graph.edges.length - 1);
    // Moved beside the column, the shortcut no longer passes behind anything: a line again.
    const moved = {
      ...graph,
      nodes: graph.nodes.map((n) =>
        n.name === 'add' ? { ...n, position: { x: n.position.x + 400, y: n.position.y } } : n,
      ),
    };
    expect(deriveFlowEdges(moved, analyse(moved), { nodes: [], edges: [] }).some((e) => e.type === 'skip')).toBe(false);
  });
});

describe('nested models on the canvas', () => {
  const loaded = loadModelText(JSON.stringify(teachableMachineModel()), 'tm.json');
  if (!loaded.ok) throw new Error('load');
  const graph = loaded.project.graph;
  const none = { nodes: [], edges: [] };
  const base = graph.groups!.find((g) => g.name === 'sequential_base')!;

  it('draws each open nested model as a frame around its layers, behind them', () => {
    const nodes = deriveFlowNodes(graph, analyse(graph), none);
    const frames = nodes.filter((n) => n.type === 'model');
    expect(frames.map((f) => f.type === 'model' && [f.data.group.name, f.data.collapsed, f.data.layerCount])).toEqual([
      ['sequential_base', false, 4],
      ['sequential_head', false, 2],
      ['model1', false, 4],
    ]);
    expect(nodes.filter((n) => n.type === 'layer')).toHaveLength(graph.nodes.length);
    const conv = graph.nodes.find((n) => n.name === 'base_conv')!;
    const frame = frames[0]!;
    expect(frame.position.x).toBeLessThan(conv.position.x);
    expect(frame.position.y).toBeLessThan(conv.position.y);
  });

  it('collapsed, one node stands for its layers: connections end at it, those inside are not drawn', () => {
    const folded = applyCommand(graph, { kind: 'setGroupCollapsed', groupId: base.id, collapsed: true });
    const analysis = analyse(folded);
    const nodes = deriveFlowNodes(folded, analysis, none);
    const group = nodes.find((n) => n.id === `group:${base.id}`)!;
    expect(group.type === 'model' && [group.data.collapsed, group.data.params!.total, group.data.outputShape]).toEqual([
      true,
      104,
      '8',
    ]);
    expect(nodes.filter((n) => n.type === 'model')).toHaveLength(2);
    expect(nodes.some((n) => n.id === graph.nodes.find((l) => l.name === 'base_bn')!.id)).toBe(false);
    const edges = deriveFlowEdges(folded, analysis, none);
    expect(
      edges.map((e) => [e.source.startsWith('group:') ? 'G' : 'L', e.target.startsWith('group:') ? 'G' : 'L']),
    ).toEqual([
      ['L', 'G'],
      ['G', 'L'],
      ['L', 'L'],
    ]);
    const reopened = applyCommand(folded, { kind: 'setGroupCollapsed', groupId: base.id, collapsed: false });
    expect(reopened.groups).toEqual(graph.groups);
  });
});

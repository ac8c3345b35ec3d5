/** The canvas is a view derived from the document: nodes, edges, labels and selection come from it alone. */
import { describe, expect, it } from 'vitest';
import { analyse, applyCommand, findTemplate, sequential } from '../../../src/core/index.ts';
import { deriveFlowEdges, deriveFlowNodes } from '../../../src/renderer/src/canvas/derive-flow.ts';

describe('deriveFlowNodes and deriveFlowEdges', () => {
  const graph = findTemplate('mnist-4-layer')!.build();
  const analysis = analyse(graph);

  it('one xyflow node per layer, at its stored position, with its analysis', () => {
    const nodes = deriveFlowNodes(graph, analysis, { nodes: ['n2'], edges: [] });
    expect(nodes).toHaveLength(graph.nodes.length);
    expect(nodes[1]).toMatchObject({ id: 'n2', type: 'layer', position: graph.nodes[1]!.position, selected: true });
    expect(nodes[1]!.data.analysis!.params!.total).toBe(320);
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

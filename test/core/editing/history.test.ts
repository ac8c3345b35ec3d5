/** The command and undo model: every edit is a command; undo and redo walk the history. */
import { describe, expect, it } from 'vitest';
import {
  analyse,
  applyCommand,
  canRedo,
  canUndo,
  connectionProblem,
  createHistory,
  isDirty,
  markSaved,
  pasteable,
  perform,
  redo,
  sequential,
  subgraph,
  undo,
  type Graph,
} from '../../../src/core/index.ts';

const base = (): Graph => sequential([{ type: 'Input', params: { shape: [28, 28, 1] } }, { type: 'Flatten' }]);

describe('commands', () => {
  it('addNode names the layer as Keras would and keeps the other nodes as they were', () => {
    const graph = base();
    const next = applyCommand(graph, { kind: 'addNode', type: 'Dense', position: { x: 5, y: 6 }, id: 'd1' });
    const again = applyCommand(next, { kind: 'addNode', type: 'Dense', position: { x: 5, y: 6 }, id: 'd2' });
    expect(again.nodes.map((n) => n.name)).toEqual(['input_layer', 'flatten', 'dense', 'dense_1']);
    expect(again.nodes[0]).toBe(graph.nodes[0]);
    // From the palette a Dense starts with ReLU, as the course's hidden layers have it (Keras's default is linear).
    expect(again.nodes[2]).toMatchObject({ position: { x: 5, y: 6 }, params: { units: 10, activation: 'relu' } });
  });

  it('appendAfter inserts a layer into the chain and connects it', () => {
    const graph = applyCommand(base(), { kind: 'appendAfter', afterId: 'n1', type: 'Conv2D', id: 'c', edgeId: 'ec' });
    expect(graph.edges.map((e) => `${e.source}→${e.target}`).sort()).toEqual(['c→n2', 'n1→c']);
    const analysis = analyse(graph);
    expect(analysis.byId.get('c')!.outputShape).toEqual([26, 26, 32]);
    expect(graph.nodes.find((n) => n.id === 'c')!.params).toMatchObject({ activation: 'relu' });
    expect(graph.nodes.find((n) => n.id === 'n2')!.position.y).toBeGreaterThan(
      graph.nodes.find((n) => n.id === 'c')!.position.y,
    );
  });

  it('connect replaces the only input of a single-input layer, but adds to a merge layer', () => {
    let graph = applyCommand(base(), { kind: 'addNode', type: 'Input', position: { x: 0, y: 0 }, id: 'in2' });
    graph = applyCommand(graph, { kind: 'connect', source: 'in2', target: 'n2', id: 'x' });
    expect(graph.edges).toEqual([{ id: 'x', source: 'in2', target: 'n2' }]);
    graph = applyCommand(graph, { kind: 'addNode', type: 'Add', position: { x: 0, y: 0 }, id: 'add' });
    graph = applyCommand(graph, { kind: 'connect', source: 'n1', target: 'add', id: 'a1' });
    graph = applyCommand(graph, { kind: 'connect', source: 'in2', target: 'add', id: 'a2' });
    expect(graph.edges.filter((e) => e.target === 'add').map((e) => e.source)).toEqual(['n1', 'in2']);
  });

  it('refuses connections into an Input, to itself, twice, or that close a loop', () => {
    const graph = base();
    expect(connectionProblem(graph, 'n2', 'n1')).toBe('intoInput');
    expect(connectionProblem(graph, 'n2', 'n2')).toBe('self');
    expect(connectionProblem(graph, 'n1', 'n2')).toBe('duplicate');
    const chain = sequential([{ type: 'Input' }, { type: 'Dense' }, { type: 'Dense' }]);
    expect(connectionProblem(chain, 'n3', 'n2')).toBe('cycle');
    expect(applyCommand(chain, { kind: 'connect', source: 'n3', target: 'n2', id: 'bad' })).toBe(chain);
  });

  it('remove takes the connections of removed layers with them', () => {
    const graph = applyCommand(base(), { kind: 'remove', nodeIds: ['n2'], edgeIds: [] });
    expect(graph).toEqual({ nodes: [base().nodes[0]], edges: [] });
  });

  it('setParam changes one setting of one layer', () => {
    const graph = applyCommand(sequential([{ type: 'Input' }, { type: 'Conv2D' }]), {
      kind: 'setParam',
      nodeId: 'n2',
      key: 'filters',
      value: 64,
    });
    expect(analyse(graph).byId.get('n2')!.params!.total).toBe(640);
  });
});

describe('history', () => {
  it('undoes and redoes every edit, including moves and setting changes', () => {
    let h = createHistory(base());
    h = perform(h, { kind: 'move', positions: { n2: { x: 100, y: 100 } } });
    h = perform(h, { kind: 'addNode', type: 'Dense', position: { x: 0, y: 300 }, id: 'd' });
    h = perform(h, { kind: 'connect', source: 'n2', target: 'd', id: 'e' });
    h = perform(h, { kind: 'setParam', nodeId: 'd', key: 'units', value: 128 });
    expect(analyse(h.present.graph).totals.total).toBe(784 * 128 + 128);
    h = undo(h);
    expect(analyse(h.present.graph).totals.total).toBe(7_850);
    h = undo(undo(undo(h)));
    expect(h.present.graph).toEqual(base());
    expect(canUndo(h)).toBe(false);
    h = redo(redo(redo(redo(h))));
    expect(analyse(h.present.graph).totals.total).toBe(100_480);
    expect(canRedo(h)).toBe(false);
  });

  it('merges typing into one field and one drag into a single step, within a second', () => {
    let h = createHistory(sequential([{ type: 'Input' }, { type: 'Conv2D' }]));
    h = perform(h, { kind: 'setParam', nodeId: 'n2', key: 'filters', value: 1 }, 'n2.filters', 1000);
    h = perform(h, { kind: 'setParam', nodeId: 'n2', key: 'filters', value: 12 }, 'n2.filters', 1200);
    h = perform(h, { kind: 'setParam', nodeId: 'n2', key: 'filters', value: 128 }, 'n2.filters', 1400);
    expect(h.past).toHaveLength(1);
    h = perform(h, { kind: 'setParam', nodeId: 'n2', key: 'filters', value: 64 }, 'n2.filters', 5000);
    expect(h.past).toHaveLength(2);
    expect(undo(h).present.graph.nodes[1]!.params).toMatchObject({ filters: 128 });
    expect(undo(undo(h)).present.graph.nodes[1]!.params).toMatchObject({ filters: 32 });
  });

  it('does not merge into an undone step', () => {
    let h = createHistory(sequential([{ type: 'Input' }, { type: 'Conv2D' }]));
    h = perform(h, { kind: 'setParam', nodeId: 'n2', key: 'filters', value: 8 }, 'k', 0);
    h = perform(h, { kind: 'setParam', nodeId: 'n2', key: 'filters', value: 9 }, 'other', 10);
    h = undo(h);
    h = perform(h, { kind: 'setParam', nodeId: 'n2', key: 'filters', value: 7 }, 'k', 20);
    expect(h.past).toHaveLength(2);
  });

  it('a command that changes nothing adds no step', () => {
    const h = createHistory(base());
    expect(perform(h, { kind: 'connect', source: 'n2', target: 'n1', id: 'x' })).toBe(h);
  });

  it('knows when there is unsaved work', () => {
    let h = createHistory(base());
    expect(isDirty(h)).toBe(false);
    h = perform(h, { kind: 'rename', nodeId: 'n2', name: 'flat' });
    expect(isDirty(h)).toBe(true);
    expect(isDirty(undo(h))).toBe(false);
    h = markSaved(h);
    expect(isDirty(h)).toBe(false);
    expect(isDirty(undo(h))).toBe(true);
    expect(isDirty(createHistory(base(), false))).toBe(true);
  });
});

describe('copy and paste', () => {
  it('pastes the selected layers and the connections among them with new ids and names', () => {
    const graph = sequential([{ type: 'Input' }, { type: 'Conv2D' }, { type: 'MaxPooling2D' }, { type: 'Flatten' }]);
    let next = 0;
    const clip = subgraph(graph, ['n2', 'n3']);
    const pasted = pasteable(graph, clip, () => `p${next++}`);
    expect(pasted.nodes.map((n) => [n.id, n.name])).toEqual([
      ['p0', 'conv2d_1'],
      ['p1', 'max_pooling2d_1'],
    ]);
    expect(pasted.edges).toEqual([{ id: 'p2', source: 'p0', target: 'p1' }]);
    expect(pasted.nodes[0]!.position).toEqual({
      x: graph.nodes[1]!.position.x + 40,
      y: graph.nodes[1]!.position.y + 40,
    });
    const combined = applyCommand(graph, { kind: 'insertGraph', graph: pasted });
    expect(combined.nodes).toHaveLength(6);
  });
});

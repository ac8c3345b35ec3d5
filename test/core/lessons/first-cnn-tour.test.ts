/**
 * The first-start tour, followed as a newcomer follows it: from a new project's Input, each layer added
 * after the last (the palette's double-click) and set in the inspector moves the tour one step on; a wrong
 * setting is named; the end is the course's 4-layer CNN with Keras's 1,199,882.
 */
import { describe, expect, it } from 'vitest';
import {
  applyCommand,
  blankProject,
  tourState,
  translate,
  type Graph,
  type LayerType,
} from '../../../src/core/index.ts';

let ids = 0;
/** Appends a layer after the last one, as a double-click in the palette does, then sets its settings. */
function add(graph: Graph, type: LayerType, settings: Record<string, unknown> = {}): Graph {
  const last = graph.nodes.at(-1)!;
  const id = `l${++ids}`;
  let next = applyCommand(graph, { kind: 'appendAfter', afterId: last.id, type, id, edgeId: `e${ids}` });
  for (const [key, value] of Object.entries(settings))
    next = applyCommand(next, { kind: 'setParam', nodeId: id, key, value });
  return next;
}

/** The course's layers after the Input, as a newcomer adds and sets them. */
const STEPS: [LayerType, Record<string, unknown>][] = [
  ['Conv2D', { filters: 32 }],
  ['Conv2D', { filters: 64 }],
  ['MaxPooling2D', {}],
  ['Dropout', { rate: 0.25 }],
  ['Flatten', {}],
  ['Dense', { units: 128 }],
  ['Dropout', { rate: 0.5 }],
  ['Dense', { units: 10, activation: 'softmax' }],
];

const say = (graph: Graph) => translate(tourState(graph).say, 'en');

describe('the first-start tour', () => {
  it('goes one step on per layer, and ends with 1,199,882', () => {
    let graph = blankProject().graph;
    expect(tourState(graph)).toMatchObject({ done: 1, total: 9, finished: null });
    expect(say(graph)).toMatch(/^Step 2 of 9: add a Conv2D layer .* set it to 32 × 3×3 · s1 · valid · ReLU/);
    STEPS.forEach(([type, settings], i) => {
      graph = add(graph, type, settings);
      expect(tourState(graph).done).toBe(i + 2);
    });
    expect(tourState(graph).finished).toBe(1_199_882);
    expect(say(graph)).toContain('1,199,882 parameters, exactly as Keras');
  });

  it('names a layer that is not yet right, and a layer too many', () => {
    let graph = add(blankProject().graph, 'Conv2D', { filters: 16 });
    expect(tourState(graph).done).toBe(1);
    expect(say(graph)).toBe(
      'Step 2 of 9: layer 2 should be a Conv2D set to 32 × 3×3 · s1 · valid · ReLU, but it is a Conv2D (16 × 3×3 · s1 · valid · ReLU). Change its settings in the inspector, or delete it and add a Conv2D.',
    );
    graph = blankProject().graph;
    for (const [type, settings] of [...STEPS, ['Dense', { units: 10 }] as const]) {
      graph = add(graph, type, settings);
    }
    expect(tourState(graph)).toMatchObject({ done: 9, finished: null });
    expect(say(graph)).toContain('remove what comes after the last Dense');
  });

  it("writes the settings in the reader's language: 步幅 1, not s1, in Chinese", () => {
    const graph = add(blankProject().graph, 'Conv2D', { filters: 16, strides: [2, 1] });
    const zh = translate(tourState(graph).say, 'zh-TW');
    expect(zh).toContain('設成 32 × 3×3 · 步幅 1 · valid · ReLU 的 Conv2D');
    expect(zh).toContain('（16 × 3×3 · 步幅 2×1 · valid · ReLU）');
    expect(zh).not.toMatch(/\bs\d/);
  });
});

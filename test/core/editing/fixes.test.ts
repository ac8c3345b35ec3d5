/**
 * One-click fixes: for each common mistake the analysis reports, the fixes offered turn the network valid
 * (or rid it of the warning) and say what they change; for random chains of too-large kernels and Dense
 * layers on images, taking the first fix of each problem in turn always ends in a valid network.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  analyse,
  classCountFix,
  fixesFor,
  sequential,
  translate,
  type Graph,
  type LayerSpec,
} from '../../../src/core/index.ts';
import { input } from '../../helpers/layers.ts';

let counter = 0;
const newId = () => `fix-${++counter}`;
const s = (type: string, params: Record<string, unknown> = {}): LayerSpec => ({ type, params }) as LayerSpec;
const errors = (graph: Graph) => analyse(graph).diagnostics.filter((d) => d.severity === 'error');
const fixes = (graph: Graph) => fixesFor(graph, analyse(graph), newId);
const words = (fix: { what: Parameters<typeof translate>[0] }) => translate(fix.what, 'en');
const shapeOf = (graph: Graph, name: string) => analyse(graph).nodes.find((n) => n.name === name)?.outputShape ?? null;

/** Two branches from `from` into a merge layer, given as chains of specs after `from`. */
function branches(first: LayerSpec[], second: LayerSpec[], merge: string, shape = [28, 28, 1]): Graph {
  const graph = sequential([input(shape), ...first]);
  const b = sequential([input(shape), ...second]);
  const offset = graph.nodes.length;
  const renamed = b.nodes.slice(1).map((n, i) => ({ ...n, id: `b${i + 1}`, name: `${n.name}_b` }));
  const id = (i: number) => (i === 0 ? graph.nodes[0]!.id : `b${i}`);
  const edges = renamed.map((n, i) => ({ id: `be${i}`, source: id(i), target: n.id }));
  const mergeNode = { ...sequential([input([1]), s(merge)]).nodes[1]!, id: 'merge', name: 'merge' };
  return {
    nodes: [...graph.nodes, ...renamed, mergeNode],
    edges: [
      ...graph.edges,
      ...edges,
      { id: 'm1', source: graph.nodes[offset - 1]!.id, target: 'merge' },
      { id: 'm2', source: renamed.at(-1)?.id ?? graph.nodes[0]!.id, target: 'merge' },
    ],
  };
}

describe('one-click fixes', () => {
  it('Dense straight after a Conv2D: insert Flatten, or global average pooling', () => {
    const graph = sequential([
      input([28, 28, 1]),
      s('Conv2D', { filters: 8, kernel_size: [3, 3] }),
      s('Dense', { units: 10 }),
    ]);
    const offered = fixes(graph);
    expect(offered.map(words)).toEqual([
      "Insert a Flatten layer before 'dense', so that it gets every value as one list.",
      "Insert GlobalAveragePooling2D before 'dense': one average per channel, far fewer weights than Flatten.",
    ]);
    expect(shapeOf(offered[0]!.graph, 'dense')).toEqual([10]);
    expect(analyse(offered[0]!.graph).totals.total).toBe(80 + 26 * 26 * 8 * 10 + 10);
    expect(analyse(offered[1]!.graph).totals.total).toBe(80 + 8 * 10 + 10);
    for (const fix of offered)
      expect(analyse(fix.graph).diagnostics.map((d) => d.message.key)).not.toContain('warn.denseNotFlat');
  });

  it('a kernel larger than its input: the largest that fits, or same padding', () => {
    const graph = sequential([input([5, 5, 1]), s('Conv2D', { filters: 4, kernel_size: [7, 3] }), s('Flatten')]);
    expect(errors(graph).map((d) => d.message.key)).toEqual(['diag.kernelTooLarge']);
    const offered = fixes(graph);
    expect(offered.map(words)).toEqual([
      "Set kernel_size of 'conv2d' to 5×3 (now 7×3), the largest that fits its input.",
      "Set padding to 'same' on 'conv2d', so that the image keeps its size through it.",
    ]);
    for (const fix of offered) expect(errors(fix.graph)).toEqual([]);
    expect(shapeOf(offered[0]!.graph, 'conv2d')).toEqual([1, 3, 4]);
  });

  it('Add of a 28×28 and a 26×26 branch: same padding on the valid one', () => {
    const graph = branches(
      [s('Conv2D', { filters: 8, kernel_size: [3, 3], padding: 'same' })],
      [s('Conv2D', { filters: 8, kernel_size: [3, 3] })],
      'Add',
    );
    expect(errors(graph).map((d) => d.message.key)).toEqual(['diag.addMismatch']);
    const offered = fixes(graph);
    expect(offered.map(words)).toEqual([
      "Set padding to 'same' on 'conv2d_b', so that the image keeps its size through it.",
    ]);
    expect(errors(offered[0]!.graph)).toEqual([]);
  });

  it('Add of the input and a strided, wider branch: a 1×1 projection with the stride, as ResNet does', () => {
    const graph = branches(
      [],
      [s('Conv2D', { filters: 16, kernel_size: [3, 3], strides: [2, 2], padding: 'same' })],
      'Add',
    );
    const offered = fixes(graph);
    expect(offered.map(words)).toEqual([
      "Insert a 1×1 Conv2D with 16 filters and stride 2×2 after 'input_layer' (a projection, as ResNet does), so that its output matches the other input.",
    ]);
    const fixed = offered[0]!.graph;
    expect(errors(fixed)).toEqual([]);
    expect(shapeOf(fixed, 'merge')).toEqual([14, 14, 16]);
  });

  it('Concatenate of a 28×28 and a 14×14 branch: pooling on the larger one, or a projection', () => {
    const graph = branches(
      [s('Conv2D', { filters: 8, kernel_size: [3, 3], padding: 'same' })],
      [s('Conv2D', { filters: 4, kernel_size: [3, 3], strides: [2, 2], padding: 'same' })],
      'Concatenate',
    );
    const offered = fixes(graph);
    expect(offered.map(words)).toEqual([
      "Insert a 2×2 MaxPooling2D after 'conv2d', so that its output gets the size of the other input.",
      "Insert a 1×1 Conv2D with 8 filters and stride 2×2 after 'conv2d' (a projection, as ResNet does), so that its output matches the other input.",
    ]);
    for (const fix of offered) {
      expect(errors(fix.graph)).toEqual([]);
      expect(shapeOf(fix.graph, 'merge')).toEqual([14, 14, 12]);
      // The new layer takes the branch's place among Concatenate's inputs: its 8 channels still come first.
      const fixed = analyse(fix.graph);
      expect(fixed.byId.get(fixed.inputsOf.get('merge')![0]!)!.outputShape).toEqual([14, 14, 8]);
    }
  });

  it('the last Dense has other outputs than the dataset has classes: set its units, through Softmax', () => {
    const graph = sequential([input([28, 28, 1]), s('Flatten'), s('Dense', { units: 5 }), s('Softmax')]);
    const fix = classCountFix(graph, analyse(graph), 10);
    expect(fix && words(fix)).toBe("Give 'dense' 10 units, one per class.");
    expect(shapeOf(fix!.graph, 'softmax')).toEqual([10]);
    expect(
      classCountFix(
        sequential([input([28, 28, 1]), s('Flatten')]),
        analyse(sequential([input([28, 28, 1]), s('Flatten')])),
        10,
      ),
    ).toBeNull();
  });

  it('the first fix of each problem, taken in turn, always ends in a valid network', () => {
    const layer = fc.oneof(
      fc
        .record({
          kernel: fc.integer({ min: 1, max: 9 }),
          stride: fc.integer({ min: 1, max: 3 }),
          same: fc.boolean(),
        })
        .map(({ kernel, stride, same }) =>
          s('Conv2D', {
            filters: 4,
            kernel_size: [kernel, kernel],
            strides: [stride, stride],
            padding: same ? 'same' : 'valid',
          }),
        ),
      fc.integer({ min: 2, max: 5 }).map((p) => s('MaxPooling2D', { pool_size: [p, p], strides: [p, p] })),
    );
    fc.assert(
      fc.property(fc.integer({ min: 3, max: 32 }), fc.array(layer, { minLength: 1, maxLength: 4 }), (size, layers) => {
        let graph = sequential([input([size, size, 1]), ...layers, s('Dense', { units: 10 })]);
        for (let step = 0; step < 12; step++) {
          const problems = analyse(graph).diagnostics.filter(
            (d) => d.severity === 'error' || d.message.key === 'warn.denseNotFlat',
          );
          if (problems.length === 0) break;
          const fix = fixes(graph).find(
            (f) => f.nodeId === problems[0]!.nodeId && f.problem === problems[0]!.message.key,
          );
          expect(fix).toBeDefined();
          graph = fix!.graph;
        }
        expect(errors(graph)).toEqual([]);
        expect(shapeOf(graph, 'dense')).toEqual([10]);
      }),
      { numRuns: 150 },
    );
  });
});

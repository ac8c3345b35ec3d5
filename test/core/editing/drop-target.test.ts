import { describe, expect, it } from 'vitest';
import {
  NODE_HEIGHT,
  NODE_WIDTH,
  ROW_HEIGHT,
  layerAbove,
  sequential,
  type LayerSpec,
} from '../../../src/core/index.ts';

const chain = () =>
  sequential([
    { type: 'Input', params: { shape: [28, 28, 1] } },
    { type: 'Conv2D', params: { filters: 8, kernel_size: [3, 3] } },
  ] as LayerSpec[]);

describe('layerAbove', () => {
  it('finds the layer a drop lands just below, in its column', () => {
    const graph = chain();
    const [input, conv] = graph.nodes;
    const below = (node: typeof conv, dy: number, dx = NODE_WIDTH / 2) => ({
      x: node!.position.x + dx,
      y: node!.position.y + NODE_HEIGHT + dy,
    });
    expect(layerAbove(graph, below(conv, 40))?.id).toBe(conv!.id);
    expect(layerAbove(graph, below(conv, ROW_HEIGHT))?.id).toBe(conv!.id);
    // Between the two: the nearer one above, the Input.
    expect(layerAbove(graph, below(input, 10))?.id).toBe(input!.id);
    // Too far below, beside the column, or above everything: none.
    expect(layerAbove(graph, below(conv, ROW_HEIGHT + 10))).toBeNull();
    expect(layerAbove(graph, below(conv, 40, NODE_WIDTH * 2))).toBeNull();
    expect(layerAbove(graph, { x: input!.position.x, y: input!.position.y - 50 })).toBeNull();
  });
});

/**
 * A network of the cases code export can get wrong: two branches joined by Concatenate, 'same' padding that
 * TensorFlow splits unevenly (stride 2 on an odd size, even kernels) for convolution, max and average
 * pooling, numeric padding, ZeroPadding2D, a Dense layer on an image, BatchNormalization without its
 * scale and on vectors, leaky_relu, an L2 penalty, GlobalMaxPooling2D keeping its dimensions, Add.
 */
import { kerasNamer, makeNode, type Graph, type LayerSpec } from '../../src/core/index.ts';

export function awkwardGraph(): Graph {
  const name = kerasNamer();
  const specs: Array<[string, LayerSpec, string[]]> = [
    ['in', { type: 'Input', params: { shape: [11, 9, 3] } }, []],
    [
      'a1',
      {
        type: 'Conv2D',
        params: {
          filters: 4,
          kernel_size: [4, 3],
          strides: [2, 2],
          padding: 'same',
          activation: 'leaky_relu',
          kernel_l2: 0.01,
        },
      },
      ['in'],
    ],
    ['a2', { type: 'MaxPooling2D', params: { pool_size: [2, 2], strides: [1, 1], padding: 'same' } }, ['a1']],
    [
      'b1',
      {
        type: 'ZeroPadding2D',
        params: {
          padding: [
            [1, 0],
            [0, 0],
          ],
        },
      },
      ['in'],
    ],
    [
      'b2',
      {
        type: 'Conv2D',
        params: { filters: 5, kernel_size: [3, 3], strides: [2, 2], padding: 1, dilation_rate: [1, 1] },
      },
      ['b1'],
    ],
    ['b3', { type: 'BatchNormalization', params: { scale: false, momentum: 0.9 } }, ['b2']],
    ['b4', { type: 'AveragePooling2D', params: { pool_size: [3, 3], strides: [1, 1], padding: 'same' } }, ['b3']],
    ['b5', { type: 'Conv2D', params: { filters: 4, kernel_size: [1, 1] } }, ['b4']],
    ['c1', { type: 'Concatenate' }, ['a2', 'b4']],
    ['d1', { type: 'Dense', params: { units: 4, activation: 'tanh' } }, ['c1']],
    ['d2', { type: 'Add' }, ['d1', 'b5']],
    ['d3', { type: 'AveragePooling2D', params: { pool_size: [2, 2], padding: 2 } }, ['d2']],
    ['g1', { type: 'GlobalMaxPooling2D', params: { keepdims: true } }, ['d3']],
    ['f1', { type: 'Flatten' }, ['g1']],
    ['f2', { type: 'Dense', params: { units: 6, activation: 'relu' } }, ['f1']],
    ['f3', { type: 'BatchNormalization' }, ['f2']],
    ['f4', { type: 'Dense', params: { units: 3, activation: 'softmax' } }, ['f3']],
  ];
  return {
    nodes: specs.map(([id, spec], i) => makeNode(spec, id, name(spec.type), i * 80)),
    edges: specs.flatMap(([id, , inputs]) => inputs.map((from) => ({ id: `${from}-${id}`, source: from, target: id }))),
  };
}

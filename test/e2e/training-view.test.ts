/**
 * Training from the app, in Chromium through the browser host with the real trainer process: the Data
 * panel, a quick run with live progress and charts, results, the run kept in the saved project, the
 * network locked while it trains, and a broken dataset named in both languages.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findTemplate, makeProject } from '../../src/core/index.ts';
import { screenshot, useServedApp } from '../helpers/browser-host.ts';

const folder = mkdtempSync(join(tmpdir(), 'convstudio-train-view-'));
const projectFile = join(folder, 'textbook.convstudio.json');
writeFileSync(projectFile, JSON.stringify(makeProject(findTemplate('textbook-mnist')!.build(), 'textbook')));

const app = useServedApp(projectFile);
const byId = (id: string) => app.page.getByTestId(id);

describe('the Train view', () => {
  it('describes the built-in MNIST: classes, counts, a preview, and that it fits', async () => {
    await byId('view-train').click();
    await byId('data-summary').waitFor({ timeout: 30_000 });
    await expect.poll(() => byId('data-preview').locator('canvas').count()).toBe(40);
    const text = await byId('data-summary').textContent();
    expect(text).toContain('54,000 / 6,000 / 10,000');
    expect(text).toContain('28 × 28 × 1');
    expect(text).toContain('5,923');
    await screenshot(app.page, 'train-data-panel');
  }, 60_000);

  it('trains a quick try with live progress, then shows the results', async () => {
    await byId('preset-quick').click();
    await byId('train-start').click();
    await byId('train-progress').waitFor({ timeout: 30_000 });
    await expect.poll(() => byId('backend-badge').textContent(), { timeout: 30_000 }).toBe('Backend: WebAssembly');
    await expect.poll(() => byId('train-progress').textContent(), { timeout: 30_000 }).toMatch(/images\/s/);
    await screenshot(app.page, 'train-running');
    await byId('test-accuracy').waitFor({ timeout: 120_000 });
    const accuracy = Number((await byId('test-accuracy').locator('strong').textContent())!.replace('%', ''));
    // 5,400 training images for one epoch: the textbook net is well past chance (10%).
    expect(accuracy).toBeGreaterThan(80);
    expect(await byId('confusion-matrix').locator('tbody tr').count()).toBe(10);
    expect(await byId('mistakes').locator('canvas').count()).toBeGreaterThan(0);
    expect(await byId('chart-loss').locator('.recharts-line path').count()).toBeGreaterThan(0);
    expect(await byId('run-history').locator('li').count()).toBe(1);
    await byId('results').scrollIntoViewIfNeeded();
    await screenshot(app.page, 'train-results');
  }, 180_000);

  it('keeps the run in the project file when saved', async () => {
    await app.page.keyboard.press('Control+s');
    await expect
      .poll(() => JSON.parse(readFileSync(projectFile, 'utf8')).runs?.length ?? 0, { timeout: 10_000 })
      .toBe(1);
    const saved = JSON.parse(readFileSync(projectFile, 'utf8'));
    expect(saved.version).toBe(2);
    expect(saved.runs[0]).toMatchObject({ status: 'done', backend: 'wasm', dataset: { name: 'MNIST' } });
    expect(saved.runs[0].evaluation.confusion).toHaveLength(10);
  });

  it('locks the network while it trains; an edit asks to stop first', async () => {
    await byId('setting-epochs').fill('20');
    await byId('train-start').click();
    await byId('train-stop').waitFor({ timeout: 30_000 });
    // Opening or starting another network is an edit too.
    await byId('new-button').click();
    await byId('stop-to-edit-dialog').waitFor();
    await byId('stop-to-edit-dialog').getByRole('button', { name: 'Keep training' }).click();
    await byId('stop-to-edit-dialog').waitFor({ state: 'detached' });
    expect(await byId('doc-title').textContent()).toContain('textbook');
    await byId('view-design').click();
    await byId('locked-note').waitFor();
    await app.page.locator('.react-flow__node').first().click();
    await app.page.keyboard.press('Delete');
    await byId('stop-to-edit-dialog').waitFor();
    await screenshot(app.page, 'train-locked');
    await byId('stop-to-edit-confirm').click();
    await byId('locked-note').waitFor({ state: 'detached', timeout: 10_000 });
    await byId('view-train').click();
    await expect.poll(() => byId('run-history').locator('li').count()).toBe(2);
    expect(await byId('run-history').textContent()).toContain('stopped');
  }, 90_000);

  it('names what is wrong with a broken dataset, in Traditional Chinese too', async () => {
    const broken = join(folder, 'broken-idx');
    mkdirSync(broken);
    for (const name of [
      'train-images-idx3-ubyte',
      'train-labels-idx1-ubyte',
      't10k-images-idx3-ubyte',
      't10k-labels-idx1-ubyte',
    ])
      writeFileSync(join(broken, name), Buffer.from([1, 2, 3]));
    await byId('data-path').fill(broken);
    await byId('data-load').click();
    await byId('data-errors').waitFor({ timeout: 30_000 });
    expect(await byId('data-errors').textContent()).toContain('train-images-idx3-ubyte');
    await app.page.getByLabel('Language').selectOption('zh-TW');
    await expect.poll(() => byId('data-errors').textContent()).toMatch(/train-images-idx3-ubyte.*[\u4e00-\u9fff]/);
    await screenshot(app.page, 'train-data-error-zh');
    expect((app.page as unknown as { problems: string[] }).problems).toEqual([]);
  }, 60_000);
});

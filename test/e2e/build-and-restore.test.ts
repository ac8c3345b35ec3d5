/**
 * A newcomer builds the 4-layer MNIST CNN from the palette alone and reads 1,199,882 in the summary; after
 * the app is killed, its next start offers the unsaved work back.
 */
import { describe, expect, it } from 'vitest';
import { openApp, screenshot, serve, useServedApp } from '../helpers/browser-host.ts';

const app = useServedApp(null);

const node = (name: string) => app.page.getByTestId(`node-${name}`);

async function add(type: string, settings: Record<string, string> = {}): Promise<void> {
  await app.page.getByTestId(`palette-${type}`).dblclick();
  for (const [key, value] of Object.entries(settings)) {
    const field = app.page.getByTestId(`setting-${key}-input`);
    if ((await field.count()) > 0) await field.fill(value);
    else await app.page.getByTestId(`setting-${key}-select`).selectOption(value);
  }
}

describe('the 4-layer MNIST CNN from the palette alone', () => {
  it('adds each layer after the last and reads the course’s total', async () => {
    // Conv2D and Dense come with ReLU from the palette: only the numbers and the last softmax are typed.
    await add('Conv2D');
    await add('Conv2D', { filters: '64' });
    await add('MaxPooling2D');
    await add('Flatten');
    await add('Dense', { units: '128' });
    await add('Dense', { activation: 'softmax' });
    await expect.poll(() => app.page.getByTestId('total-params').textContent()).toBe('1,199,882');
    expect(await app.page.getByTestId('diagnostics').textContent()).not.toContain('has no activation');
    for (const name of ['conv2d', 'conv2d_1', 'dense']) expect(await node(name).textContent()).toContain('ReLU');
    const rows: string[][] = [];
    for (const row of await app.page.getByTestId('summary-table').locator('tbody tr').all()) {
      rows.push((await row.locator('td').allTextContents()).slice(1, 3));
    }
    expect(rows).toEqual([
      ['26×26×32', '320'],
      ['24×24×64', '18,496'],
      ['12×12×64', '0'],
      ['9,216', '0'],
      ['128', '1,179,776'],
      ['10', '1,290'],
    ]);
  });

  it('warns when a hidden layer loses its activation, and says why', async () => {
    // The first layers have scrolled off the top as layers were added (issue 15): bring them back.
    await app.page.getByTestId('canvas-show-network').click();
    await node('conv2d').click();
    await app.page.getByTestId('setting-activation-select').selectOption('linear');
    await expect
      .poll(() => app.page.getByTestId('diagnostics').textContent())
      .toContain("'conv2d' (Conv2D) has no activation (linear) and feeds 'conv2d_1' (Conv2D) directly");
    await screenshot(app.page, 'editor-no-activation-warning');
    await app.page.keyboard.press('Control+z');
    await expect.poll(() => app.page.getByTestId('diagnostics').textContent()).not.toContain('has no activation');
  });

  it('explains each count in the inspector, in both languages', async () => {
    await app.page.getByTestId('canvas-show-network').click();
    await app.page.waitForTimeout(300);
    await node('conv2d_1').click();
    expect(await app.page.getByTestId('formula-params').textContent()).toMatch(/\(\(3×3×32\)\+1\)×64 = 18,496/);
    expect(await app.page.getByTestId('formula-shape').textContent()).toMatch(/\(26−3\)\/1\+1 = 24/);
    expect(await app.page.getByTestId('formula-rf').textContent()).toMatch(/3\+\(3−1\)×1 = 5/);
    await screenshot(app.page, 'mnist-built-from-palette');
    await app.page.getByTestId('lang-select').selectOption('zh-TW');
    expect(await app.page.getByTestId('formula-params').textContent()).toMatch(
      /參數 = .*\(\(3×3×32\)\+1\)×64 = 18,496/,
    );
    expect(await app.page.locator('#summary-title').textContent()).toBe('摘要');
    await screenshot(app.page, 'mnist-built-from-palette-zh-TW');
    await app.page.getByTestId('lang-select').selectOption('en');
  });

  it('tidies the layout and fits it in view', async () => {
    await app.page.getByTestId('layout-button').click();
    const boxes = await Promise.all(['input_layer', 'conv2d', 'dense_1'].map((n) => node(n).boundingBox()));
    expect(boxes.every((b) => b !== null)).toBe(true);
    expect(boxes[0]!.y).toBeLessThan(boxes[1]!.y);
    expect(boxes[1]!.y).toBeLessThan(boxes[2]!.y);
  });

  it('offers the unsaved work back after the app is killed', async () => {
    await app.page.waitForTimeout(2_600); // one autosave interval and a little more
    app.served.process.kill('SIGKILL');
    await new Promise((resolve) => app.served.process.once('exit', resolve));
    app.served = await serve(null, { dataDir: app.served.dataDir });
    await app.page.close();
    app.page = await openApp(app.browser, app.served.url);
    await app.page.getByTestId('restore-banner').waitFor();
    expect(await app.page.getByTestId('total-params').textContent()).toBe('0');
    await screenshot(app.page, 'restore-offer');
    await app.page.getByTestId('restore-button').click();
    await expect.poll(() => app.page.getByTestId('total-params').textContent()).toBe('1,199,882');
    expect(await app.page.getByTestId('doc-title').textContent()).toBe('• Untitled');
  });
});

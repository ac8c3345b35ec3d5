/**
 * The receptive field on the image, in Debian's Chromium through the browser host: the course's network of
 * three Conv2D 3×3 + MaxPooling2D 2×2 blocks, trained for a quick try on MNIST, looked inside on a test
 * image. A click on a cell of a feature map draws the pixels that cell depends on: 3×3 for the first
 * convolution, 22×22 (not the slides' 24) after the third pooling, with the layer-by-layer growth. A
 * Conv2D cell also shows how its value is computed from the trained weights: the products under the kernel,
 * their sum, the bias and ReLU, equal (to 1e-4) to the value TF.js gave the feature map there.
 * Screenshots at 1440×900 (en) and 1024×768 (zh-TW).
 */
import { describe, expect, it } from 'vitest';
import { makeProject, sequential, type LayerSpec } from '../../src/core/index.ts';
import { clickCell, screenshot, trainQuicklyAndTry, useServedApp } from '../helpers/browser-host.ts';
import { tempFile } from '../helpers/cli.ts';

const s = (type: string, params: Record<string, unknown> = {}): LayerSpec => ({ type, params }) as LayerSpec;
const block = [
  s('Conv2D', { filters: 4, kernel_size: [3, 3], activation: 'relu' }),
  s('MaxPooling2D', { pool_size: [2, 2], strides: [2, 2] }),
];
const graph = sequential([
  s('Input', { shape: [28, 28, 1] }),
  ...block,
  ...block,
  ...block,
  s('Flatten'),
  s('Dense', { units: 10, activation: 'softmax' }),
]);
const app = useServedApp(tempFile('three-blocks.json', JSON.stringify(makeProject(graph, 'three blocks'))));
const byId = (id: string) => app.page.getByTestId(id);

describe('the receptive field of a feature-map cell', () => {
  it('is drawn on the image: 3×3 after the first convolution, 22×22 after three blocks', async () => {
    await trainQuicklyAndTry(app.page);

    const first = app.page.locator('[data-testid="feature-maps"][data-layer="conv2d"] canvas').first();
    await clickCell(first, 26, 5, 7);
    expect(await byId('receptive-field-box').getAttribute('data-rows')).toBe('5-8');
    expect(await byId('receptive-field-box').getAttribute('data-columns')).toBe('7-10');
    expect(await byId('receptive-field-text').textContent()).toContain(
      'Cell (row 6, column 8) of conv2d depends on 3 × 3 pixels of the image',
    );
    const matches = async (products: number) => {
      const step = byId('conv-step');
      expect(Number(await step.getAttribute('data-products'))).toBe(products);
      const computed = Number(await step.getAttribute('data-computed'));
      const value = Number(await step.getAttribute('data-value'));
      expect(Math.abs(computed - value)).toBeLessThan(1e-4);
      return value;
    };
    await matches(9);
    expect(await byId('conv-product').count()).toBe(9);
    // The clicked channel is enlarged with its values: the picked cell marked, holding the value TF.js gave.
    const enlarged = byId('feature-map-values');
    expect(await enlarged.getAttribute('data-layer')).toBe('conv2d');
    expect(await enlarged.getAttribute('data-channel')).toBe('0');
    expect(await enlarged.locator('[role=gridcell]').count()).toBe(26 * 26);
    expect(await byId('map-cell-5-7').getAttribute('class')).toContain('picked');
    const exact = (await byId('map-cell-5-7').getAttribute('title'))!.split(': ').at(-1);
    expect(Number(exact)).toBeCloseTo(Number(await byId('conv-step').getAttribute('data-value')), 6);
    expect(Number((await byId('map-cell-5-7').textContent())!.replace('−', '-'))).toBeCloseTo(Number(exact), 2);
    // Stepping on moves the window one cell along, and its step follows.
    await byId('map-next').click();
    expect(await byId('map-cell-5-8').getAttribute('class')).toContain('picked');
    expect(await byId('receptive-field-box').getAttribute('data-columns')).toBe('8-11');
    await byId('map-play').click();
    await expect.poll(() => byId('map-cell-5-9').getAttribute('class'), { timeout: 5000 }).toContain('picked');
    await byId('map-play').click();
    // A click on a cell of the enlarged map picks that cell.
    await byId('map-cell-10-12').click();
    expect(await byId('receptive-field-box').getAttribute('data-rows')).toBe('10-13');
    expect(await byId('receptive-field-box').getAttribute('data-columns')).toBe('12-15');
    await enlarged.scrollIntoViewIfNeeded();
    await screenshot(app.page, 'feature-map-values-1440-en');
    // A cell on the stroke that a filter answers (ReLU lets it through), so that the sum itself is checked:
    // any filter, since one that training left silent answers nowhere.
    let onStroke = false;
    const maps = app.page.locator('[data-testid="feature-maps"][data-layer="conv2d"] canvas');
    for (let cell = 0, filter = 0; filter < (await maps.count()) && !onStroke; cell += 3) {
      if (cell >= 26 * 26) {
        cell = -3;
        filter += 1;
        continue;
      }
      await clickCell(maps.nth(filter), 26, Math.floor(cell / 26), cell % 26);
      const step = byId('conv-step');
      onStroke =
        Math.abs(Number(await step.getAttribute('data-sum'))) > 0.05 &&
        Number(await step.getAttribute('data-value')) > 0.01;
    }
    expect(onStroke).toBe(true);
    await matches(9);
    await byId('conv-step').scrollIntoViewIfNeeded();
    await screenshot(app.page, 'conv-step-1440-en');
    expect(await byId('conv-sum').textContent()).toMatch(/^Adding the 9 products gives .+; plus the bias .+ makes /);
    // The second convolution's second filter: 3 × 3 × 4 products over the first pooling's 4 channels.
    const second = app.page.locator('[data-testid="feature-maps"][data-layer="conv2d_1"] canvas').nth(1);
    await clickCell(second, 11, 4, 6);
    await matches(36);
    expect(await byId('conv-step').locator('h4').textContent()).toContain('conv2d_1, filter 2');

    const last = app.page.locator('[data-testid="feature-maps"][data-layer="max_pooling2d_2"] canvas').first();
    await clickCell(last, 1, 0, 0);
    expect(await byId('receptive-field-box').getAttribute('data-rows')).toBe('0-22');
    expect(await byId('receptive-field-box').getAttribute('data-columns')).toBe('0-22');
    expect(await byId('receptive-field-text').textContent()).toContain('22 × 22 pixels of the image');
    expect(await byId('receptive-field-text').textContent()).toContain('8 × 8 pixels apart');
    const growth = await byId('field-growth').locator('li').allTextContents();
    expect(growth.map((line) => line.split(' ')[1])).toEqual(['1×1', '3×3', '4×4', '8×8', '10×10', '18×18', '22×22']);
    expect(growth.at(-1)).toContain('18+(2−1)×4 = 22; j = 4×2 = 8');
    // A pooling cell shows its step too: the largest of its 2×2 window of conv2d_2, as the network kept it.
    const pool = byId('pool-step');
    expect(Number(await pool.getAttribute('data-terms'))).toBe(4);
    expect(
      Math.abs(Number(await pool.getAttribute('data-computed')) - Number(await pool.getAttribute('data-value'))),
    ).toBeLessThan(1e-6);
    expect(await byId('pool-result').textContent()).toMatch(/^The largest of .+ is .+\.$/);
    expect(await byId('conv-step').count()).toBe(0);
    // The last Dense: a unit's value from its 4 inputs (Flatten of 1 × 1 × 4) and softmax, as the network gave it.
    await byId('dense-unit-3').click();
    const dense = byId('dense-step');
    expect(
      Math.abs(Number(await dense.getAttribute('data-computed')) - Number(await dense.getAttribute('data-value'))),
    ).toBeLessThan(1e-4);
    expect(await dense.getByTestId('dense-product').count()).toBe(4);
    expect(await byId('dense-sum').textContent()).toMatch(
      /^Adding the 4 products gives .+ Softmax turns every unit’s total into its share: this one’s is .+\.$/,
    );
    await dense.scrollIntoViewIfNeeded();
    await screenshot(app.page, 'dense-step-1440-en');
    await byId('receptive-field').scrollIntoViewIfNeeded();
    await screenshot(app.page, 'receptive-field-1440-en');

    await app.page.setViewportSize({ width: 1024, height: 768 });
    await byId('lang-select').selectOption('zh-TW');
    expect(await byId('receptive-field-text').textContent()).toContain('22 × 22 個像素');
    await byId('receptive-field').scrollIntoViewIfNeeded();
    await screenshot(app.page, 'receptive-field-1024-zh-TW');
    await app.page.locator('[data-testid="feature-maps"][data-layer="conv2d_1"] canvas').first().click();
    expect(await byId('feature-map-values').textContent()).toContain('conv2d_1，第 1 個通道');
    await byId('feature-map-values').scrollIntoViewIfNeeded();
    await screenshot(app.page, 'feature-map-values-1024-zh-TW');
    await byId('feature-map-close').click();
    expect(await byId('feature-map-values').count()).toBe(0);
    await byId('lang-select').selectOption('en');
    await app.page.setViewportSize({ width: 1440, height: 900 });
  }, 180_000);
});

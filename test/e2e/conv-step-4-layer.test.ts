/**
 * The convolution step on the course's 4-layer MNIST CNN, as issue 21 asks it checked: after a quick-try
 * training, a cell of the first Conv2D's feature map on a test image shows its nine products and a sum
 * that, with the bias and ReLU, equals (to 1e-4) the value TF.js gave that cell.
 */
import { describe, expect, it } from 'vitest';
import { clickCell, screenshot, trainQuicklyAndTry, useServedApp } from '../helpers/browser-host.ts';

const app = useServedApp(null);
const byId = (id: string) => app.page.getByTestId(id);

describe('the convolution step on the 4-layer MNIST CNN', () => {
  it('gives nine products whose sum, with bias and ReLU, is the feature map’s value', async () => {
    await byId('template-select').selectOption('mnist-4-layer');
    await expect.poll(() => byId('total-params').textContent()).toBe('1,199,882');
    await trainQuicklyAndTry(app.page, 240_000);
    const maps = app.page.locator('[data-testid="feature-maps"][data-layer="conv2d"] canvas');
    // A cell one of the filters answers (ReLU lets it through), so that the sum itself is compared.
    let checked = false;
    let filter = 0;
    for (; filter < 32 && !checked; filter++) {
      for (let cell = 0; cell < 16 && !checked; cell++) {
        await clickCell(maps.nth(filter), 26, 7 + 3 * Math.floor(cell / 4), 7 + 3 * (cell % 4));
        const step = byId('conv-step');
        checked =
          Math.abs(Number(await step.getAttribute('data-sum'))) > 0.05 &&
          Number(await step.getAttribute('data-value')) > 0.01;
      }
    }
    expect(checked).toBe(true);
    const step = byId('conv-step');
    expect(Number(await step.getAttribute('data-products'))).toBe(9);
    expect(await byId('conv-product').count()).toBe(9);
    const computed = Number(await step.getAttribute('data-computed'));
    const value = Number(await step.getAttribute('data-value'));
    expect(Math.abs(computed - value)).toBeLessThan(1e-4);
    // The loop counted one past the filter found: the page numbers filters from 1.
    expect(await step.locator('h4').textContent()).toContain(`of conv2d, filter ${filter}`);
    await step.scrollIntoViewIfNeeded();
    await screenshot(app.page, 'conv-step-4-layer-1440-en');
  }, 300_000);
});

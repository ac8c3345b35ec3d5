/**
 * A newcomer on a 1024×768 laptop builds the course's 4-layer MNIST CNN from the palette and the inspector,
 * the way the README tells them: every pointer action (a click, a double-click, a pick in a list) and every
 * typed number is counted, and after each layer the newest one is on the screen, inside the canvas. The
 * count is in the README ("Small screens"); this test keeps it from growing.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { screenshot, useServedApp } from '../helpers/browser-host.ts';

const app = useServedApp(null);
const byId = (id: string) => app.page.getByTestId(id);

const count = { actions: 0, typed: 0 };

async function inCanvas(page: Page, name: string): Promise<void> {
  const pane = (await page.locator('.react-flow__pane').boundingBox())!;
  // The view follows a new layer in 200 ms.
  await expect
    .poll(async () => {
      const box = await byId(`node-${name}`).boundingBox();
      return (
        box !== null &&
        box.x >= pane.x &&
        box.y >= pane.y &&
        box.x + box.width <= pane.x + pane.width &&
        box.y + box.height <= pane.y + pane.height
      );
    })
    .toBe(true);
}

/** One layer from the palette (a double-click), with the settings typed or picked in the inspector. */
async function add(
  type: string,
  name: string,
  typed: Record<string, string> = {},
  picked: Record<string, string> = {},
) {
  await byId(`palette-${type}`).dblclick();
  count.actions += 1;
  for (const [key, value] of Object.entries(typed)) {
    await byId(`setting-${key}-input`).click();
    await byId(`setting-${key}-input`).fill(value);
    count.actions += 1;
    count.typed += 1;
  }
  for (const [key, value] of Object.entries(picked)) {
    await byId(`setting-${key}-select`).selectOption(value);
    count.actions += 2;
  }
  await inCanvas(app.page, name);
}

describe('a newcomer at 1024×768', () => {
  it('builds the course’s 4-layer CNN in 14 actions and 3 typed numbers, never losing it from the screen', async () => {
    await app.page.setViewportSize({ width: 1024, height: 768 });
    // The welcome strip above the workspace is left as it is: it is not in the way.
    await byId('node-input_layer').click();
    count.actions += 1;
    await add('Conv2D', 'conv2d');
    await add('Conv2D', 'conv2d_1', { filters: '64' });
    await add('MaxPooling2D', 'max_pooling2d');
    await add('Dropout', 'dropout', { rate: '0.25' });
    await add('Flatten', 'flatten');
    await add('Dense', 'dense', { units: '128' });
    await add('Dropout', 'dropout_1');
    await add('Dense', 'dense_1', {}, { activation: 'softmax' });
    await expect.poll(() => byId('total-params').textContent()).toBe('1,199,882');
    await screenshot(app.page, 'newcomer-4-layer-1024');
    expect(count).toEqual({ actions: 14, typed: 3 });
  }, 60_000);
});

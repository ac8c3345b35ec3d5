/**
 * Building a chain by dragging from the palette, as newcomers do: a layer dropped just below another comes
 * after it, connected, and the view follows it; one Undo takes it back; dropped elsewhere it stands alone.
 * Connection handles are targets a person can hit. In Debian's Chromium at 1024×768, through the browser host.
 */
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { screenshot, useServedApp } from '../helpers/browser-host.ts';

const app = useServedApp(null);
const node = (name: string) => app.page.getByTestId(`node-${name}`);
const shapeOf = (name: string) => node(name).getByTestId('node-shape').textContent();

/** Where a layer card is once the view has stopped moving (it follows a new layer in 200 ms). */
async function settledBox(card: Locator): Promise<{ x: number; y: number; width: number; height: number }> {
  let last = await card.boundingBox();
  for (;;) {
    await new Promise((r) => setTimeout(r, 100));
    const now = await card.boundingBox();
    if (now && last && now.x === last.x && now.y === last.y) return now;
    last = now;
  }
}

/** Drags a palette entry onto the canvas, its centre `dy` pixels below the bottom of layer `below`, `dx` beside. */
async function dropBelow(page: Page, type: string, below: string, dy: number, dx = 0): Promise<void> {
  const box = await settledBox(node(below));
  const pane = (await page.locator('.react-flow__pane').boundingBox())!;
  await page.getByTestId(`palette-${type}`).dragTo(page.locator('.react-flow__pane'), {
    targetPosition: { x: box.x + box.width / 2 + dx - pane.x, y: box.y + box.height + dy - pane.y },
  });
}

describe('dropping layers from the palette', () => {
  it('connects a layer dropped just below another, and the view follows it', async () => {
    // A newcomer on a small laptop: the window at 1024×768 from the start, the welcome put away.
    await app.page.setViewportSize({ width: 1024, height: 768 });
    await app.page.getByTestId('welcome-skip').click();
    await app.page.reload();
    await node('input_layer').waitFor();
    await dropBelow(app.page, 'Conv2D', 'input_layer', 50);
    await expect.poll(() => shapeOf('conv2d')).toBe('26 × 26 × 32');
    await dropBelow(app.page, 'MaxPooling2D', 'conv2d', 50);
    await expect.poll(() => shapeOf('max_pooling2d')).toBe('13 × 13 × 32');
    await dropBelow(app.page, 'Flatten', 'max_pooling2d', 50);
    await dropBelow(app.page, 'Dense', 'flatten', 50);
    await expect.poll(() => shapeOf('dense')).toBe('10');
    // The newest layer is in sight, inside the canvas.
    const pane = (await app.page.locator('.react-flow__pane').boundingBox())!;
    const dense = await settledBox(node('dense'));
    expect(dense.y).toBeGreaterThanOrEqual(pane.y);
    expect(dense.y + dense.height).toBeLessThanOrEqual(pane.y + pane.height);
    expect(await app.page.locator('.react-flow__edge').count()).toBe(4);
    await screenshot(app.page, 'canvas-dropped-chain');
  });

  it('takes a dropped layer back with one Undo', async () => {
    await app.page.getByTestId('undo-button').click();
    await expect.poll(() => node('dense').count()).toBe(0);
    expect(await shapeOf('flatten')).toBe('5,408');
    expect(await app.page.locator('.react-flow__edge').count()).toBe(3);
  });

  it('leaves a layer dropped away from the others unconnected', async () => {
    await dropBelow(app.page, 'Dropout', 'flatten', 40, 200);
    await expect.poll(() => node('dropout').count()).toBe(1);
    expect(await shapeOf('dropout')).toBe('?');
    expect(await app.page.locator('.react-flow__edge').count()).toBe(3);
  });

  it('has connection handles a person can hit, larger under the pointer', async () => {
    const handle = node('dropout').locator('.react-flow__handle-top');
    // Sizes on the canvas, the view's zoom taken out.
    const zoom = await app.page
      .locator('.react-flow__viewport')
      .evaluate((el) => new DOMMatrix(getComputedStyle(el).transform).a);
    const size = async () => (await handle.boundingBox())!.width / zoom;
    // The pointer away from every layer, where the last drop left it.
    const pane = (await app.page.locator('.react-flow__pane').boundingBox())!;
    await app.page.mouse.move(pane.x + pane.width - 20, pane.y + 20);
    await expect.poll(size).toBeCloseTo(12, 0);
    await node('dropout').hover();
    await expect.poll(size).toBeCloseTo(16, 0);
    await screenshot(app.page, 'canvas-handles-hover');
  });
});

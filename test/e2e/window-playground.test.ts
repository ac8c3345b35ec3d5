/**
 * Convolution and pooling step by step, in Debian's Chromium through the browser host: the course's 6×6
 * image and ±1 filter from Help, each cell's products and sum with the numbers, play, step and scrub, a
 * hovered output cell's window; a stride of 2 gives 2×2 with the formula and the dropped row and column
 * marked; a changed pixel or weight changes the cell's sum. From a MaxPooling2D's inspector, in Chinese at
 * 1024×768, the layer's own window and stride. Screenshots at 1440×900 (en) and 1024×768 (zh-TW).
 */
import { describe, expect, it } from 'vitest';
import { screenshot, useServedApp } from '../helpers/browser-host.ts';

const app = useServedApp(null);
const byId = (id: string) => app.page.getByTestId(id);
const outputCells = () => byId('playground-output').locator('button');

describe('convolution step by step', () => {
  it('works the course’s 6×6 example cell by cell, from Help', async () => {
    await byId('help-button').click();
    await byId('help-playground').click();
    await byId('playground').waitFor();
    expect(await outputCells().count()).toBe(16);
    // The first cell, with the numbers: 對應位置相乘相加.
    expect(await byId('playground-sum').textContent()).toBe(
      'Cell (row 1, column 1): 1×1 + 0×(−1) + 0×(−1) + 0×1 + 0×1 + 1×(−1) + 1×(−1) + 1×1 + 1×1 = 1',
    );
    expect(await byId('playground-formula').textContent()).toContain('(6−3)/1+1 = 4');
    // Step on, then scrub to the end: every cell is filled in with the slides' numbers.
    await byId('playground-next').click();
    expect(await byId('playground-sum').textContent()).toMatch(/^Cell \(row 1, column 2\): .* = −1$/);
    await byId('playground-scrub').fill('15');
    expect((await outputCells().allTextContents()).join(' ')).toBe('1 −1 −1 2 0 1 0 2 0 0 2 2 1 1 1 −1');
    // Hovering an output cell shows its window: nine pixels of the image.
    await byId('playground-out-2-3').hover();
    expect(await byId('playground-image').locator('.playground__cell--window').count()).toBe(9);
    expect(await byId('playground-sum').textContent()).toMatch(/^Cell \(row 3, column 4\): .* = 2$/);
    await screenshot(app.page, 'playground-course-1440-en');

    // Play runs on by itself, and pauses.
    await byId('playground-scrub').fill('0');
    await byId('playground-play').click();
    await expect.poll(() => byId('playground-scrub').inputValue(), { timeout: 5000 }).not.toBe('0');
    await byId('playground-play').click();
    const paused = await byId('playground-scrub').inputValue();
    await app.page.waitForTimeout(1200);
    expect(await byId('playground-scrub').inputValue()).toBe(paused);
  });

  it('shows what a stride of 2 drops, and recomputes when a pixel or a weight changes', async () => {
    await byId('playground-stride').selectOption('2');
    expect(await outputCells().count()).toBe(4);
    const formula = await byId('playground-formula').textContent();
    expect(formula).toContain('⌊(6−3)/2⌋+1 = 2');
    expect(formula).toMatch(/1 row/);
    expect(await byId('playground-image').locator('.playground__cell--dropped').count()).toBe(11);
    await screenshot(app.page, 'playground-stride-2-1440-en');

    await byId('playground-stride').selectOption('1');
    await byId('playground-padding').selectOption('same');
    expect(await outputCells().count()).toBe(36);
    expect(await byId('playground-image').locator('.playground__cell--pad').count()).toBe(8 * 8 - 36);
    await byId('playground-padding').selectOption('valid');

    // The first cell's sum is 1; a pixel under a weight of +1 turned from 1 to 0 makes it 0.
    await byId('playground-scrub').fill('0');
    await byId('playground-pixel-0-0').click();
    expect(await byId('playground-sum').textContent()).toMatch(/= 0$/);
    await byId('playground-pixel-0-0').click();
    await byId('playground-weight-0-0').fill('3');
    expect(await byId('playground-sum').textContent()).toMatch(/^Cell \(row 1, column 1\): 1×3 \+ .* = 3$/);
    await byId('playground-close').click();
    expect(await byId('playground').count()).toBe(0);
  });

  it('steps through a MaxPooling2D layer’s own window from its inspector, in Chinese at 1024×768', async () => {
    await app.page.setViewportSize({ width: 1024, height: 768 });
    await byId('lang-select').selectOption('zh-TW');
    await byId('template-select').selectOption('mnist-4-layer');
    await byId('canvas-show-network').click();
    await byId('node-max_pooling2d').click();
    await byId('inspector-step-through').click();
    await byId('playground').waitFor();
    expect(await byId('playground-operation').inputValue()).toBe('max');
    expect(await byId('playground-window').inputValue()).toBe('2');
    expect(await byId('playground-stride').inputValue()).toBe('2');
    expect(await outputCells().count()).toBe(9);
    expect(await byId('playground-sum').textContent()).toBe('格子（第 1 列、第 1 行）： max(1, 0, 0, 0) = 1');
    await screenshot(app.page, 'playground-max-pool-1024-zh-TW');
    await byId('playground-close').click();
    await byId('lang-select').selectOption('en');
    await app.page.setViewportSize({ width: 1440, height: 900 });
  });
});

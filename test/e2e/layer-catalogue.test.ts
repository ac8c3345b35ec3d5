/**
 * The whole layer catalogue in the palette, through the browser host in Chromium: a newcomer finds one by typing
 * part of its name in either language, opens the folded groups, builds an LSTM text classifier and reads
 * the LSTM's count with its formula, and opens MobileNet v1 to read Keras's 4,253,864 — at 1440×900 and on
 * a 1024×768 projector, in English and Traditional Chinese.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { LAYER_TYPES } from '../../src/core/index.ts';
import { screenshot, useServedApp } from '../helpers/browser-host.ts';

const app = useServedApp(null);
const byId = (id: string) => app.page.getByTestId(id);

async function setting(key: string, value: string): Promise<void> {
  const field = byId(`setting-${key}-input`);
  if ((await field.count()) > 0) await field.fill(value);
  else await byId(`setting-${key}-select`).selectOption(value);
}

describe('the layer catalogue in the palette', () => {
  it('folds the groups beyond the everyday ones, and finds a layer from part of its name', async () => {
    expect(await byId('palette-group-convolution').getAttribute('open')).not.toBeNull();
    expect(await byId('palette-group-sequence').getAttribute('open')).toBeNull();
    expect(await byId('palette-LSTM').isVisible()).toBe(false);
    await byId('palette-search').fill('dep');
    await expect
      .poll(() => app.page.locator('.palette__item').allTextContents())
      .toEqual(['Depthwise convolution · DepthwiseConv2D']);
    expect(await byId('palette-DepthwiseConv2D').getAttribute('title')).toMatch(/^Filters each channel on its own/);
    await screenshot(app.page, 'palette-search-dep');
    await byId('palette-search').fill('zzz');
    expect(await app.page.locator('.palette__none').textContent()).toBe('No layer matches “zzz”.');
    await byId('palette-search').press('Escape');
    expect(await app.page.locator('.palette__item').count()).toBe(LAYER_TYPES.length);
  });

  it('builds an LSTM text classifier and explains the LSTM’s count', async () => {
    await app.page.locator('[data-testid="palette-Input"]').dblclick();
    await byId('setting-shape').locator('select').selectOption('vector');
    await byId('setting-shape-0').fill('100');
    for (const [type, settings] of [
      ['Embedding', { input_dim: '10000', output_dim: '32' }],
      ['LSTM', { units: '64' }],
      ['Dense', { units: '2', activation: 'softmax' }],
    ] as const) {
      await byId('palette-search').fill(type.toLowerCase());
      await byId('palette-search').press('Enter');
      for (const [key, value] of Object.entries(settings)) await setting(key, value);
    }
    await byId('palette-search').fill('');
    await byId('node-lstm').click();
    await expect.poll(() => byId('formula-params').textContent()).toMatch(/\(32\+64\+1\)×4×64 = 24,832/);
    expect(await byId('formula-params').textContent()).toMatch(/4 gates × units/);
    await expect
      .poll(() => byId('total-params').textContent())
      .toBe(`${(320_000 + 24_832 + 130).toLocaleString('en')}`);
    await screenshot(app.page, 'lstm-text-classifier');
    await byId('lang-select').selectOption('zh-TW');
    expect(await byId('formula-params').textContent()).toMatch(/4 個閘門 × units.*\(32\+64\+1\)×4×64 = 24,832/);
    await byId('palette-search').fill('卷積');
    expect((await app.page.locator('.palette__item').allTextContents()).length).toBe(5);
    await screenshot(app.page, 'lstm-text-classifier-zh-TW');
    await byId('palette-search').fill('');
    await byId('lang-select').selectOption('en');
  });

  it('sets the new kinds of setting: a target shape, an automatic output padding, a range', async () => {
    await byId('new-button').click();
    const discard = byId('unsaved-discard');
    if (await discard.isVisible().catch(() => false)) await discard.click();
    await byId('palette-Input').dblclick();
    await byId('palette-search').fill('reshape');
    await byId('palette-search').press('Enter');
    await byId('setting-target_shape-input').fill('14, 56, 1');
    await expect.poll(() => byId('node-reshape').textContent()).toContain('14 × 56 × 1');
    await byId('setting-target_shape-input').fill('5, 5');
    await expect.poll(() => byId('diagnostics').textContent()).toContain('cannot be laid out as 5 × 5');
    // A problem, clicked, selects its layer.
    await byId('node-input_layer').click();
    await byId('diagnostic-show').first().click();
    await expect.poll(() => byId('inspector').locator('h2').textContent()).toBe('Reshape');
    await byId('setting-target_shape-input').fill('28, -1, 1');
    await expect.poll(() => byId('node-reshape').textContent()).toContain('28 × 28 × 1');
    await byId('palette-search').fill('transpose');
    await byId('palette-search').press('Enter');
    // Output padding is rarely changed: it waits under "More settings".
    expect(await byId('setting-output_padding').isVisible()).toBe(false);
    await byId('inspector-more').locator('summary').click();
    expect(await byId('setting-output_padding').textContent()).toContain('Automatic');
    await byId('setting-output_padding').locator('input[type=checkbox]').uncheck();
    // Given output padding (1, 0), Keras computes (28−1)×2+3−2×1+p: 56 high, 55 wide.
    await byId('setting-output_padding-h').fill('1');
    await expect.poll(() => byId('node-conv2d_transpose').textContent()).toContain('56 × 55 × 32');
    await byId('palette-search').fill('rotation');
    await byId('palette-search').press('Enter');
    await byId('setting-factor-to').fill('0.25');
    await expect.poll(() => byId('node-random_rotation').textContent()).toContain('−0.1…0.25 turn');
    await byId('palette-search').fill('');
    await app.page.setViewportSize({ width: 1024, height: 768 });
    await screenshot(app.page, 'new-setting-kinds-1024');
    await app.page.setViewportSize({ width: 1440, height: 900 });
  });

  it('opens MobileNet v1 with Keras’s 4,253,864, on a 1024×768 projector too', async () => {
    await byId('new-button').click();
    const discard = byId('unsaved-discard');
    if (await discard.isVisible().catch(() => false)) await discard.click();
    await byId('template-select').selectOption('mobilenet-v1');
    await expect.poll(() => byId('total-params').textContent()).toBe('4,253,864');
    await screenshot(app.page, 'mobilenet-v1');
    await app.page.setViewportSize({ width: 1024, height: 768 });
    await byId('palette-search').fill('sep');
    await screenshot(app.page, 'palette-search-1024');
    await byId('palette-search').fill('');
    await app.page.setViewportSize({ width: 1440, height: 900 });
  });

  it('raised no page errors', () => {
    expect((app.page as Page & { problems?: string[] }).problems).toEqual([]);
  });
});

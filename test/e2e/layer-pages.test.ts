/**
 * "What is this layer?", in Debian's Chromium through the browser host: from Help, every layer type has its
 * page — a sentence, a picture with something drawn, its settings with what they mean; an activation's
 * picture is its own curve. From the inspector, in Chinese at 1024×768, the selected layer's page.
 */
import { describe, expect, it } from 'vitest';
import { LAYER_TYPES } from '../../src/core/index.ts';
import { screenshot, useServedApp } from '../helpers/browser-host.ts';

const app = useServedApp(null);
const byId = (id: string) => app.page.getByTestId(id);

describe('what is this layer?', () => {
  it('has a page for every layer type, from Help', async () => {
    await byId('help-button').click();
    await byId('help-layer-pages').click();
    await byId('layer-page').waitFor();
    expect(await byId('layer-page-name').textContent()).toBe('Convolution layer · Conv2D');
    expect(await byId('layer-page-settings').textContent()).toContain('Filters');
    expect(await byId('layer-page').locator('svg.layer-picture').getAttribute('data-picture')).toBe('window');
    await screenshot(app.page, 'layer-page-conv2d-1440-en');
    for (const type of LAYER_TYPES) {
      await byId('layer-page-select').selectOption(type);
      const page = byId('layer-page');
      expect(await byId('layer-page-name').textContent(), type).toContain(type);
      expect((await byId('layer-page-describe').textContent())!.length, type).toBeGreaterThan(20);
      expect(await page.locator('svg.layer-picture > :not(defs)').count(), type).toBeGreaterThan(0);
    }
    // ReLU's picture is ReLU: flat at 0 on the left, rising on the right.
    await byId('layer-page-select').selectOption('ReLU');
    const points = (await byId('layer-page').locator('polyline').getAttribute('points'))!.split(' ');
    const y = (p: string) => Number(p.split(',')[1]);
    expect(y(points[0]!)).toBe(y(points[25]!));
    expect(y(points.at(-1)!)).toBeLessThan(y(points[30]!));
    await screenshot(app.page, 'layer-page-relu-1440-en');
    await byId('layer-page-close').click();
  });

  it('opens the selected layer’s page from the inspector, in Chinese at 1024×768', async () => {
    await app.page.setViewportSize({ width: 1024, height: 768 });
    await byId('lang-select').selectOption('zh-TW');
    await byId('template-select').selectOption('mnist-4-layer');
    await byId('node-max_pooling2d').click();
    await byId('inspector-what-is').click();
    expect(await byId('layer-page-name').textContent()).toBe('最大池化 MaxPooling2D');
    expect(await byId('layer-page-settings').textContent()).toContain('池化大小 (pool_size)');
    expect(await byId('layer-page').locator('svg.layer-picture').getAttribute('data-picture')).toBe('pool');
    await screenshot(app.page, 'layer-page-max-pool-1024-zh-TW');
    await byId('layer-page-close').click();
    await byId('lang-select').selectOption('en');
    await app.page.setViewportSize({ width: 1440, height: 900 });
  });
});

/**
 * The convolution step of a DepthwiseConv2D inside a trained network, in Debian's Chromium through the
 * browser host: a depthwise filter reads one input channel, so its step is nine products of that channel,
 * and their sum with the bias (and ReLU) equals, to 1e-4, the value TF.js gave its feature map.
 */
import { describe, expect, it } from 'vitest';
import { makeProject, sequential, type LayerSpec } from '../../src/core/index.ts';
import { clickCell, screenshot, trainQuicklyAndTry, useServedApp } from '../helpers/browser-host.ts';
import { tempFile } from '../helpers/cli.ts';

const s = (type: string, params: Record<string, unknown> = {}): LayerSpec => ({ type, params }) as LayerSpec;
const graph = sequential([
  s('Input', { shape: [28, 28, 1] }),
  s('Conv2D', { filters: 3, kernel_size: [3, 3], activation: 'relu' }),
  s('DepthwiseConv2D', { kernel_size: [3, 3], depth_multiplier: 2, activation: 'relu' }),
  s('Flatten'),
  s('Dense', { units: 10, activation: 'softmax' }),
]);
const app = useServedApp(tempFile('depthwise.json', JSON.stringify(makeProject(graph, 'depthwise'))));
const byId = (id: string) => app.page.getByTestId(id);

describe('the depthwise convolution step', () => {
  it('works one output value out of its one input channel, as the network computed it', async () => {
    await trainQuicklyAndTry(app.page);
    const maps = app.page.locator('[data-testid="feature-maps"][data-layer="depthwise_conv2d"] canvas');
    // 3 channels × a multiplier of 2.
    expect(await maps.count()).toBe(6);
    // A cell on the stroke, where ReLU lets the value through: read off the enlarged channel's values.
    let onStroke = -1;
    for (let channel = 0; channel < 6 && onStroke < 0; channel++) {
      await clickCell(maps.nth(channel), 24, 0, 0);
      const cells = byId('feature-map-values').locator('[role=gridcell]');
      const values = (await cells.allTextContents()).map((text) => Number(text.replace('−', '-')));
      const at = values.findIndex((v) => v > 0.01);
      if (at < 0) continue;
      await cells.nth(at).click();
      onStroke = channel;
    }
    const step = byId('conv-step');
    expect(Number(await step.getAttribute('data-products'))).toBe(9);
    const value = Number(await step.getAttribute('data-value'));
    expect(value).toBeGreaterThan(0.01);
    expect(Math.abs(Number(await step.getAttribute('data-computed')) - value)).toBeLessThan(1e-4);
    expect(onStroke).toBeGreaterThanOrEqual(0);
    expect(await byId('conv-step').locator('h4').textContent()).toContain(`depthwise_conv2d, filter ${onStroke + 1}`);
    await byId('conv-step').scrollIntoViewIfNeeded();
    await screenshot(app.page, 'depthwise-step-1440-en');
  }, 180_000);
});

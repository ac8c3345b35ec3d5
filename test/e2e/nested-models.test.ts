/**
 * A Teachable-Machine-style model (a frozen Functional base inside a Sequential, a Sequential head) opened
 * in Debian's Chromium through the browser host: the summary shows each nested model as one row as Keras
 * does and opens it to its layers; the canvas draws each as a frame, folds it to one node and opens it
 * again; a layer is unfrozen and frozen from the inspector, with undo. Screenshots at 1440×900 and 1024×768,
 * in English and Traditional Chinese.
 */
import { describe, expect, it } from 'vitest';
import { screenshot, useServedApp } from '../helpers/browser-host.ts';
import { tempFile } from '../helpers/cli.ts';
import { teachableMachineModel } from '../helpers/nested-models.ts';

const app = useServedApp(tempFile('teachable.json', JSON.stringify(teachableMachineModel())));
const byId = (id: string) => app.page.getByTestId(id);
const cells = (row: string) => byId(`row-${row}`).locator('td').allTextContents();

describe('a nested, frozen model in the app', () => {
  it('sums each nested model in one summary row, and opens it to its layers', async () => {
    await expect.poll(() => byId('total-params').textContent()).toBe('418');
    expect(await byId('trainable-params').textContent()).toBe('314');
    expect(await byId('non-trainable-params').textContent()).toBe('104');
    expect(await cells('sequential_base')).toEqual(['▸ sequential_baseSequential', '8', '104', '48,672', '—']);
    expect(await cells('sequential_head')).toEqual(['▸ sequential_headSequential', '10', '314', '288', '—']);
    expect(await byId('row-base_conv').count()).toBe(0);
    await byId('open-sequential_base').click();
    await byId('open-model1').click();
    expect(await cells('base_conv')).toEqual(['base_convConv2D  frozen', '26×26×8', '72', '48,672', '3×3']);
    expect(await cells('base_bn')).toEqual(['base_bnBatchNormalization  frozen', '26×26×8', '32', '0', '3×3']);
  });

  it('draws the nested models as frames, and the frozen layers with a lock', async () => {
    await expect.poll(() => byId('group-sequential_base').isVisible()).toBe(true);
    expect(await byId('group-model1').isVisible()).toBe(true);
    expect(await byId('node-base_conv').getByTestId('node-frozen').textContent()).toBe(' frozen');
    expect(await byId('node-dense_Dense1').getByTestId('node-frozen').count()).toBe(0);
    await screenshot(app.page, 'nested-model-open-1440-en');
  });

  it('unfreezes a layer from the inspector, and undo freezes it again', async () => {
    await byId('node-base_conv').click();
    const freeze = byId('layer-frozen');
    expect(await freeze.isChecked()).toBe(true);
    await freeze.uncheck();
    await expect.poll(() => byId('non-trainable-params').textContent()).toBe('32');
    expect(await byId('trainable-params').textContent()).toBe('386');
    expect(await byId('node-base_conv').getByTestId('node-frozen').count()).toBe(0);
    await app.page.keyboard.press('Escape');
    await byId('canvas').click({ position: { x: 5, y: 5 } });
    await app.page.keyboard.press('Control+z');
    await expect.poll(() => byId('non-trainable-params').textContent()).toBe('104');
  });

  it('folds a nested model to one node and opens it again', async () => {
    await byId('group-toggle-sequential_base').click();
    await expect.poll(() => byId('node-base_conv').count()).toBe(0);
    const folded = byId('group-sequential_base');
    expect(await folded.locator('.layer-node__params').textContent()).toBe('104 params');
    expect(await folded.locator('.layer-node__shape').textContent()).toBe('8');
    expect(await byId('total-params').textContent()).toBe('418');
    await app.page.setViewportSize({ width: 1024, height: 768 });
    await screenshot(app.page, 'nested-model-folded-1024-en');
    await byId('lang-select').selectOption('zh-TW');
    await expect.poll(() => byId('group-toggle-sequential_base').textContent()).toBe('展開');
    await screenshot(app.page, 'nested-model-folded-1024-zh-TW');
    await byId('group-toggle-sequential_base').click();
    await expect.poll(() => byId('node-base_conv').count()).toBe(1);
    await app.page.setViewportSize({ width: 1440, height: 900 });
    await screenshot(app.page, 'nested-model-open-1440-zh-TW');
    await byId('lang-select').selectOption('en');
  });
});

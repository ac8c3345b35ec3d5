/**
 * The built-in lessons, in Debian's Chromium through the browser host: from Help, lesson 2 (stride and
 * padding) in Chinese at 1024×768 — each task ticks as the person's own edits meet it and stays ticked,
 * the end offers lesson 3, which opens its own network; in English at 1440×900 lesson 3 is done by adding
 * layers from the palette. Screenshots of both.
 */
import { describe, expect, it } from 'vitest';
import { screenshot, useServedApp } from '../helpers/browser-host.ts';

const app = useServedApp(null);
const byId = (id: string) => app.page.getByTestId(id);
const task = (id: string) => byId(`lesson-task-${id}`);

describe('the lessons', () => {
  it('2 · stride and padding, in Chinese at 1024×768: each task ticks as the network meets it', async () => {
    await app.page.setViewportSize({ width: 1024, height: 768 });
    await byId('lang-select').selectOption('zh-TW');
    await byId('help-button').click();
    expect(await byId('help-lessons').locator('li').count()).toBe(5);
    await byId('help-lesson-stride-padding').click();
    await byId('lesson').waitFor();
    expect(await byId('lesson').locator('h2').textContent()).toBe('2 · 步幅與填充');
    expect(await byId('lesson').getAttribute('data-done')).toBe('0');
    await byId('node-conv2d').click();
    await byId('setting-padding-select').selectOption('same');
    await expect.poll(() => task('same').getAttribute('data-done')).toBe('true');
    await byId('setting-strides-h').fill('2');
    await byId('setting-strides-w').fill('2');
    await expect.poll(() => task('half').getAttribute('data-done')).toBe('true');
    await byId('setting-padding-select').selectOption('valid');
    await expect.poll(() => task('thirteen').getAttribute('data-done')).toBe('true');
    // Met before, still ticked though the network has moved on.
    expect(await task('same').getAttribute('data-done')).toBe('true');
    expect(await byId('lesson-finished').textContent()).toContain('這個單元完成了！');
    await screenshot(app.page, 'lesson-stride-padding-1024-zh-TW');
    await byId('lesson-next').click();
    // The edits are unsaved work: the app asks first, as for any other network.
    await byId('unsaved-discard').click();
    await expect.poll(() => byId('lesson').locator('h2').textContent()).toBe('3 · 池化與平坦化');
    expect(await byId('lesson').getAttribute('data-done')).toBe('0');
    await byId('lang-select').selectOption('en');
    await app.page.setViewportSize({ width: 1440, height: 900 });
  });

  it('3 · pooling and flatten, in English: built from the palette, ends with a valid classifier', async () => {
    await byId('node-conv2d').click();
    await byId('palette-MaxPooling2D').dblclick();
    await expect.poll(() => task('pool').getAttribute('data-done')).toBe('true');
    await byId('palette-Flatten').dblclick();
    await expect.poll(() => task('flatten').getAttribute('data-done')).toBe('true');
    await byId('palette-Dense').dblclick();
    await byId('setting-units-input').fill('10');
    await byId('setting-activation-select').selectOption('softmax');
    await expect.poll(() => task('classify').getAttribute('data-done')).toBe('true');
    expect(await byId('lesson-next').textContent()).toBe('Next: 4 · Counting parameters');
    await screenshot(app.page, 'lesson-pooling-flatten-1440-en');
    await byId('lesson-leave').click();
    expect(await byId('lesson').count()).toBe(0);
  });
});

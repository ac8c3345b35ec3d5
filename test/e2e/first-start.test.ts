/**
 * A newcomer's first start in Debian's Chromium through the browser host: the welcome offers the guided
 * tour, a template or a file; the tour checks their own canvas step by step as they build the course's
 * 4-layer CNN with the palette and the inspector, names a setting that is not yet right, and ends with
 * Keras's 1,199,882. Help brings the welcome back and lists the shortcuts. Screenshots at 1440×900 (en)
 * and 1024×768 (zh-TW).
 */
import { describe, expect, it } from 'vitest';
import { screenshot, useServedApp } from '../helpers/browser-host.ts';

const app = useServedApp(null);
const byId = (id: string) => app.page.getByTestId(id);
const done = async () => Number(await byId('tour').getAttribute('data-done'));

/** Adds a layer after the selected one from the palette, then sets the settings given (inspector inputs). */
async function add(type: string, settings: Record<string, string> = {}, select: Record<string, string> = {}) {
  await byId(`palette-${type}`).dblclick();
  for (const [key, value] of Object.entries(settings)) await byId(`setting-${key}-input`).fill(value);
  for (const [key, value] of Object.entries(select)) await byId(`setting-${key}-select`).selectOption(value);
}

describe('a first start', () => {
  it('welcomes a newcomer with the tour, a template or a file', async () => {
    await byId('welcome').waitFor();
    expect(await byId('welcome').textContent()).toContain('Build your first CNN, step by step');
    await screenshot(app.page, 'first-start-welcome-1440-en');
    await byId('welcome-tour').click();
    await byId('tour').waitFor();
    expect(await byId('welcome').count()).toBe(0);
    expect(await done()).toBe(1);
    expect(await byId('tour-say').textContent()).toMatch(/^Step 2 of 9: add a Conv2D layer/);
  });

  it('checks each step on the canvas, names what is not right, and ends with 1,199,882', async () => {
    await byId('node-input_layer').click();
    await add('Conv2D', { filters: '16' });
    expect(await done()).toBe(1);
    expect(await byId('tour-say').textContent()).toContain('but it is a Conv2D (16 × 3×3 · s1 · valid · ReLU)');
    await byId('setting-filters-input').fill('32');
    await expect.poll(done).toBe(2);
    await screenshot(app.page, 'first-start-tour-1440-en');
    await add('Conv2D', { filters: '64' });
    await expect.poll(done).toBe(3);
    await add('MaxPooling2D');
    await add('Dropout', { rate: '0.25' });
    await add('Flatten');
    await expect.poll(done).toBe(6);
    await app.page.setViewportSize({ width: 1024, height: 768 });
    await byId('lang-select').selectOption('zh-TW');
    expect(await byId('tour-say').textContent()).toMatch(/^第 7 步（共 9 步）：在最後一層後面加上 Dense/);
    await screenshot(app.page, 'first-start-tour-1024-zh-TW');
    await byId('lang-select').selectOption('en');
    await app.page.setViewportSize({ width: 1440, height: 900 });
    await add('Dense', { units: '128' });
    await add('Dropout', { rate: '0.5' });
    await add('Dense', { units: '10' }, { activation: 'softmax' });
    await expect.poll(done).toBe(9);
    expect(await byId('tour-say').textContent()).toContain(
      "This is the course's 4-layer CNN: 1,199,882 parameters, exactly as Keras's model.summary() counts them.",
    );
    expect(await byId('total-params').textContent()).toBe('1,199,882');
    await screenshot(app.page, 'first-start-tour-done-1440-en');
    await byId('tour-leave').click();
    expect(await byId('tour').count()).toBe(0);
  }, 90_000);

  it('Help brings the welcome back and lists the keyboard shortcuts', async () => {
    await byId('help-button').click();
    expect(await byId('help-shortcuts').textContent()).toContain('Undo');
    await screenshot(app.page, 'first-start-help-1440-en');
    await byId('help-welcome').click();
    await byId('welcome').waitFor();
    await byId('welcome-skip').click();
    expect(await byId('welcome').count()).toBe(0);
  });
});

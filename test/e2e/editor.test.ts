/**
 * The canvas editor in Debian's Chromium, through the browser host: drag a layer from the palette, connect
 * it, change a setting, undo and redo, save, reload and reopen, switch language.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { centre, dragMouse, screenshot, useServedApp } from '../helpers/browser-host.ts';

const app = useServedApp(null);

const node = (name: string) => app.page.getByTestId(`node-${name}`);
const shapeOf = (name: string) => node(name).getByTestId('node-shape').textContent();
const paramsOf = (name: string) => node(name).getByTestId('node-params').textContent();

describe('editing a network on the canvas', () => {
  it('starts with a new network: one Input layer of 28 × 28 × 1', async () => {
    expect(await shapeOf('input_layer')).toBe('28 × 28 × 1');
    expect(await app.page.getByTestId('doc-title').textContent()).toBe('Untitled');
  });

  it('drags a Conv2D from the palette onto the canvas', async () => {
    const input = await app.page.getByTestId('node-input_layer').boundingBox();
    await app.page.getByTestId('palette-Conv2D').dragTo(app.page.locator('.react-flow__pane'), {
      targetPosition: {
        x: input!.x + input!.width / 2 - (await app.page.locator('.react-flow__pane').boundingBox())!.x,
        y: input!.y + 260 - (await app.page.locator('.react-flow__pane').boundingBox())!.y,
      },
    });
    await node('conv2d').waitFor();
    expect(await shapeOf('conv2d')).toBe('?');
    expect(await node('conv2d').getAttribute('class')).toMatch(/layer-node--error/);
    expect(await app.page.getByTestId('doc-title').textContent()).toBe('• Untitled');
  });

  it('connects the Input to it: the shape and the count appear', async () => {
    await dragMouse(
      app.page,
      await centre(app.page, '[data-testid="node-input_layer"] .react-flow__handle-bottom'),
      await centre(app.page, '[data-testid="node-conv2d"] .react-flow__handle-top'),
    );
    await expect.poll(() => shapeOf('conv2d')).toBe('26 × 26 × 32');
    expect(await paramsOf('conv2d')).toBe('320 params');
    expect(await app.page.locator('.react-flow__edge-text').allTextContents()).toEqual(['28 × 28 × 1']);
    await screenshot(app.page, 'editor-connected');
  });

  it('changes its filters in the inspector: shape and count follow', async () => {
    await node('conv2d').click();
    await app.page.getByTestId('setting-filters-input').fill('64');
    await expect.poll(() => paramsOf('conv2d')).toBe('640 params');
    expect(await shapeOf('conv2d')).toBe('26 × 26 × 64');
    expect(await app.page.getByTestId('formula-params').textContent()).toMatch(/\(\(3×3×1\)\+1\)×64 = 640/);
    expect(await app.page.getByTestId('total-params').textContent()).toBe('640');
    await screenshot(app.page, 'editor-inspector');
  });

  it('undoes and redoes, with the buttons and the keyboard', async () => {
    await app.page.getByTestId('undo-button').click();
    await expect.poll(() => paramsOf('conv2d')).toBe('320 params');
    await app.page.getByTestId('redo-button').click();
    await expect.poll(() => paramsOf('conv2d')).toBe('640 params');
    await app.page.locator('.react-flow__pane').click({ position: { x: 20, y: 20 } });
    await app.page.keyboard.press('Control+z');
    await expect.poll(() => paramsOf('conv2d')).toBe('320 params');
    await app.page.keyboard.press('Control+Shift+z');
    await expect.poll(() => paramsOf('conv2d')).toBe('640 params');
  });

  it('copies, pastes and deletes with the keyboard', async () => {
    await node('conv2d').click();
    await app.page.keyboard.press('Control+c');
    await app.page.keyboard.press('Control+v');
    await node('conv2d_1').waitFor();
    await app.page.keyboard.press('Delete');
    await expect.poll(() => node('conv2d_1').count()).toBe(0);
    expect(await paramsOf('conv2d')).toBe('640 params');
  });

  it('saves to a file, and reopens it after a reload', async () => {
    await app.page.getByTestId('save-button').click();
    const path = join(app.served.projectsDir, 'my-first-cnn');
    await app.page.getByTestId('save-as-path').fill(path);
    await app.page.getByTestId('save-as-confirm').click();
    await expect.poll(() => app.page.getByTestId('doc-title').textContent()).toBe('my-first-cnn.convstudio.json');
    const file = `${path}.convstudio.json`;
    expect(existsSync(file)).toBe(true);
    const saved = JSON.parse(readFileSync(file, 'utf8'));
    expect(saved.graph.nodes.find((n: { name: string }) => n.name === 'conv2d').params.filters).toBe(64);
    // The project is named after its file, and so are its exports.
    expect(saved.meta.name).toBe('my-first-cnn');
    await app.page.getByTestId('export-button').click();
    expect(await app.page.getByTestId('export-download').textContent()).toContain('my_first_cnn_keras.py');
    await app.page.getByTestId('export-close').click();

    await app.page.reload();
    await app.page.locator('.app[data-ready="true"]').waitFor();
    expect(await app.page.getByTestId('restore-banner').count()).toBe(0);
    expect(await node('conv2d').count()).toBe(0);
    await app.page.getByTestId('recent-select').selectOption(file);
    await expect.poll(() => paramsOf('conv2d')).toBe('640 params');
    expect(await app.page.getByTestId('doc-title').textContent()).toBe('my-first-cnn.convstudio.json');
  });

  it('asks before replacing a file that is not ConvStudio’s, and writes only .convstudio.json files', async () => {
    const foreign = join(app.served.projectsDir, 'notes.convstudio.json');
    writeFileSync(foreign, 'my notes, not a network');
    const saveAs = async (path: string) => {
      await app.page.keyboard.press('Control+Shift+s');
      await app.page.getByTestId('save-as-path').fill(path);
      await app.page.getByTestId('save-as-confirm').click();
    };
    await saveAs(foreign);
    await app.page.getByTestId('replace-dialog').waitFor();
    expect(await app.page.getByTestId('replace-dialog').textContent()).toContain(`${foreign} already exists`);
    await screenshot(app.page, 'editor-replace-question');
    await app.page.getByTestId('replace-dialog').getByText('Cancel').click();
    expect(readFileSync(foreign, 'utf8')).toBe('my notes, not a network');
    expect(await app.page.getByTestId('doc-title').textContent()).toBe('my-first-cnn.convstudio.json');

    const settings = join(app.served.projectsDir, 'settings.json');
    writeFileSync(settings, '{"theme":"dark"}');
    await saveAs(settings);
    await expect.poll(() => app.page.getByTestId('doc-title').textContent()).toBe('settings.convstudio.json');
    expect(readFileSync(settings, 'utf8')).toBe('{"theme":"dark"}');

    await saveAs(foreign);
    await app.page.getByTestId('replace-confirm').click();
    await expect.poll(() => app.page.getByTestId('doc-title').textContent()).toBe('notes.convstudio.json');
    expect(JSON.parse(readFileSync(foreign, 'utf8')).format).toBe('convstudio');
    // Back to the file the next tests work on: it is ConvStudio's, so no question.
    await saveAs(join(app.served.projectsDir, 'my-first-cnn.convstudio.json'));
    await expect.poll(() => app.page.getByTestId('doc-title').textContent()).toBe('my-first-cnn.convstudio.json');
  });

  it('asks before replacing unsaved work', async () => {
    await node('conv2d').click();
    await app.page.getByTestId('setting-filters-input').fill('8');
    await expect.poll(() => app.page.getByTestId('doc-title').textContent()).toBe('• my-first-cnn.convstudio.json');
    await app.page.getByTestId('new-button').click();
    await app.page.getByTestId('unsaved-dialog').waitFor();
    await screenshot(app.page, 'editor-unsaved-question');
    await app.page.getByTestId('unsaved-discard').click();
    await expect.poll(() => node('conv2d').count()).toBe(0);
    expect(await app.page.getByTestId('doc-title').textContent()).toBe('Untitled');
  });

  it('speaks Traditional Chinese', async () => {
    await app.page.getByTestId('lang-select').selectOption('zh-TW');
    expect(await app.page.getByTestId('palette-Conv2D').textContent()).toBe('卷積層 Conv2D');
    await app.page.getByTestId('palette-Conv2D').dblclick();
    await node('conv2d').waitFor();
    expect(await app.page.getByTestId('setting-filters').locator('legend').textContent()).toBe('濾波器數量 (filters)');
    expect(await app.page.getByTestId('formula-params').textContent()).toMatch(
      /參數 = \(濾波器高 × 濾波器寬 × 輸入通道數 \+ 1 個偏差\) × 濾波器數量\(\(3×3×1\)\+1\)×32 = 320/,
    );
    await screenshot(app.page, 'editor-zh-TW');
    await app.page.getByTestId('lang-select').selectOption('en');
  });

  it('raised no app.page errors', () => {
    expect((app.page as Page & { problems?: string[] }).problems).toEqual([]);
  });
});

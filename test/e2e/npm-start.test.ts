/**
 * `npm start`, exactly as the README gives it, on a machine where Electron's binary was never downloaded
 * (`npm install` runs no install scripts): one line says so and names `npm run desktop:install`, and the
 * address it prints shows the app in the browser.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { launchBrowser, openApp, screenshot, serve } from '../helpers/browser-host.ts';

const ROOT = join(import.meta.dirname, '../..');

it('npm start -- --no-open opens the browser host and says why in one line', async () => {
  const served = await serve(null, {
    command: 'npm',
    args: ['start', '--', '--no-open'],
    cwd: ROOT,
    // Where a developer has downloaded Electron, point its lookup at an empty folder: no binary there.
    env: { ELECTRON_OVERRIDE_DIST_PATH: mkdtempSync(join(tmpdir(), 'convstudio-no-electron-')) },
  });
  const browser = await launchBrowser();
  try {
    const page = await openApp(browser, served.url);
    await page.locator('.react-flow__node').first().waitFor();
    await screenshot(page, 'npm-start-browser-host');
    expect(served.output).toMatch(
      /Electron's desktop binary is not installed \(`npm run desktop:install` downloads it\), so ConvStudio opens in your browser instead\.\n/,
    );
  } finally {
    await browser.close();
    await served.stop();
  }
}, 120_000);

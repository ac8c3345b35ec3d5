/**
 * `convstudio serve` opening the browser: the browser's command line (readable by every user through `ps`)
 * carries a file:// page only this user can read, never the address with its token; the page sends the
 * browser on to the address. The "browser" here is a script that records how it was started ($BROWSER,
 * which xdg-open uses where no desktop is running).
 */
import { chmodSync, existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { launchBrowser, serve } from '../helpers/browser-host.ts';

it('opens a page only its user can read, and no token on the browser command line', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'convstudio-browser-'));
  const record = join(dir, 'argv.txt');
  const browser = join(dir, 'fake-browser');
  writeFileSync(browser, `#!/bin/sh\nprintf '%s\\n' "$@" > '${record}'\n`);
  chmodSync(browser, 0o755);
  const served = await serve(null, {
    args: ['serve'],
    env: { BROWSER: browser, XDG_CURRENT_DESKTOP: '', DISPLAY: '', WAYLAND_DISPLAY: '', DESKTOP_SESSION: '' },
  });
  try {
    const token = new URL(served.url).hash.replace('#token=', '');
    await expect.poll(() => existsSync(record), { timeout: 10_000 }).toBe(true);
    const argv = readFileSync(record, 'utf8').trim();
    expect(argv).toMatch(/^file:\/\/.*\/launch\/open-\d+\.html$/);
    expect(argv).not.toContain(token);
    const page = fileURLToPath(argv);
    expect(statSync(page).mode & 0o777).toBe(0o600);
    expect(statSync(join(page, '..')).mode & 0o777).toBe(0o700);
    expect(readFileSync(page, 'utf8')).toContain(`content="0;url=${served.url}"`);
    // Chromium given that page ends up in the app.
    const chromium = await launchBrowser();
    try {
      const tab = await chromium.newPage();
      await tab.goto(argv);
      await tab.locator('.app[data-ready="true"]').waitFor({ timeout: 20_000 });
      expect(tab.url()).toBe(served.url);
    } finally {
      await chromium.close();
    }
    await served.stop();
    expect(existsSync(page)).toBe(false);
  } finally {
    await served.stop();
  }
}, 60_000);

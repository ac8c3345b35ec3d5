/**
 * Electron is installed as a package without its binary (`npm install` runs no install scripts); the tools
 * that package the app must still know its exact version from it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');

it('electron-builder reads the pinned Electron version from the installed package', async () => {
  const pinned = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).devDependencies.electron as string;
  expect(pinned).toMatch(/^\d+\.\d+\.\d+$/);
  const { getElectronVersion } = await import('app-builder-lib/out/electron/electronVersion.js');
  expect(await getElectronVersion(ROOT)).toBe(pinned);
});

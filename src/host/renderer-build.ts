/** Finds the built renderer, building it once (electron-vite build) when a fresh checkout has none. */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PACKAGE_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const RENDERER_DIR = join(PACKAGE_ROOT, 'out', 'renderer');

export async function ensureRendererBuilt(): Promise<string> {
  if (existsSync(join(RENDERER_DIR, 'index.html'))) return RENDERER_DIR;
  process.stderr.write('Building the app once (about a minute)…\n');
  const result = spawnSync(
    process.execPath,
    [join(PACKAGE_ROOT, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build', '--logLevel', 'warn'],
    {
      cwd: PACKAGE_ROOT,
      stdio: ['ignore', 'inherit', 'inherit'],
    },
  );
  if (result.status !== 0 || !existsSync(join(RENDERER_DIR, 'index.html'))) {
    throw new Error('The app could not be built; run `npm run build` to see why.');
  }
  return RENDERER_DIR;
}

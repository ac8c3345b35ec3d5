/**
 * Finds the built app (the renderer, and the trainer bundle Electron starts), building it (electron-vite
 * build) when a checkout has none or when its sources are newer, so that `convstudio serve` never shows a
 * stale app.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PACKAGE_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const RENDERER_DIR = join(PACKAGE_ROOT, 'out', 'renderer');
/** The trainer as Electron's utilityProcess runs it. */
export const TRAINER_BUNDLE = join(PACKAGE_ROOT, 'out', 'main', 'trainer.js');
const OUTPUTS = [join(RENDERER_DIR, 'index.html'), TRAINER_BUNDLE];
const SOURCES = ['src/renderer', 'src/core', 'src/trainer', 'electron.vite.config.ts'].map((p) =>
  join(PACKAGE_ROOT, p),
);

/** The newest modification time of a file or of any file below a folder. */
function newest(path: string): number {
  if (!existsSync(path)) return 0;
  const info = statSync(path);
  if (!info.isDirectory()) return info.mtimeMs;
  return Math.max(info.mtimeMs, ...readdirSync(path).map((name) => newest(join(path, name))));
}

export function appIsCurrent(): boolean {
  if (!OUTPUTS.every((o) => existsSync(o))) return false;
  // An installed package has no sources beside it: its build is what it has.
  if (!existsSync(SOURCES[0]!)) return true;
  const sources = Math.max(...SOURCES.map(newest));
  return OUTPUTS.every((o) => statSync(o).mtimeMs >= sources);
}

export async function ensureAppBuilt(): Promise<string> {
  if (appIsCurrent()) return RENDERER_DIR;
  process.stderr.write('Building the app (a minute at most)…\n');
  const cli = join(PACKAGE_ROOT, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js');
  const result = spawnSync(process.execPath, [cli, 'build', '--logLevel', 'warn'], {
    cwd: PACKAGE_ROOT,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (result.status !== 0 || !OUTPUTS.every((o) => existsSync(o))) {
    throw new Error('The app could not be built; run `npm run build` to see why.');
  }
  return RENDERER_DIR;
}

/**
 * The folder of the ConvStudio package, found from this module's own file — whether it runs from the sources
 * (src/services) or from the build (out/main/chunks) — never from the caller's working folder: the first
 * folder upwards whose package.json is ConvStudio's.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let root: string | null = null;

export function packageRoot(): string {
  if (root) return root;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (
      existsSync(manifest) &&
      (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'convstudio'
    ) {
      return (root = dir);
    }
    const parent = dirname(dir);
    if (parent === dir)
      throw new Error(`ConvStudio's package.json was not found above ${fileURLToPath(import.meta.url)}`);
    dir = parent;
  }
}

/** Whether this code runs from the TypeScript sources (through tsx or vitest) rather than from the build. */
export const RUNS_FROM_SOURCES = import.meta.url.endsWith('.ts');

/** The built page the browser host serves. */
export const rendererDir = (): string => join(packageRoot(), 'out', 'renderer');

/** The trained networks that ship with ConvStudio (resources/pretrained/README.md). */
export const pretrainedDir = (): string => join(packageRoot(), 'resources', 'pretrained');

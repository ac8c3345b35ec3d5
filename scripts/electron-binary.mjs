// Where Electron's binary is, found the way the electron package finds it (path.txt under
// node_modules/electron names it under dist/) but without its fallback of downloading one.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** The electron package's folder, or null where it is not installed. */
export function electronPackageDir() {
  try {
    return dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    return null;
  }
}

/** The Electron executable, or null where its binary has not been downloaded. */
export function electronBinary() {
  const pkg = electronPackageDir();
  if (!pkg) return null;
  const pathFile = join(pkg, 'path.txt');
  const name = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : null;
  if (!name) return null;
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const path = override ? join(override, name) : join(pkg, 'dist', name);
  return existsSync(path) ? path : null;
}

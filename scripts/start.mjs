// `npm start`: the desktop app in Electron where its binary is installed; otherwise, with one line saying
// why, the same app in the browser host (`convstudio serve`). Arguments pass through: npm start -- FILE
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);

/**
 * The Electron executable, found the way the electron package finds it but without its fallback of
 * downloading one (no network at run time): path.txt names it under node_modules/electron/dist.
 */
function electronBinary() {
  const pkg = join(root, 'node_modules', 'electron');
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const name = existsSync(join(pkg, 'path.txt')) ? readFileSync(join(pkg, 'path.txt'), 'utf8').trim() : null;
  const path = override ? join(override, name ?? 'electron') : name ? join(pkg, 'dist', name) : null;
  return path && existsSync(path) ? path : null;
}

function run(command, commandArgs) {
  const child = spawn(command, commandArgs, { cwd: root, stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code) => process.exit(code ?? 0));
}

const electron = electronBinary();
if (electron) {
  if (!existsSync(join(root, 'out', 'main', 'index.js'))) {
    const build = spawn(process.execPath, [join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'], { cwd: root, stdio: 'inherit' });
    build.on('exit', (code) => (code === 0 ? run(electron, ['.', ...args]) : process.exit(code ?? 1)));
  } else {
    run(electron, ['.', ...args]);
  }
} else {
  console.log("Electron's binary is not installed here (ELECTRON_SKIP_BINARY_DOWNLOAD, or no network at install), so ConvStudio opens in your browser instead.");
  run(process.execPath, [join(root, 'packages/cli/convstudio.mjs'), 'serve', ...args]);
}

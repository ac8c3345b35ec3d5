// `npm start`: the desktop app in Electron where its binary is installed (`npm run desktop:install` gets
// it); otherwise, with one line saying so, the same app in the browser host (`convstudio serve`). Arguments
// pass through: npm start -- FILE, npm start -- --no-open.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { ensureBuilt, PACKAGE_ROOT } from './app-build.mjs';
import { electronBinary } from './electron-binary.mjs';

const args = process.argv.slice(2);

function run(command, commandArgs) {
  const child = spawn(command, commandArgs, { cwd: PACKAGE_ROOT, stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code) => process.exit(code ?? 0));
}

const problem = await ensureBuilt();
if (problem) {
  console.error(`error: ${problem}`);
  process.exit(1);
}
const electron = electronBinary();
if (electron) {
  run(electron, ['.', ...args]);
} else {
  console.log(
    "Electron's desktop binary is not installed (`npm run desktop:install` downloads it), so ConvStudio opens in your browser instead.",
  );
  run(process.execPath, [join(PACKAGE_ROOT, 'packages/cli/convstudio.mjs'), 'serve', ...args]);
}

// `npm run desktop:install`: downloads Electron's binary (about 100 MB, from Electron's releases or the
// ELECTRON_MIRROR), which `npm install` leaves out (.npmrc: ignore-scripts), so that `npm start` opens the
// desktop app instead of the browser. It never hangs: no answer within the time limits below ends it with one
// line saying why, and ConvStudio keeps running in the browser.
//
// The download goes through @electron/get (what Electron's own install script uses) with time limits, into
// its cache; Electron's install script then finds it there, unpacks it and writes path.txt.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { electronBinary, electronPackageDir } from './electron-binary.mjs';

/** Milliseconds without progress that end the download (a test shortens it). */
const STALL_MS = Number(process.env.CONVSTUDIO_DOWNLOAD_STALL_MS) || 30_000;

function fail(reason) {
  console.error(
    `Electron's binary could not be downloaded (${reason}). ConvStudio still runs in your browser: npm start.`,
  );
  process.exit(1);
}

const pkg = electronPackageDir();
if (!pkg) fail('the electron package is missing: run `npm install` first');
if (electronBinary()) {
  console.log(`Electron's binary is already installed: ${electronBinary()}`);
  process.exit(0);
}
const require = createRequire(join(pkg, 'package.json'));
const { version } = require('./package.json');
const { downloadArtifact } = require('@electron/get');
console.log(`Downloading Electron ${version} for ${process.platform}-${process.arch} (about 100 MB)…`);
try {
  await downloadArtifact({
    version,
    artifactName: 'electron',
    platform: process.platform,
    arch: process.arch,
    checksums: require('./checksums.json'),
    cacheRoot: process.env.electron_config_cache,
    downloadOptions: {
      quiet: !process.stdout.isTTY,
      timeout: { lookup: STALL_MS, connect: STALL_MS, secureConnect: STALL_MS, response: STALL_MS, socket: STALL_MS },
      retry: { limit: 1 },
    },
  });
} catch (error) {
  fail(String(error?.message ?? error).split('\n')[0]);
}
const env = { ...process.env };
delete env.ELECTRON_SKIP_BINARY_DOWNLOAD;
const unpack = spawnSync(process.execPath, [join(pkg, 'install.js')], { env, stdio: ['ignore', 'inherit', 'pipe'] });
if (unpack.status !== 0 || !electronBinary()) {
  fail(`unpacking failed: ${String(unpack.stderr).trim().split('\n')[0] || `exit code ${unpack.status}`}`);
}
console.log(`Electron ${version} is installed: npm start now opens the desktop app.`);

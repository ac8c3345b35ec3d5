// The built app — out/main (Electron's main process, the trainer bundle, the `convstudio` command),
// out/preload and out/renderer — made by electron-vite and kept current with the sources.
//
// `npm install` runs no install scripts (.npmrc: ignore-scripts), so nothing is built at install time.
// Whatever needs the build (the `convstudio` command, `npm start`, `npm test`) calls ensureBuilt() first: it
// compares a signature of the sources (path, size and modification time of each file) with the one stamped
// at the last build, and builds again (about 3 s) only when they differ. A lock folder keeps two processes
// from building at once; the one that waits uses the other's build.
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PACKAGE_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const OUT_DIR = join(PACKAGE_ROOT, 'out');
/** What every use of the build needs: the page, Electron's main, the trainer bundle, the command. */
export const BUILD_OUTPUTS = ['renderer/index.html', 'main/index.js', 'main/trainer.js', 'main/cli.js'].map((p) =>
  join(OUT_DIR, p),
);
const STAMP = join(OUT_DIR, 'build-stamp.json');
const LOCK = join(OUT_DIR, '.building');
const INPUTS = ['src', 'electron.vite.config.ts', 'package.json'];
/** A lock held longer than this was left by a build that hung. */
const STALE_LOCK_MS = 180_000;

/** Every file at or under `rel` (a path from the package's folder), as [path, size, mtime], for the signature. */
function files(rel, out = []) {
  const path = `${PACKAGE_ROOT}/${rel}`;
  let entries;
  try {
    entries = readdirSync(path, { withFileTypes: true });
  } catch (error) {
    if (error.code === 'ENOTDIR') {
      const info = statSync(path);
      out.push([rel, info.size, info.mtimeMs]);
    } else if (error.code !== 'ENOENT') throw error;
    return out;
  }
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
    if (entry.isDirectory()) files(`${rel}/${entry.name}`, out);
    else {
      const info = statSync(`${path}/${entry.name}`);
      out.push([`${rel}/${entry.name}`, info.size, info.mtimeMs]);
    }
  }
  return out;
}

/**
 * The inputs' paths, sizes and modification times, 32-bit FNV-1a hashed: it changes with any edit, addition
 * or removal. (Not node:crypto: loading it costs the command's every start 10 ms.)
 */
export function sourceSignature() {
  const text = JSON.stringify(INPUTS.map((input) => files(input)));
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return `${(hash >>> 0).toString(16)}-${text.length}`;
}

/** Whether out/ holds a complete build of the sources as they are now. */
export function buildIsCurrent() {
  if (!BUILD_OUTPUTS.every((o) => existsSync(o))) return false;
  // A package installed without its sources: the build it came with is the build.
  if (!existsSync(join(PACKAGE_ROOT, 'src'))) return true;
  try {
    return JSON.parse(readFileSync(STAMP, 'utf8')).signature === sourceSignature();
  } catch {
    return false;
  }
}

const sleep = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/** Whether the process that holds the lock has gone (killed mid-build, Ctrl+C) or held it far too long. */
function lockIsStale() {
  try {
    const pid = Number(readFileSync(join(LOCK, 'pid'), 'utf8'));
    process.kill(pid, 0);
    return Date.now() - statSync(LOCK).mtimeMs > STALE_LOCK_MS;
  } catch (error) {
    // No such process (ESRCH), or a lock without its pid file yet: stale only once it is old.
    if (error.code === 'ESRCH') return true;
    if (error.code === 'EPERM') return false;
    try {
      return Date.now() - statSync(LOCK).mtimeMs > 5_000;
    } catch {
      return false; // released meanwhile
    }
  }
}

/** Takes the build lock; false when another process held it and has finished building meanwhile. */
function lock() {
  mkdirSync(OUT_DIR, { recursive: true });
  for (;;) {
    try {
      mkdirSync(LOCK);
      writeFileSync(join(LOCK, 'pid'), String(process.pid));
      return true;
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
    }
    if (lockIsStale()) {
      rmSync(LOCK, { recursive: true, force: true });
      continue;
    }
    sleep(200);
    if (!existsSync(LOCK) && buildIsCurrent()) return false;
  }
}

/**
 * Builds the app unless out/ is current. Returns null when the build is ready, or the reason it is not (one
 * line, for the person who ran the command). `say` tells what is happening (a build takes a few seconds).
 */
export async function ensureBuilt(say = (line) => process.stderr.write(`${line}\n`)) {
  if (buildIsCurrent()) return null;
  try {
    if (!lock()) return null;
  } catch (error) {
    return `ConvStudio is not built and its folder cannot be written (${error.code ?? error.message}): run \`npm run build\` there as its owner.`;
  }
  try {
    if (buildIsCurrent()) return null;
    say('Building ConvStudio from its sources (a few seconds, once after each change)…');
    const signature = sourceSignature();
    let cli;
    try {
      cli = join(
        dirname(createRequire(import.meta.url).resolve('electron-vite/package.json')),
        'bin',
        'electron-vite.js',
      );
    } catch {
      return 'ConvStudio is not built and electron-vite is missing: run `npm install` in its folder first.';
    }
    // Loaded only to build: the command's every start would pay for it otherwise.
    const { spawnSync } = await import('node:child_process');
    const result = spawnSync(process.execPath, [cli, 'build', '--logLevel', 'warn'], {
      cwd: PACKAGE_ROOT,
      // What the build prints goes to stderr: `convstudio summary --json` keeps its stdout for the JSON.
      stdio: ['ignore', 2, 2],
    });
    if (result.status !== 0 || !BUILD_OUTPUTS.every((o) => existsSync(o))) {
      return 'ConvStudio could not be built from its sources: `npm run build` shows why.';
    }
    writeFileSync(STAMP, `${JSON.stringify({ signature })}\n`);
    return null;
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}

// `npm run build`: builds now, whatever the stamp says, and stamps the result.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  rmSync(STAMP, { force: true });
  const problem = await ensureBuilt();
  if (problem) console.error(problem);
  process.exitCode = problem ? 1 : 0;
}

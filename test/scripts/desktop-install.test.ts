/**
 * `npm run desktop:install` where Electron's download cannot happen: it ends within seconds with one line
 * that says why and that ConvStudio still runs in the browser — never a hang, never a stack trace. The
 * "server" is on 127.0.0.1 (ELECTRON_MIRROR), so nothing leaves the machine.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');
const empty = () => mkdtempSync(join(tmpdir(), 'convstudio-electron-'));

function desktopInstall(mirror: string): Promise<{ code: number | null; stdout: string; stderr: string; ms: number }> {
  const start = performance.now();
  return new Promise((resolve) => {
    const child = spawn('npm', ['run', '--silent', 'desktop:install'], {
      cwd: ROOT,
      env: {
        ...process.env,
        ELECTRON_MIRROR: mirror,
        // No cached download, and no binary even where a developer has one.
        electron_config_cache: empty(),
        ELECTRON_OVERRIDE_DIST_PATH: empty(),
        CONVSTUDIO_DOWNLOAD_STALL_MS: '1000',
      },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code, stdout, stderr, ms: performance.now() - start }));
  });
}

let server: Server | null = null;
afterEach(() => {
  server?.closeAllConnections();
  server?.close();
  server = null;
});

const listen = (s: Server) =>
  new Promise<number>((resolve) => s.listen(0, '127.0.0.1', () => resolve((s.address() as AddressInfo).port)));

describe('npm run desktop:install without a reachable download', () => {
  it('says why in one line when the connection is refused', async () => {
    const closed = createServer();
    const port = await listen(closed);
    closed.close();
    const run = await desktopInstall(`http://127.0.0.1:${port}/`);
    expect(run.code).toBe(1);
    expect(run.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(
        /^Electron's binary could not be downloaded \(.*ECONNREFUSED.*\)\. ConvStudio still runs in your browser: npm start\.$/,
      ),
    ]);
    expect(run.stdout).toMatch(/^Downloading Electron \d+\.\d+\.\d+ for \w+-\w+ \(about 100 MB\)…\n$/);
  }, 30_000);

  it('gives up on a server that never answers instead of hanging', async () => {
    server = createServer(() => {
      // Accepts the request and says nothing.
    });
    const port = await listen(server);
    const run = await desktopInstall(`http://127.0.0.1:${port}/`);
    expect(run.code).toBe(1);
    expect(run.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(
        /^Electron's binary could not be downloaded \(Timeout awaiting .*\)\. ConvStudio still runs/,
      ),
    ]);
    expect(run.ms).toBeLessThan(20_000);
  }, 30_000);
});

/** Runs the real `convstudio` command, as npx does, and captures what it prints. */
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const CLI = join(import.meta.dirname, '../../node_modules/.bin/convstudio');

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  /** The working folder (default: this one). */
  cwd?: string;
  /** The command to run (default: node_modules/.bin/convstudio). */
  command?: string;
}

export function runCli(args: string[], env: NodeJS.ProcessEnv = {}, options: CliOptions = {}): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(options.command ?? CLI, args, {
      env: { ...process.env, LANG: 'en_US.UTF-8', ...env },
      ...(options.cwd ? { cwd: options.cwd } : {}),
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Writes `content` to a file in a fresh temporary folder and returns its path. */
export function tempFile(name: string, content: string | Uint8Array): string {
  const dir = mkdtempSync(join(tmpdir(), 'convstudio-test-'));
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

/**
 * The `convstudio` command run as people run it from elsewhere: from a folder outside the checkout, and
 * installed globally (`npm install -g .`, which links the package as `npm link` does). The trainer, MNIST
 * and the page must be found from the package itself, never from the working folder (issue 13: the trainer's
 * `--import tsx` was looked up from the caller's folder, so every train from elsewhere crashed).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, realpathSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { findTemplate, makeProject } from '../../src/core/index.ts';
import { serve } from '../helpers/browser-host.ts';
import { CLI, runCli, tempFile } from '../helpers/cli.ts';

const ROOT = join(import.meta.dirname, '../..');
const MODEL = join(ROOT, 'test/fixtures/keras/tf-keras-2-sequential.json');
/** A working folder that is not the checkout nor inside it. */
const elsewhere = () => realpathSync(mkdtempSync(join(tmpdir(), 'convstudio-elsewhere-')));

function projectFile(): string {
  const project = makeProject(findTemplate('mnist-4-layer')!.build(), 'elsewhere');
  project.training.epochs = 1;
  return tempFile('net.convstudio.json', JSON.stringify(project));
}

async function summaryAndTrain(command: string, cwd: string): Promise<void> {
  const summary = await runCli(['summary', MODEL, '--json'], {}, { command, cwd });
  expect(summary.stderr).toBe('');
  expect(summary.code).toBe(0);
  expect(JSON.parse(summary.stdout).total_params).toBe(1_199_882);

  const train = await runCli(['train', projectFile(), '--limit-samples', '256', '--json'], {}, { command, cwd });
  expect(train.stderr).toBe('');
  expect(train.code).toBe(0);
  const events = train.stdout
    .trimEnd()
    .split('\n')
    .map((line) => JSON.parse(line) as { event: string });
  expect(events.map((e) => e.event)).toEqual(['epoch', 'done']);
}

describe('convstudio from another folder', () => {
  it('summarises and trains from a folder outside the checkout', async () => {
    await summaryAndTrain(CLI, elsewhere());
  }, 90_000);

  describe('installed globally (npm install -g ., as npm link does)', () => {
    let bin = '';
    beforeAll(() => {
      const prefix = elsewhere();
      execFileSync('npm', ['install', '--global', '--prefix', prefix, '--no-audit', '--no-fund', ROOT], {
        stdio: 'ignore',
      });
      bin = join(prefix, process.platform === 'win32' ? 'convstudio.cmd' : 'bin/convstudio');
    }, 60_000);

    it('summarises and trains through the linked command', async () => {
      await summaryAndTrain(bin, elsewhere());
    }, 90_000);

    it('serves the page from another folder', async () => {
      const served = await serve(null, { command: bin, cwd: elsewhere() });
      try {
        const page = await fetch(served.url.replace(/#.*/, ''));
        expect(page.status).toBe(200);
        expect(await page.text()).toContain('<div id="root">');
      } finally {
        await served.stop();
      }
    }, 60_000);
  });
});

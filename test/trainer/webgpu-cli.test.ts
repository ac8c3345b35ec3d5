/**
 * `convstudio train --backend webgpu` through Dawn's Node bindings on a real (software) adapter: Chromium's
 * SwiftShader Vulkan driver, which Debian's chromium package ships. A software adapter is refused unless
 * CONVSTUDIO_ALLOW_SOFTWARE_GPU says otherwise; allowed, the WebGPU training code path runs end to end (this
 * machine has no graphics card): the loss falls and the test images are scored.
 */
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeProject } from '../../src/core/index.ts';
import { ALLOW_SOFTWARE_GPU } from '../../src/trainer/backends/webgpu-backend.ts';
import { runCli } from '../helpers/cli.ts';
import { smallMnist, smallMnistNet } from '../helpers/mnist-slice.ts';

const SWIFTSHADER_ICD = '/usr/lib/chromium/vk_swiftshader_icd.json';

const folder = mkdtempSync(join(tmpdir(), 'convstudio-webgpu-cli-'));
const data = smallMnist(join(folder, 'mnist'), 600, 100);
const file = join(folder, 'small.json');
writeFileSync(file, JSON.stringify(makeProject(smallMnistNet(4), 'small')));
const args = ['train', file, '--dataset', data, '--backend', 'webgpu', '--epochs', '2', '--batch-size', '32', '--json'];
const swiftShader = { VK_ICD_FILENAMES: SWIFTSHADER_ICD, XDG_RUNTIME_DIR: folder };

describe('convstudio train --backend webgpu on a software adapter', () => {
  it('is refused as slower than WebAssembly, and trains when a test allows it', async () => {
    if (!existsSync(SWIFTSHADER_ICD)) {
      // CI installs Debian's chromium: there the driver must be found.
      expect(process.env.CI ?? '').toBe('');
      return;
    }
    const refused = await runCli(args, swiftShader);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain('the only WebGPU adapter is a software one, slower than WebAssembly');

    const run = await runCli(args, { ...swiftShader, [ALLOW_SOFTWARE_GPU]: '1' });
    expect(run.code, run.stderr).toBe(0);
    const lines = run.stdout
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, number | string>);
    expect(lines.map((l) => l.event)).toEqual(['epoch', 'epoch', 'done']);
    expect(lines[0]).toMatchObject({ backend: 'webgpu' });
    expect(lines[1]!.loss).toBeLessThan(lines[0]!.loss as number);
    expect(lines[2]!.test_accuracy).toBeGreaterThan(0.3);
  }, 240_000);
});

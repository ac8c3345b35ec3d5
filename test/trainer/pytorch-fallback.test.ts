/**
 * PyTorch chosen automatically and failing mid-run: the run starts over on WebAssembly and says why, instead
 * of ending in an error the person cannot act on. The Python here is Debian's torch behind a stand-in that
 * says it has a graphics card (so that an automatic choice takes it; the run stays on the processor) and
 * whose answers stop after the engine's second line, as if the process had died during the first epoch.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeProject, sequential, type LayerSpec } from '../../src/core/index.ts';
import { runCli } from '../helpers/cli.ts';
import { smallMnist } from '../helpers/mnist-slice.ts';
import { pythonForCheck, standInGpuPython } from '../helpers/torch-python.ts';

const s = (type: string, params: Record<string, unknown> = {}): LayerSpec => ({ type, params }) as LayerSpec;

describe('an automatic run whose PyTorch fails mid-run', () => {
  it('starts over on WebAssembly, says why, and finishes', async () => {
    const python = pythonForCheck();
    if (!python) return;
    const folder = mkdtempSync(join(tmpdir(), 'convstudio-torch-fails-'));
    // Its first two answers, and then the process is gone (its Python no longer heard).
    const standIn = standInGpuPython(folder, python, 2);
    const file = join(folder, 'small.json');
    const graph = sequential([
      s('Input', { shape: [28, 28, 1] }),
      s('Conv2D', { filters: 4, kernel_size: [3, 3], activation: 'relu' }),
      s('Flatten'),
      s('Dense', { units: 10, activation: 'softmax' }),
    ]);
    writeFileSync(file, JSON.stringify(makeProject(graph, 'small')));
    const data = smallMnist(join(folder, 'mnist'), 2_000, 200);
    const env = { CONVSTUDIO_PYTHON: standIn, CONVSTUDIO_TORCH_DEVICE: 'cpu' };
    const args = ['train', file, '--dataset', data, '--epochs', '2', '--batch-size', '32'];

    const said = await runCli(args, env);
    expect(said.code, said.stderr).toBe(0);
    expect(said.stdout).toContain('backend: pytorch, on CPU');
    expect(said.stdout).toContain('pytorch: PyTorch stopped during the run');
    expect(said.stdout).toContain('the run started over on WebAssembly');

    const run = await runCli([...args, '--json'], env);
    expect(run.code, run.stderr).toBe(0);
    const lines = run.stdout
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    // Two epochs, both on WebAssembly: the failed start is forgotten, not counted.
    expect(lines.map((l) => [l.event, l.epoch ?? null, l.backend ?? null])).toEqual([
      ['epoch', 1, 'wasm'],
      ['epoch', 2, 'wasm'],
      ['done', null, null],
    ]);
    expect(lines[2]!.test_accuracy).toBeGreaterThan(0.5);
  }, 120_000);
});

/**
 * Automatic with more than one backend at hand: the run's own network is measured on each before the run,
 * the faster trains, and the figures are said. The second backend here is Debian's PyTorch behind a stand-in
 * Python that says it has a graphics card (so that an automatic choice takes it; CONVSTUDIO_TORCH_DEVICE
 * keeps it on the processor), measured against WebAssembly, as it would be on a machine with a real one.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeProject } from '../../src/core/index.ts';
import { runCli } from '../helpers/cli.ts';
import { smallMnist, smallMnistNet } from '../helpers/mnist-slice.ts';
import { pythonForCheck, standInGpuPython } from '../helpers/torch-python.ts';

describe('an automatic choice between PyTorch and WebAssembly', () => {
  it('measures both on the network, trains on the faster, and says both figures and why the other was passed by', async () => {
    const python = pythonForCheck();
    if (!python) return;
    const folder = mkdtempSync(join(tmpdir(), 'convstudio-measured-'));
    const file = join(folder, 'small.json');
    writeFileSync(file, JSON.stringify(makeProject(smallMnistNet(8), 'small')));
    const data = smallMnist(join(folder, 'mnist'), 1_000, 200);
    const env = { CONVSTUDIO_PYTHON: standInGpuPython(folder, python), CONVSTUDIO_TORCH_DEVICE: 'cpu' };

    for (const lang of ['en', 'zh-TW'] as const) {
      const run = await runCli(['train', file, '--dataset', data, '--epochs', '1', '--lang', lang], env);
      expect(run.code, run.stderr).toBe(0);
      const figures =
        lang === 'en'
          ? /measured on this network before the run: pytorch ([\d,]+) images\/s, wasm ([\d,]+) images\/s/.exec(
              run.stdout,
            )
          : /訓練前在這個網路上量測：pytorch 每秒 ([\d,]+) 張, wasm 每秒 ([\d,]+) 張/.exec(run.stdout);
      expect(figures, run.stdout).not.toBeNull();
      // Said before the seconds of measuring, so that the wait is not a silence.
      expect(run.stdout.split('\n')[0]).toBe(
        lang === 'en'
          ? 'choosing where to train: measuring this network on pytorch, wasm (a few seconds)…'
          : '正在選擇訓練的地方：在 pytorch, wasm 上量測這個網路（幾秒鐘）…',
      );
      const [torch, wasm] = [figures![1]!, figures![2]!].map((n) => Number(n.replace(/,/g, ''))) as [number, number];
      expect(torch).toBeGreaterThan(0);
      expect(wasm).toBeGreaterThan(0);
      const [winner, loser] = torch >= wasm ? ['pytorch', 'wasm'] : ['wasm', 'pytorch'];
      const line = run.stdout.split('\n').find((l) => /^(backend|後端)/.test(l));
      expect(line, run.stdout).toContain(winner);
      const slower = lang === 'en' ? 'available, but slower on this network' : '可以使用，但在這個網路上較慢';
      expect(run.stdout).toContain(`  ${loser}: ${slower}`);
    }
  }, 180_000);
});

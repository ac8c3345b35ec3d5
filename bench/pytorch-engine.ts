/**
 * `npm run bench`, PyTorch part (issue 20): how much of PyTorch's own speed the PyTorch backend keeps once
 * the network comes from ConvStudio's export and the batches, progress and control go through the engine's
 * protocol. For each reference net: `convstudio train --backend pytorch --json` on a slice of MNIST or
 * CIFAR-10-shaped data (samples per second of the second epoch), against plain PyTorch
 * (bench/torch_reference.py) on the same device and threads. Bar on a graphics card: ≥ 0.9×.
 *   tsx bench/pytorch-engine.ts [--device cpu|cuda|mps] [--threads N] [--samples N]
 * Needs a Python with torch (found as the backend finds it); prints why not where there is none.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { findTemplate, makeProject } from '../src/core/index.ts';
import { findTorch } from '../src/trainer/pytorch/find-torch.ts';

const NETS = ['textbook-mnist', 'mnist-4-layer', 'textbook-cifar10'] as const;
const here = dirname(fileURLToPath(import.meta.url));
const cli = join(here, '../node_modules/.bin/convstudio');

const { values } = parseArgs({
  options: {
    device: { type: 'string', default: 'cpu' },
    threads: { type: 'string', default: '1' },
    samples: { type: 'string', default: '4096' },
  },
});
const found = await findTorch();
if (!found.ok) {
  console.log(`PyTorch engine: skipped (${found.reason.key})`);
  process.exit(0);
}
const threads = Number(values.threads);
const folder = mkdtempSync(join(tmpdir(), 'convstudio-bench-torch-'));

/** CIFAR-10's binary batches (a label byte, then 32×32 red, green, blue) of random images: its shape, not its data. */
function cifarShaped(): string {
  const dir = join(folder, 'cifar');
  mkdirSync(dir, { recursive: true });
  const batch = (n: number) =>
    Uint8Array.from({ length: n * 3073 }, (_, i) => (i % 3073 === 0 ? i % 10 : (i * 7919) % 256));
  writeFileSync(join(dir, 'data_batch_1.bin'), batch(Number(values.samples)));
  writeFileSync(join(dir, 'test_batch.bin'), batch(1000));
  return dir;
}

function engineSpeed(id: (typeof NETS)[number]): number {
  const project = makeProject(findTemplate(id)!.build(), id);
  project.training.validationSplit = 0;
  const file = join(folder, `${id}.convstudio.json`);
  writeFileSync(file, JSON.stringify(project));
  const dataset = id === 'textbook-cifar10' ? cifarShaped() : 'mnist';
  const env = { ...process.env, ...(values.device === 'cpu' ? { CONVSTUDIO_TORCH_DEVICE: 'cpu' } : {}) };
  const args = ['train', file, '--backend', 'pytorch', '--json', '--epochs', '2', '--batch-size', '128'];
  const output = execFileSync(
    cli,
    [...args, '--dataset', dataset, '--limit-samples', values.samples!, '--threads', String(threads)],
    { encoding: 'utf8', env, stdio: ['ignore', 'pipe', 'ignore'] },
  );
  const epochs = output
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l))
    .filter((e) => e.event === 'epoch');
  return epochs.at(-1).samples_per_s;
}

const plain = JSON.parse(
  execFileSync(found.python, [join(here, 'torch_reference.py'), '30', String(threads), values.device!], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  }),
);
console.log(
  `PyTorch engine (${found.python}, torch ${found.torch}) on ${values.device}, ${threads} thread(s), ${values.samples} samples, 2nd epoch`,
);
for (const id of NETS) {
  const engine = engineSpeed(id);
  console.log(
    `${id.padEnd(18)} engine ${engine.toFixed(0).padStart(7)}/s  plain PyTorch ${plain[id].toFixed(0).padStart(7)}/s  ratio ${(engine / plain[id]).toFixed(2)}×`,
  );
}

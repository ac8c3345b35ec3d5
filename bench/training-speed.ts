/**
 * `npm run bench`, training part: trains the three reference nets for a few batches of 128 on the
 * WebAssembly backend, on one thread and on the machine's default thread count (every core, one left free
 * from four up), each in a process of its own so that its peak memory is its own; where python3 with torch
 * is installed, runs the same nets in PyTorch with the same thread counts, in the same run, and prints every
 * ratio. Bars: issue 4 (0.5× PyTorch on one thread) and issue 18 (0.9× PyTorch at the same thread count,
 * 1.7× from one thread to two on the textbook net).
 *   tsx bench/training-speed.ts [--backend auto|wasm|cpu|…] [--batches N] [--threads N]
 * With --child it measures one thread count and prints JSON (what the parent runs).
 */
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import * as tf from '@tensorflow/tfjs';
import { backendChoiceSchema, findTemplate } from '../src/core/index.ts';
import { selectBackend } from '../src/trainer/backends/select-backend.ts';
import { defaultThreads, wasmThreads } from '../src/trainer/backends/wasm-threads.ts';
import { FusedAdam } from '../src/trainer/backends/wasm-adam.ts';
import { buildTfModel } from '../src/trainer/model/build-tf-model.ts';
import { torchPython } from '../test/helpers/torch-python.ts';

const NETS = ['textbook-mnist', 'mnist-4-layer', 'textbook-cifar10'] as const;
const BATCH = 128;
/**
 * Batches trained before the clock starts. Two were not enough on two threads: the first few batches on
 * the threaded build grow its shared memory and warm the pool's workers (textbook MNIST, 20 batches after
 * 2: 1.58–1.59× from one thread to two; 60 after 2: 1.83×).
 */
const WARM_UP = 6;
const here = dirname(fileURLToPath(import.meta.url));

const { values } = parseArgs({
  options: {
    backend: { type: 'string', default: 'wasm' },
    batches: { type: 'string', default: '20' },
    threads: { type: 'string' },
    child: { type: 'boolean', default: false },
  },
});
const batches = Number(values.batches);
const backend = backendChoiceSchema.parse(values.backend);

type Figures = Record<(typeof NETS)[number], number> & { threads: number; peak_mb: number };

async function tfjsSpeed(id: (typeof NETS)[number]): Promise<number> {
  const model = buildTfModel(findTemplate(id)!.build());
  // The trainer's own Adam (one pass per weight on wasm, TensorFlow.js's elsewhere).
  model.compile({ optimizer: new FusedAdam(0.001), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });
  const shape = model.inputs[0]!.shape.slice(1) as number[];
  const x = tf.randomUniform([BATCH, ...shape]);
  const y = tf.oneHot(tf.randomUniform([BATCH], 0, 10, 'int32'), 10);
  let start = 0;
  for (let i = 0; i < batches + WARM_UP; i++) {
    if (i === WARM_UP) start = performance.now();
    await model.trainOnBatch(x, y);
  }
  const seconds = (performance.now() - start) / 1000;
  tf.dispose([x, y]);
  model.dispose();
  return (batches * BATCH) / seconds;
}

if (values.child) {
  const selection = await selectBackend(backend, Number(values.threads));
  if (!selection.ok) throw new Error(`backend not available: ${JSON.stringify(selection.error)}`);
  const figures: Record<string, number> = { threads: selection.chosen === 'wasm' ? wasmThreads() : 1 };
  for (const id of NETS) figures[id] = await tfjsSpeed(id);
  figures.peak_mb = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(JSON.stringify(figures) + '\n');
  process.exit(0);
}

function ours(threads: number): Figures {
  const args = ['--import', 'tsx', fileURLToPath(import.meta.url), '--child', '--threads', String(threads)];
  const output = execFileSync(process.execPath, [...args, '--backend', backend, '--batches', String(batches)], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  return JSON.parse(output.trim().split('\n').at(-1)!);
}

function torch(threads: number): Figures | null {
  const python = torchPython();
  if (!python) return null;
  const script = join(here, 'torch_reference.py');
  return JSON.parse(
    execFileSync(python, [script, String(batches), String(threads)], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }),
  );
}

const most = values.threads ? Number(values.threads) : defaultThreads();
const counts = most > 1 ? [1, most] : [1];
console.log(
  `backend: ${backend}, ${batches} batches of ${BATCH} after ${WARM_UP} warm-up batches, Adam; threads: ${counts.join(', ')}`,
);
const rows: { mine: Figures; theirs: Figures | null }[] = [];
for (const threads of counts) rows.push({ mine: ours(threads), theirs: torch(threads) });

const cell = (text: string, width: number) => text.padStart(width);
console.log(
  `${'net'.padEnd(18)} ${cell('threads', 7)} ${cell('ConvStudio', 11)} ${cell('PyTorch', 9)} ${cell('ratio', 7)}`,
);
for (const id of NETS) {
  for (const { mine, theirs } of rows) {
    const ratio = theirs ? `${(mine[id] / theirs[id]).toFixed(2)}×` : '';
    console.log(
      `${id.padEnd(18)} ${cell(String(mine.threads), 7)} ${cell(`${mine[id].toFixed(0)}/s`, 11)} ${cell(theirs ? `${theirs[id].toFixed(0)}/s` : '—', 9)} ${cell(ratio, 7)}`,
    );
  }
}
if (rows.length > 1) {
  const [one, all] = [rows[0]!, rows.at(-1)!];
  for (const id of NETS) {
    const torchScaling = one.theirs && all.theirs ? `, PyTorch ${(all.theirs[id] / one.theirs[id]).toFixed(2)}×` : '';
    console.log(
      `scaling 1 → ${all.mine.threads} threads, ${id}: ConvStudio ${(all.mine[id] / one.mine[id]).toFixed(2)}×${torchScaling}`,
    );
  }
}
for (const { mine, theirs } of rows) {
  const torchPeak = theirs ? `, PyTorch ${theirs.peak_mb.toFixed(0)} MB` : '';
  console.log(`peak memory, ${mine.threads} thread(s): ConvStudio ${mine.peak_mb.toFixed(0)} MB${torchPeak}`);
}
if (!torchPython()) console.log('(PyTorch not found: install python3-torch to compare)');

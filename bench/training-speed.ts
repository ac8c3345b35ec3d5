/**
 * `npm run bench`, training part: trains the three reference nets for a few batches of 128 on the selected
 * backend and prints samples per second; where python3 with torch is installed, runs the same nets in
 * PyTorch on one CPU thread and prints the ratio. The bar: at least 0.5× PyTorch on all three (issue 4).
 *   tsx bench/training-speed.ts [--backend auto|wasm|cpu|…] [--batches N]
 */
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import * as tf from '@tensorflow/tfjs';
import { backendChoiceSchema, findTemplate } from '../src/core/index.ts';
import { selectBackend } from '../src/trainer/backends/select-backend.ts';
import { buildTfModel } from '../src/trainer/model/build-tf-model.ts';
import { torchPython } from '../test/helpers/torch-python.ts';

const NETS = ['textbook-mnist', 'mnist-4-layer', 'textbook-cifar10'] as const;
const BATCH = 128;

const { values } = parseArgs({
  options: { backend: { type: 'string', default: 'auto' }, batches: { type: 'string', default: '10' } },
});
const batches = Number(values.batches);
const selection = await selectBackend(backendChoiceSchema.parse(values.backend));
if (!selection.ok) throw new Error(`backend not available: ${JSON.stringify(selection.error)}`);

async function tfjsSpeed(id: (typeof NETS)[number]): Promise<number> {
  const model = buildTfModel(findTemplate(id)!.build());
  model.compile({ optimizer: tf.train.adam(0.001), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });
  const shape = model.inputs[0]!.shape.slice(1) as number[];
  const x = tf.randomUniform([BATCH, ...shape]);
  const y = tf.oneHot(tf.randomUniform([BATCH], 0, 10, 'int32'), 10);
  let start = 0;
  for (let i = 0; i < batches + 2; i++) {
    if (i === 2) start = performance.now();
    await model.trainOnBatch(x, y);
  }
  const seconds = (performance.now() - start) / 1000;
  tf.dispose([x, y]);
  model.dispose();
  return (batches * BATCH) / seconds;
}

function torchSpeeds(): Record<string, number> | null {
  const script = join(dirname(fileURLToPath(import.meta.url)), 'torch_reference.py');
  const python = torchPython();
  if (!python) return null;
  return JSON.parse(
    execFileSync(python, [script, String(batches)], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }),
  );
}

console.log(
  `backend: ${selection.chosen} (${tf.getBackend()}), ${batches} batches of ${BATCH} after 2 warm-up batches, Adam`,
);
const ours: Record<string, number> = {};
for (const id of NETS) ours[id] = await tfjsSpeed(id);
const torch = torchSpeeds();
console.log(
  `${'net'.padEnd(18)} ${'ConvStudio'.padStart(12)} ${torch ? `${'PyTorch 1 thread'.padStart(18)} ${'ratio'.padStart(7)}` : ''}`,
);
for (const id of NETS) {
  const mine = `${ours[id]!.toFixed(0)}/s`.padStart(12);
  const theirs = torch
    ? `${torch[id]!.toFixed(0)}/s`.padStart(18) + ` ${(ours[id]! / torch[id]!).toFixed(2).padStart(6)}×`
    : '';
  console.log(`${id.padEnd(18)} ${mine} ${theirs}`);
}
if (!torch) console.log('(PyTorch not found: install python3-torch to compare)');

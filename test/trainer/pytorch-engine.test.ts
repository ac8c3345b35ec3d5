/**
 * The PyTorch backend through the real things: `convstudio train --backend pytorch` with the Python that has
 * PyTorch here (Debian's python3-torch, on the processor), the trainer process and its Python engine, the
 * saved model read back by TensorFlow.js, and every layer of the catalogue carried into PyTorch and back.
 */
import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import {
  makeProject,
  sequential,
  torchTrainingProgram,
  translate,
  type Graph,
  type ImageSet,
  type LayerSpec,
  type TrainerEvent,
} from '../../src/core/index.ts';
import { startTrainer } from '../../src/services/trainer-client.ts';
import { builtinMnistFolder } from '../../src/trainer/data/load-dataset.ts';
import { buildTfModel } from '../../src/trainer/model/build-tf-model.ts';
import { TorchEngine } from '../../src/trainer/pytorch/torch-engine.ts';
import { saveLayersModel } from '../../src/trainer/train/model-folder.ts';
import { imageCatalogueGraph, mergeCatalogueGraph, sequenceCatalogueGraph } from '../export/catalogue-graphs.ts';
import { runCli, tempFile } from '../helpers/cli.ts';
import { loadSavedModel } from '../helpers/saved-model.ts';
import { pythonForCheck } from '../helpers/torch-python.ts';

const python = pythonForCheck();
/** On a machine with a graphics card PyTorch would take it: these checks compare with the processor. */
const ON_CPU = { CONVSTUDIO_TORCH_DEVICE: 'cpu' };

/** A small CNN that reaches about 91% on MNIST in one epoch, in seconds on either backend. */
function smallCnn(): Graph {
  return sequential([
    { type: 'Input', params: { shape: [28, 28, 1] } },
    { type: 'Conv2D', params: { filters: 8, kernel_size: [3, 3], strides: [2, 2], activation: 'relu' } },
    { type: 'Flatten', params: {} },
    { type: 'Dense', params: { units: 10, activation: 'softmax' } },
  ] as LayerSpec[]);
}

const projectFile = (graph = smallCnn(), edit: (p: ReturnType<typeof makeProject>) => void = () => {}) => {
  const project = makeProject(graph, 'small');
  edit(project);
  return tempFile('net.convstudio.json', JSON.stringify(project));
};

const jsonLines = (stdout: string) =>
  stdout
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Record<string, unknown>);

function mnistTest(): { x: tf.Tensor4D; labels: Uint8Array } {
  const folder = builtinMnistFolder();
  const images = readFileSync(join(folder, 't10k-images-idx3-ubyte')).subarray(16);
  const labels = new Uint8Array(readFileSync(join(folder, 't10k-labels-idx1-ubyte')).subarray(8));
  const x = tf.tidy(() => tf.tensor4d(new Uint8Array(images), [10_000, 28, 28, 1], 'int32').toFloat().div(255));
  return { x: x as tf.Tensor4D, labels };
}

/** A one-epoch run on MNIST from the weights saved in `start`, through the trainer process: its test accuracy. */
async function testAccuracy(backend: 'pytorch' | 'wasm', start: string): Promise<number> {
  const events: TrainerEvent[] = [];
  const previous = process.env.CONVSTUDIO_TORCH_DEVICE;
  process.env.CONVSTUDIO_TORCH_DEVICE = 'cpu';
  const project = makeProject(smallCnn(), 'small');
  project.training.epochs = 1;
  const run = startTrainer(
    {
      type: 'start',
      project,
      dataset: { kind: 'builtin', name: 'mnist' },
      backend,
      startFrom: { runId: 'start', dir: start, classes: null },
    },
    (e) => events.push(e),
  );
  if (previous === undefined) delete process.env.CONVSTUDIO_TORCH_DEVICE;
  else process.env.CONVSTUDIO_TORCH_DEVICE = previous;
  await run.finished;
  expect(events[0]).toMatchObject({ type: 'backend', chosen: backend });
  const evaluation = events.find((e) => e.type === 'evaluation');
  if (evaluation?.type !== 'evaluation') throw new Error(`no evaluation: ${JSON.stringify(events.at(-1))}`);
  return evaluation.testAccuracy;
}

describe.skipIf(!python)('the PyTorch backend', () => {
  it('trains an epoch within a point of WebAssembly, and saves weights TensorFlow.js predicts with as PyTorch did', async () => {
    const file = projectFile();
    const save = join(mkdtempSync(join(tmpdir(), 'convstudio-torch-model-')), 'model');
    // No --python: the backend finds the Python with PyTorch itself.
    const torchRun = await runCli(
      ['train', file, '--backend', 'pytorch', '--epochs', '1', '--json', '--save', save],
      ON_CPU,
    );
    expect(torchRun.stderr).toBe('');
    expect(torchRun.code).toBe(0);
    const torch = jsonLines(torchRun.stdout);
    expect(torch[0]).toMatchObject({ event: 'epoch', epoch: 1, backend: 'pytorch', device: 'cpu' });
    expect(torch[0]!.samples_per_s).toBeGreaterThan(0);
    expect(torch[0]!.val_accuracy).toBeGreaterThan(0.85);
    const done = torch.at(-1)!;
    expect(done).toMatchObject({ event: 'done' });

    // Same network, starting weights, data, order and settings on the two engines: one point apart at most.
    // (Starting weights are drawn anew by each run, so both start from one saved set here.)
    await tf.setBackend('cpu');
    const start = join(mkdtempSync(join(tmpdir(), 'convstudio-torch-start-')), 'model');
    const initial = buildTfModel(smallCnn(), 'small');
    await saveLayersModel(initial, start);
    initial.dispose();
    const [onTorch, onWasm] = [await testAccuracy('pytorch', start), await testAccuracy('wasm', start)];
    expect(Math.abs(onTorch - onWasm)).toBeLessThanOrEqual(0.01);

    // The weights PyTorch trained, in TensorFlow.js's files: the same 10,000 guesses, so the same accuracy.
    const model = await loadSavedModel(save);
    const { x, labels } = mnistTest();
    const guesses = Array.from(tf.tidy(() => (model.predict(x) as tf.Tensor).argMax(1)).dataSync());
    const accuracy = guesses.filter((g, i) => g === labels[i]).length / labels.length;
    expect(Math.abs(accuracy - (done.test_accuracy as number))).toBeLessThanOrEqual(1e-4);
    x.dispose();
    model.dispose();
  });

  it.each([
    ['image layers', imageCatalogueGraph()],
    ['sequence layers', sequenceCatalogueGraph()],
    ['merge layers', mergeCatalogueGraph()],
  ])('carries every weight of the catalogue’s %s into PyTorch and back, bit for bit', async (name, graph) => {
    await tf.setBackend('cpu');
    const project = makeProject(graph, name);
    const built = torchTrainingProgram(project);
    if (!built.ok) throw new Error('no program');
    const model = buildTfModel(graph, 'catalogue');
    // Every value different, so that a weight put in the wrong place or layout shows.
    model.setWeights(model.getWeights().map((w) => tf.randomNormal(w.shape)));
    const folder = mkdtempSync(join(tmpdir(), 'convstudio-roundtrip-'));
    await saveLayersModel(model, join(folder, 'before'));
    const images: ImageSet = { pixels: new Uint8Array(4), labels: new Uint8Array(1), count: 1, shape: [2, 2, 1] };
    const engine = await TorchEngine.start({
      python: python!,
      program: built.program,
      model,
      settings: project.training,
      sets: { train: images, test: images },
      threads: 1,
      device: 'cpu',
      control: { stopped: false, paused: false, waitWhilePaused: () => Promise.resolve() },
    });
    try {
      await engine.save(join(folder, 'after'));
    } finally {
      engine.dispose();
      model.dispose();
    }
    const before = readFileSync(join(folder, 'before', 'weights.bin'));
    const after = readFileSync(join(folder, 'after', 'weights.bin'));
    expect(after.length).toBe(before.length);
    expect(after.equals(before)).toBe(true);
  });

  it('pauses, resumes and stops between batches', async () => {
    const events: TrainerEvent[] = [];
    const previous = process.env.CONVSTUDIO_TORCH_DEVICE;
    process.env.CONVSTUDIO_TORCH_DEVICE = 'cpu';
    const project = makeProject(smallCnn(), 'small');
    project.training.epochs = 50;
    project.training.batchSize = 16;
    const run = startTrainer(
      { type: 'start', project, dataset: { kind: 'builtin', name: 'mnist' }, backend: 'pytorch' },
      (e) => events.push(e),
    );
    if (previous === undefined) delete process.env.CONVSTUDIO_TORCH_DEVICE;
    else process.env.CONVSTUDIO_TORCH_DEVICE = previous;
    const progress = () => events.filter((e) => e.type === 'progress').length;
    await expect.poll(progress, { timeout: 60_000 }).toBeGreaterThan(0);
    expect(events[0]).toMatchObject({ type: 'backend', chosen: 'pytorch', device: { kind: 'cpu' } });
    run.pause();
    await expect.poll(() => events.some((e) => e.type === 'paused')).toBe(true);
    // What Python sent before it heard of the pause may still arrive; nothing after that.
    await new Promise((r) => setTimeout(r, 300));
    const whilePaused = progress();
    await new Promise((r) => setTimeout(r, 600));
    expect(progress()).toBe(whilePaused);
    run.resume();
    await expect.poll(progress, { timeout: 10_000 }).toBeGreaterThan(whilePaused);
    const asked = performance.now();
    run.stop();
    await run.finished;
    expect(performance.now() - asked).toBeLessThan(2_000);
    expect(events.at(-1)).toEqual({ type: 'done', stopped: true, savedTo: null });
  });

  it('stops a diverging run with the explanation and exit code 1', async () => {
    const file = projectFile(smallCnn(), (p) => {
      p.training.optimizer = 'sgd';
      p.training.learningRate = 1e30;
      p.training.loss = 'mse';
      (p.graph.nodes.at(-1)!.params as { activation: string }).activation = 'linear';
    });
    const run = await runCli(['train', file, '--backend', 'pytorch', '--limit-samples', '2000'], ON_CPU);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/Training stopped at epoch 1, batch \d+: the loss became NaN or infinite/);
  });
});

describe('the PyTorch backend where there is none', () => {
  it('is left for WebAssembly, with the reason, when it was chosen automatically but does not start', async () => {
    // A Python that says it has torch and a graphics card, then ends at once: a broken install.
    const broken = tempFile(
      'python-broken-torch',
      `#!/bin/sh\necho '{"torch": "2.9.0", "python": "3.12.0", "cuda": "Pretend GPU", "mps": false}'\n`,
    );
    chmodSync(broken, 0o755);
    const run = await runCli(['train', projectFile(), '--epochs', '1', '--limit-samples', '500'], {
      CONVSTUDIO_PYTHON: broken,
    });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('backend: pytorch, on Pretend GPU');
    expect(run.stdout).toMatch(/backend: wasm/);
    expect(run.stdout).toMatch(/pytorch: PyTorch was found but did not start \(exit code 0\)/);
    expect(run.stdout).toMatch(/test: loss [\d.]+ {2}accuracy/);
  });

  it('names a Python that cannot start, and one without PyTorch, in both languages', async () => {
    const file = projectFile();
    const missing = await runCli(['train', file, '--backend', 'pytorch', '--python', '/no/such/python3']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('the Python named for PyTorch, /no/such/python3, could not be started');

    // A Python that answers but has no torch, as a plain Python install does.
    const fake = tempFile('python-without-torch', '#!/bin/sh\necho \'{"torch": null, "python": "3.12.0"}\'\n');
    chmodSync(fake, 0o755);
    const without = await runCli(['train', file, '--backend', 'pytorch', '--python', fake, '--lang', 'zh-TW']);
    expect(without.code).toBe(2);
    expect(without.stderr).toContain(`${fake} 沒有 PyTorch`);
    expect(translate({ key: 'backend.noTorch', args: { python: fake } }, 'en')).toContain(
      `${fake} -m pip install torch numpy`,
    );
    writeFileSync(fake, '');
  });
});

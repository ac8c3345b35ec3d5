/**
 * `convstudio train` through the real command and the real trainer process, on the built-in MNIST and on
 * IDX folders made bad on purpose.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import * as tf from '@tensorflow/tfjs';
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { findTemplate, makeProject, msg, translate, type TrainerEvent } from '../../src/core/index.ts';
import { crashMessage, startTrainer } from '../../src/services/trainer-client.ts';
import { defaultThreads } from '../../src/trainer/backends/wasm-threads.ts';
import { builtinMnistFolder } from '../../src/trainer/data/load-dataset.ts';
import { runCli, tempFile } from '../helpers/cli.ts';
import { loadSavedModel } from '../helpers/saved-model.ts';

const textbook = () => makeProject(findTemplate('textbook-mnist')!.build(), 'textbook');
const projectFile = (project = textbook()) => tempFile('net.convstudio.json', JSON.stringify(project));

const DIGIT_NAMES = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'];

/** A folder with one sub-folder per class, each with two small grey PNG images. */
function imageFolder(classes: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'convstudio-classes-'));
  const png = PNG.sync.write(Object.assign(new PNG({ width: 8, height: 8 }), { data: Buffer.alloc(8 * 8 * 4, 200) }));
  for (const name of classes) {
    mkdirSync(join(dir, name));
    writeFileSync(join(dir, name, '1.png'), png);
    writeFileSync(join(dir, name, '2.png'), png);
  }
  return dir;
}

/** Makes the images and labels files of one part of an IDX dataset hold no images (headers only). */
function emptyIdxPair(files: Record<string, Buffer>, part: 'train' | 't10k'): void {
  for (const [kind, header] of [
    ['images-idx3-ubyte', 16],
    ['labels-idx1-ubyte', 8],
  ] as const) {
    const name = `${part}-${kind}`;
    files[name] = files[name]!.subarray(0, header);
    files[name].writeUInt32BE(0, 4);
  }
}

function idxFolder(edit: (files: Record<string, Buffer>) => void): string {
  const dir = mkdtempSync(join(tmpdir(), 'convstudio-idx-'));
  const source = builtinMnistFolder();
  const files: Record<string, Buffer> = {};
  for (const name of [
    'train-images-idx3-ubyte',
    'train-labels-idx1-ubyte',
    't10k-images-idx3-ubyte',
    't10k-labels-idx1-ubyte',
  ]) {
    files[name] = readFileSync(join(source, name)).subarray(0, name.includes('images') ? 16 + 784 * 300 : 8 + 300);
    files[name]!.writeUInt32BE(300, 4);
  }
  edit(files);
  for (const [name, bytes] of Object.entries(files)) writeFileSync(join(dir, name), bytes);
  return dir;
}

describe('convstudio train --json', () => {
  it('prints one line per epoch and one at the end, and saves a model TensorFlow.js can load', async () => {
    const save = join(mkdtempSync(join(tmpdir(), 'convstudio-model-')), 'model');
    const run = await runCli([
      'train',
      projectFile(),
      '--limit-samples',
      '640',
      '--epochs',
      '2',
      '--batch-size',
      '64',
      '--seed',
      '7',
      '--save',
      save,
      '--json',
    ]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const lines = run.stdout
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(3);
    for (const [i, line] of lines.slice(0, 2).entries()) {
      expect(Object.keys(line)).toEqual([
        'event',
        'epoch',
        'loss',
        'accuracy',
        'val_loss',
        'val_accuracy',
        'samples_per_s',
        'backend',
        'threads',
      ]);
      expect(line).toMatchObject({ event: 'epoch', epoch: i + 1, backend: 'wasm', threads: defaultThreads() });
      expect(line.samples_per_s).toBeGreaterThan(0);
    }
    expect(lines[1].loss).toBeLessThan(lines[0].loss);
    expect(Object.keys(lines[2])).toEqual(['event', 'test_loss', 'test_accuracy']);
    expect(lines[2].test_accuracy).toBeGreaterThan(0.3);

    await tf.setBackend('cpu');
    const model = await loadSavedModel(save);
    expect(model.countParams()).toBe(242_062);
    const prediction = model.predict(tf.zeros([1, 28, 28, 1])) as tf.Tensor;
    expect(prediction.shape).toEqual([1, 10]);
    expect((await prediction.sum().data())[0]).toBeCloseTo(1, 4);
  });
});

describe('training settings', () => {
  it('early stopping ends the run when validation loss stops improving; augmentation runs on wasm', async () => {
    const p = textbook();
    // A learning rate too small to move any float32 weight: validation loss cannot improve after epoch 1.
    p.training.learningRate = 1e-12;
    p.training.epochs = 5;
    p.training.earlyStopping = { monitor: 'val_loss', patience: 1, restoreBestWeights: true };
    p.training.augmentation = { rotation: 15, shift: 0.1, zoom: 0.1, flip: false, noise: 0.05 };
    const run = await runCli(['train', projectFile(p), '--limit-samples', '300', '--json']);
    expect(run.stderr).toBe('');
    const lines = run.stdout
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => l.event)).toEqual(['epoch', 'epoch', 'done']);
    expect(lines[1].val_loss).toBe(lines[0].val_loss);
  });
});

describe('datasets; bad input gets exit code 2 and a message that names the problem', () => {
  it.each<[string, () => string[], RegExp]>([
    [
      'a network whose Input does not fit the data',
      () => ['train', projectFile(makeProject(findTemplate('textbook-cifar10')!.build())), '--epochs', '1'],
      /The images of MNIST are 28 × 28 × 1, but the network's Input is 32 × 32 × 3/,
    ],
    [
      'a last layer with the wrong number of outputs',
      () => {
        const p = textbook();
        (p.graph.nodes.at(-1)!.params as { units: number }).units = 5;
        return ['train', projectFile(p), '--epochs', '1'];
      },
      /MNIST has 10 classes, but the last layer has 5 outputs/,
    ],
    [
      'a folder that is not there',
      () => ['train', projectFile(), '--dataset', '/no/such/folder'],
      /\/no\/such\/folder: no such file/,
    ],
    [
      'a wrong magic number',
      () => [
        'train',
        projectFile(),
        '--dataset',
        idxFolder((f) => f['train-images-idx3-ubyte']!.writeUInt32BE(0x12345678, 0)),
      ],
      /train-images-idx3-ubyte is not an IDX file: it starts with 12 34 56 78/,
    ],
    [
      'a truncated file',
      () => [
        'train',
        projectFile(),
        '--dataset',
        idxFolder((f) => (f['t10k-images-idx3-ubyte'] = f['t10k-images-idx3-ubyte']!.subarray(0, 5000))),
      ],
      /t10k-images-idx3-ubyte is cut short: it should be at least 235,216 bytes but has 5,000/,
    ],
    [
      'images and labels that do not match',
      () => [
        'train',
        projectFile(),
        '--dataset',
        idxFolder((f) => f['train-labels-idx1-ubyte']!.writeUInt32BE(299, 4)),
      ],
      /has 300 images but .*train-labels-idx1-ubyte has 299 labels/,
    ],
    [
      'a test label outside the classes (it crashed the run)',
      () => ['train', projectFile(), '--dataset', idxFolder((f) => (f['t10k-labels-idx1-ubyte']![8 + 41] = 12))],
      /t10k-labels-idx1-ubyte: image 42 has the label 12, but the dataset has 10 classes \(labels 0 to 9\)/,
    ],
    [
      'a training label outside the named classes (it was trained on silently)',
      () => {
        const folder = idxFolder((f) => (f['train-labels-idx1-ubyte']![8 + 6] = 10));
        writeFileSync(join(folder, 'classes.txt'), DIGIT_NAMES.join('\n'));
        return ['train', projectFile(), '--dataset', folder];
      },
      /train-labels-idx1-ubyte: image 7 has the label 10, but the dataset has 10 classes/,
    ],
    [
      'no test images (test accuracy was reported as 0)',
      () => ['train', projectFile(), '--dataset', idxFolder((f) => emptyIdxPair(f, 't10k'))],
      /has no test images, so the trained network could not be tested/,
    ],
    [
      'no training images (it said "has 1 classes")',
      () => ['train', projectFile(), '--dataset', idxFolder((f) => emptyIdxPair(f, 'train'))],
      /has no training images, so there is nothing to train on/,
    ],
    [
      'an IDX header that claims 2^96 bytes',
      () => [
        'train',
        projectFile(),
        '--dataset',
        idxFolder((f) => {
          for (const at of [4, 8, 12]) f['train-images-idx3-ubyte']!.writeUInt32BE(0xffffffff, at);
        }),
      ],
      /train-images-idx3-ubyte holds 65,536 YB of data; ConvStudio reads at most 768.0 MB from one dataset file/,
    ],
    [
      'a small .gz that unpacks past the cap (it was read whole: 2.3 GB)',
      () => {
        const folder = idxFolder(() => {});
        const header = Buffer.from([0, 0, 8, 3, 0, 0x0f, 0xff, 0xff, 0, 0, 0, 28, 0, 0, 0, 28]);
        const bomb = gzipSync(Buffer.concat([header, Buffer.alloc(800 << 20)]), { level: 1 });
        rmSync(join(folder, 'train-images-idx3-ubyte'));
        writeFileSync(join(folder, 'train-images-idx3-ubyte.gz'), bomb);
        return ['train', projectFile(), '--dataset', folder];
      },
      /train-images-idx3-ubyte\.gz unpacks to more than 768\.0 MB; ConvStudio reads at most 768\.0 MB/,
    ],
    [
      'a class folder that is a broken link',
      () => {
        const folder = imageFolder(['a', 'b']);
        symlinkSync(join(folder, 'gone'), join(folder, 'c'));
        return ['train', projectFile(), '--dataset', folder];
      },
      /\/c is a link to something that is not there any more/,
    ],
    [
      'a class folder that is a link to itself',
      () => {
        const folder = imageFolder(['a', 'b']);
        symlinkSync(join(folder, 'loop'), join(folder, 'loop'));
        return ['train', projectFile(), '--dataset', folder];
      },
      /\/loop is a link that leads back to itself/,
    ],
    [
      '257 class folders (class 256 became class 0)',
      () => ['train', projectFile(), '--dataset', imageFolder(Array.from({ length: 257 }, (_, i) => `c${i}`))],
      /has 257 class folders; ConvStudio trains on at most 256 classes/,
    ],
    [
      'a 20,000 × 20,000 PNG of a few bytes (6.2 GB to decode)',
      () => {
        const folder = imageFolder(['a', 'b']);
        const huge = PNG.sync.write(Object.assign(new PNG({ width: 1, height: 1 }), { data: Buffer.alloc(4) }));
        huge.writeUInt32BE(20_000, 16);
        huge.writeUInt32BE(20_000, 20);
        writeFileSync(join(folder, 'a', 'huge.png'), huge);
        return ['train', projectFile(), '--dataset', folder];
      },
      /huge\.png is 20,000 × 20,000 pixels; ConvStudio reads images of at most 64 million pixels/,
    ],
    [
      'a cap set in the command line (--max-file-size) is the one applied, and named',
      () => ['train', projectFile(), '--dataset', builtinMnistFolder(), '--max-file-size', '1MB'],
      /images-idx3-ubyte.* ConvStudio reads at most 1\.0 MB from one dataset file\. To read bigger files, train in the command line with convstudio train … --max-file-size 2GB/,
    ],
    [
      'an image over the cap set with --max-megapixels: the message says what value would read it',
      () => {
        const folder = imageFolder(['a', 'b']);
        const big = PNG.sync.write(
          Object.assign(new PNG({ width: 1200, height: 1000 }), { data: Buffer.alloc(1200 * 1000 * 4, 90) }),
        );
        writeFileSync(join(folder, 'a', 'big.png'), big);
        return ['train', projectFile(), '--dataset', folder, '--max-megapixels', '1'];
      },
      /big\.png is 1,200 × 1,000 pixels; ConvStudio reads images of at most 1 million pixels\. .*--max-megapixels 2\./,
    ],
    [
      'a size it cannot read',
      () => ['train', projectFile(), '--max-file-size', 'lots'],
      /--max-file-size takes a size from 1 MB to 64\.0 GB, such as 2GB or 1500MB, not 'lots'/,
    ],
    [
      'a backend that is not installed',
      () => ['train', projectFile(), '--backend', 'tfjs-node', '--epochs', '1'],
      /The tfjs-node backend cannot be used: @tensorflow\/tfjs-node is not installed/,
    ],
    [
      'an absurd setting',
      () => ['train', projectFile(), '--epochs', '0'],
      /--epochs must be a whole number from 1 to 10000, not '0'/,
    ],
  ])('%s', async (_name, args, pattern) => {
    const run = await runCli(args());
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(pattern);
    expect(run.stderr).not.toMatch(/\bat .*\.ts:\d+|node:internal/);
  });

  it('trains the textbook CIFAR-10 CNN on CIFAR-10 binary batches', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'convstudio-cifar-'));
    const batch = (n: number, seed: number) => {
      const bytes = new Uint8Array(n * 3073);
      for (let i = 0; i < n; i++) {
        bytes[i * 3073] = (i + seed) % 10;
        bytes.fill(((i + seed) % 10) * 25, i * 3073 + 1, (i + 1) * 3073);
      }
      return bytes;
    };
    writeFileSync(join(dir, 'data_batch_1.bin'), batch(120, 0));
    writeFileSync(join(dir, 'data_batch_2.bin'), batch(80, 3));
    writeFileSync(join(dir, 'test_batch.bin'), batch(40, 5));
    const cifar = projectFile(makeProject(findTemplate('textbook-cifar10')!.build(), 'cifar'));
    const run = await runCli(['train', cifar, '--dataset', dir, '--epochs', '1', '--batch-size', '50']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/data: CIFAR-10, 180 training, 20 validation, 40 test samples/);
    writeFileSync(join(dir, 'data_batch_2.bin'), batch(80, 3).subarray(0, 1000));
    const broken = await runCli(['train', cifar, '--dataset', dir, '--epochs', '1']);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toMatch(/data_batch_2\.bin is 1,000 bytes, which is not a whole number of CIFAR-10 records/);
  });

  it('trains on a folder of PNG and JPEG images, one sub-folder per class, fitted to the Input', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'convstudio-images-'));
    const image = (width: number, height: number, shade: number) => {
      const data = Buffer.alloc(width * height * 4);
      for (let p = 0; p < width * height; p++) data.set([shade, 255 - shade, (p * 7) % 256, 255], p * 4);
      return { width, height, data };
    };
    ['A', 'B', 'C'].forEach((letter, c) => {
      mkdirSync(join(dir, letter));
      for (let i = 0; i < 8; i++)
        writeFileSync(
          join(dir, letter, `${i}.png`),
          PNG.sync.write(Object.assign(new PNG({ width: 40, height: 40 }), image(40, 40, c * 100 + i))),
        );
      writeFileSync(join(dir, letter, 'photo.jpg'), jpeg.encode(image(50, 30, c * 100), 90).data);
    });
    const p = textbook();
    (p.graph.nodes.at(-1)!.params as { units: number }).units = 3;
    const run = await runCli(['train', projectFile(p), '--dataset', dir, '--epochs', '1', '--batch-size', '8']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/data: convstudio-images-\w+, 20 training, 2 validation, 5 test samples/);

    writeFileSync(join(dir, 'B', 'notes.txt'), 'not an image');
    const text = await runCli(['train', projectFile(p), '--dataset', dir, '--epochs', '1']);
    expect([text.code, text.stderr]).toEqual([
      2,
      `error: ${join(dir, 'B', 'notes.txt')} is not a PNG or JPEG image. Take it out of the dataset folder.\n`,
    ]);
    rmSync(join(dir, 'B', 'notes.txt'));
    writeFileSync(join(dir, 'B', 'broken.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]));
    const broken = await runCli(['train', projectFile(p), '--dataset', dir, '--epochs', '1']);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toMatch(/broken\.png is a damaged image/);
    rmSync(join(dir, 'B', 'broken.png'));
    mkdirSync(join(dir, 'D'));
    const empty = await runCli(['train', projectFile(p), '--dataset', dir, '--epochs', '1']);
    expect(empty.stderr).toBe(`error: The class folder ${join(dir, 'D')} has no images.\n`);
  });

  it('reads gzipped IDX files, as Debian ships Fashion-MNIST', async () => {
    const dir = idxFolder(() => {});
    const gz = mkdtempSync(join(tmpdir(), 'convstudio-gz-'));
    for (const name of [
      'train-images-idx3-ubyte',
      'train-labels-idx1-ubyte',
      't10k-images-idx3-ubyte',
      't10k-labels-idx1-ubyte',
    ]) {
      writeFileSync(join(gz, `${name}.gz`), gzipSync(readFileSync(join(dir, name))));
    }
    const run = await runCli(['train', projectFile(), '--dataset', gz, '--epochs', '1', '--json']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout.trimEnd().split('\n').at(-1)!).event).toBe('done');
  });
});

describe('the trainer process', () => {
  const start = (events: TrainerEvent[], limit = 20_000) =>
    startTrainer(
      { type: 'start', project: textbook(), dataset: { kind: 'builtin', name: 'mnist' }, limitSamples: limit },
      (e) => events.push(e),
    );

  it('stops within a second when asked', async () => {
    const events: TrainerEvent[] = [];
    const run = start(events);
    await expect.poll(() => events.some((e) => e.type === 'progress'), { timeout: 30_000 }).toBe(true);
    const asked = performance.now();
    run.stop();
    await run.finished;
    // The client kills the process if it has not gone a second after Stop; a loaded machine adds some.
    expect(performance.now() - asked).toBeLessThan(2_000);
    expect(events.at(-1)).toEqual({ type: 'done', stopped: true, savedTo: null });
    const dataset = events.find((e) => e.type === 'dataset');
    expect(dataset).toMatchObject({
      name: 'MNIST',
      shape: [28, 28, 1],
      train: 18_000,
      validation: 2_000,
      test: 10_000,
    });
    if (dataset?.type === 'dataset') expect(dataset.classCounts.reduce((a, b) => a + b, 0)).toBe(20_000);
    expect(events[0]).toMatchObject({ type: 'backend', chosen: 'wasm' });
    // WebGPU (installed with the app) was tried first and skipped for a reason that names this machine's lack.
    const backend = events[0]!.type === 'backend' ? events[0] : null;
    const webgpu = backend?.reports.find((r) => r.backend === 'webgpu');
    expect(webgpu?.available).toBe(false);
    expect(['backend.noVulkan', 'backend.noGpu', 'backend.softwareGpu']).toContain(webgpu?.reason?.key);
  });

  it('pauses and resumes between batches', async () => {
    const events: TrainerEvent[] = [];
    const run = start(events);
    const progress = () => events.filter((e) => e.type === 'progress').length;
    await expect.poll(progress, { timeout: 30_000 }).toBeGreaterThan(0);
    run.pause();
    await expect.poll(() => events.some((e) => e.type === 'paused')).toBe(true);
    const whilePaused = progress();
    await new Promise((r) => setTimeout(r, 600));
    expect(progress()).toBe(whilePaused);
    run.resume();
    await expect.poll(() => events.some((e) => e.type === 'resumed')).toBe(true);
    await expect.poll(progress, { timeout: 10_000 }).toBeGreaterThan(whilePaused);
    run.stop();
    await run.finished;
    expect(events.at(-1)).toEqual({ type: 'done', stopped: true, savedTo: null });
  });

  it('a killed trainer is reported as such, in both languages', async () => {
    const events: TrainerEvent[] = [];
    const run = start(events);
    await expect.poll(() => events.some((e) => e.type === 'progress'), { timeout: 30_000 }).toBe(true);
    run.kill();
    await run.finished;
    const last = events.at(-1)!;
    expect(last.type).toBe('error');
    if (last.type !== 'error') return;
    expect(translate(last.message, 'en')).toBe(
      'The training process was ended from outside ConvStudio (by the system or another program; signal SIGKILL). Your network and earlier runs are safe; you can start a new run.',
    );
    expect(translate(last.message, 'zh-TW')).toMatch(/訓練程序被 ConvStudio 以外的程式結束了.*訊號 SIGKILL/);
    // The other endings, as the process's exit reports them.
    expect(crashMessage(0, null, '')).toBeNull();
    expect(
      crashMessage(134, null, 'FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory'),
    ).toEqual(msg('train.outOfMemory'));
    expect(translate(crashMessage(3, null, '')!, 'en')).toMatch(/ended unexpectedly \(exit code 3\)/);
  });

  it('a diverging run stops with an explanation and exit code 1', async () => {
    const p = textbook();
    p.training.optimizer = 'sgd';
    p.training.learningRate = 10_000;
    p.training.loss = 'mse';
    (p.graph.nodes.at(-1)!.params as { activation: string }).activation = 'linear';
    const run = await runCli(['train', projectFile(p), '--limit-samples', '1000', '--epochs', '1', '--json']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/the loss became NaN or infinite\. The learning rate \(10000\) is probably too high/);
  });
});

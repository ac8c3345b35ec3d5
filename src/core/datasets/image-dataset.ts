/**
 * A labelled image dataset in memory: pixels as bytes (0–255), N × height × width × channels, one label per
 * image. Scaling to [0, 1] happens when batches are made.
 */
import { z } from 'zod';
import { formatBytes } from '../format/number.ts';
import { msg, type Msg } from '../i18n/messages.ts';
import type { IdxArray } from './idx.ts';

export interface ImageSet {
  /** N × H × W × C bytes, row-major (channels last). */
  pixels: Uint8Array;
  labels: Uint8Array;
  count: number;
  /** [height, width, channels] */
  shape: [number, number, number];
}

export interface ImageDataset {
  name: string;
  classes: string[];
  train: ImageSet;
  test: ImageSet;
}

export type ImageSetResult = { ok: true; value: ImageSet } | { ok: false; error: Msg };

/** Images and labels from two IDX arrays, checked against each other. */
export function imageSetFromIdx(
  images: IdxArray,
  labels: IdxArray,
  imagesFile: string,
  labelsFile: string,
): ImageSetResult {
  if (images.dims.length !== 3)
    return { ok: false, error: msg('data.idxImageRank', { file: imagesFile, rank: images.dims.length }) };
  if (labels.dims.length !== 1)
    return { ok: false, error: msg('data.idxLabelRank', { file: labelsFile, rank: labels.dims.length }) };
  const [count, height, width] = images.dims as [number, number, number];
  if (labels.dims[0] !== count) {
    return {
      ok: false,
      error: msg('data.countMismatch', {
        images: imagesFile,
        labels: labelsFile,
        imageCount: count,
        labelCount: labels.dims[0]!,
      }),
    };
  }
  return { ok: true, value: { pixels: images.data, labels: labels.data, count, shape: [height, width, 1] } };
}

/** Labels are bytes: at most this many classes. */
export const MAX_CLASSES = 256;
/**
 * The most bytes ConvStudio reads from one dataset file (a gzipped file: once unpacked). EMNIST's largest
 * file is 547 MB; a 2.4 MB .gz that unpacks to a gigabyte is refused before it fills the memory.
 */
export const MAX_DATASET_FILE_BYTES = 768 * 1024 * 1024;
/** The largest image a folder dataset decodes, in millions of pixels (a 48 MP phone photo fits). */
export const MAX_IMAGE_MEGAPIXELS = 64;

/** How much a dataset may take: the caps above, which `convstudio train --max-file-size / --max-megapixels` lift. */
export interface DatasetLimits {
  /** Bytes of one dataset file (a gzipped file: once unpacked). */
  fileBytes: number;
  /** Millions of pixels of one image of a folder dataset. */
  imageMegapixels: number;
}

export const DEFAULT_DATASET_LIMITS: DatasetLimits = {
  fileBytes: MAX_DATASET_FILE_BYTES,
  imageMegapixels: MAX_IMAGE_MEGAPIXELS,
};

export const datasetLimitsSchema = z.object({
  fileBytes: z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
  imageMegapixels: z.number().positive().max(1_000_000),
});

export function fileTooLarge(file: string, size: number, max = MAX_DATASET_FILE_BYTES): Msg {
  return msg('data.fileTooLarge', { file, size: formatBytes(size), max: formatBytes(max) });
}

/**
 * What makes a loaded dataset unfit to train on, or null: no training or no test images, or a label that is
 * not one of its classes (once trained on silently, outside the one-hot row). `labelFiles` name where the
 * training and test labels came from.
 */
export function datasetProblem(dataset: ImageDataset, labelFiles: { train: string; test: string }): Msg | null {
  if (dataset.train.count === 0) return msg('data.noTrainImages', { name: dataset.name });
  if (dataset.test.count === 0) return msg('data.noTestImages', { name: dataset.name });
  const classes = dataset.classes.length;
  for (const [set, file] of [
    [dataset.train, labelFiles.train],
    [dataset.test, labelFiles.test],
  ] as const) {
    const index = set.labels.findIndex((label) => label >= classes);
    if (index >= 0) return msg('data.labelOutOfRange', { file, image: index + 1, label: set.labels[index]!, classes });
  }
  return null;
}

/** The number of images of each class. */
export function classCounts(set: ImageSet, classes: number): number[] {
  const counts = new Array<number>(classes).fill(0);
  for (const label of set.labels) if (label < classes) counts[label]! += 1;
  return counts;
}

/** The first `n` images of a set. */
export function firstImages(set: ImageSet, n: number): ImageSet {
  const count = Math.min(n, set.count);
  const size = set.shape[0] * set.shape[1] * set.shape[2];
  return { ...set, count, pixels: set.pixels.subarray(0, count * size), labels: set.labels.subarray(0, count) };
}

/**
 * The dataset with its classes in `order` (the class names trained weights give their outputs), where
 * its classes are the same names in another order — an image folder's sub-folders come alphabetically,
 * "eight" before "zero" — so that output i stays class i. Null where the names are not the same set.
 */
export function inClassOrder(dataset: ImageDataset, order: readonly string[]): ImageDataset | null {
  const { classes } = dataset;
  if (order.length !== classes.length || new Set(order).size !== order.length) return null;
  const to = classes.map((name) => order.indexOf(name));
  if (to.some((i) => i < 0)) return null;
  if (to.every((i, from) => i === from)) return dataset;
  const relabel = (set: ImageSet): ImageSet => ({ ...set, labels: set.labels.map((label) => to[label]!) });
  return { ...dataset, classes: [...order], train: relabel(dataset.train), test: relabel(dataset.test) };
}

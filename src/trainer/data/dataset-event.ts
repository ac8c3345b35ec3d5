/**
 * What the UI's Data panel shows of a dataset: its classes, counts, split and a few images of each class.
 * A training run sends the same event when its data is loaded.
 */
import { classCounts, previewImages, type ImageDataset, type ImageSet, type TrainerEvent } from '../../core/index.ts';

export const PREVIEW_PER_CLASS = 4;

/** As Keras's validation_split: the last fraction of the training data, taken before any shuffling. */
export function splitCounts(count: number, validationSplit: number): { train: number; validation: number } {
  const validation = Math.floor(count * validationSplit);
  return { train: count - validation, validation };
}

export function datasetEvent(
  dataset: ImageDataset,
  training: ImageSet,
  validationSplit: number,
): Extract<TrainerEvent, { type: 'dataset' }> {
  return {
    type: 'dataset',
    name: dataset.name,
    classes: dataset.classes,
    shape: training.shape,
    ...splitCounts(training.count, validationSplit),
    test: dataset.test.count,
    classCounts: classCounts(training, dataset.classes.length),
    preview: previewImages(training, dataset.classes.length, PREVIEW_PER_CLASS),
  };
}

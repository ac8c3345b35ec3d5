/**
 * What computes a run: the training loop (run-training.ts) keeps the epochs, the order of the images, the
 * learning-rate schedule, early stopping, validation, the test and every event; an engine trains an epoch in
 * the order it is given, measures a range of images, keeps and restores the best weights and saves the
 * network. TensorFlow.js (tfjs-engine.ts) and PyTorch (../pytorch/torch-engine.ts) are the engines.
 */

/** What an epoch has added up so far. */
export interface EpochSums {
  batches: number;
  seen: number;
  /** Sums over the images seen of each batch's mean loss and accuracy, times its size. */
  lossSum: number;
  accuracySum: number;
  /** Computing time, pauses left out. */
  seconds: number;
}

export interface Measured {
  loss: number;
  accuracy: number;
  /** The class guessed for each image measured, in order. */
  predictions: Int32Array;
}

/** The training images (validation is their last part) or the test images. */
export type ImageSetName = 'train' | 'test';

export interface TrainingEngine {
  /**
   * Trains one epoch on the training images in `order`, in batches of `batchSize`, at `learningRate`;
   * `onProgress` at most every PROGRESS_INTERVAL_MS and after the last batch. Null when the run was
   * stopped meanwhile; throws a TrainingProblem when the loss is no longer a number.
   */
  trainEpoch(
    epoch: number,
    order: Int32Array,
    batchSize: number,
    learningRate: number,
    onProgress: (sums: EpochSums) => void,
  ): Promise<EpochSums | null>;
  /** Mean loss and accuracy on images start … end − 1 of a set; null when the run was stopped meanwhile. */
  measure(
    set: ImageSetName,
    start: number,
    end: number,
    batchSize: number,
    onDone?: (done: number) => void,
  ): Promise<Measured | null>;
  /** Early stopping: remembers the weights as they are now, and puts them back. */
  keepBest(): Promise<void>;
  restoreBest(): Promise<void>;
  /** Writes the network in TensorFlow.js's layers format (model.json + weights.bin) into `dir`. */
  save(dir: string): Promise<void>;
  dispose(): void;
}

/** How often progress is reported. */
export const PROGRESS_INTERVAL_MS = 100;

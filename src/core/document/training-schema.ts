/** Training settings stored with a project; the defaults are the ones the course's Keras examples use. */
import { z } from 'zod';
import { PIXEL_RANGES } from '../datasets/pixel-range.ts';

export const trainingSettingsSchema = z.object({
  optimizer: z.enum(['sgd', 'sgd_momentum', 'rmsprop', 'adam']).default('adam'),
  learningRate: z.number().positive().default(0.001),
  momentum: z.number().min(0).max(1).default(0.9),
  /** Multiply the learning rate by `factor` every `everyEpochs` epochs. */
  lrDecay: z
    .object({
      everyEpochs: z.number().int().positive(),
      factor: z.number().positive(),
    })
    .nullable()
    .default(null),
  batchSize: z.number().int().positive().default(128),
  epochs: z.number().int().positive().default(10),
  loss: z.enum(['categorical_crossentropy', 'binary_crossentropy', 'mse', 'mae']).default('categorical_crossentropy'),
  validationSplit: z.number().min(0).max(0.9).default(0.1),
  earlyStopping: z
    .object({
      monitor: z.enum(['val_loss', 'val_accuracy', 'loss', 'accuracy']).default('val_loss'),
      patience: z.number().int().min(0).default(3),
      restoreBestWeights: z.boolean().default(true),
    })
    .nullable()
    .default(null),
  /** Random changes to each training image, drawn anew every epoch (as Keras's ImageDataGenerator). */
  augmentation: z
    .object({
      /** Up to this many degrees either way. */
      rotation: z.number().min(0).max(180).default(10),
      /** Up to this fraction of the width and height either way. */
      shift: z.number().min(0).max(0.5).default(0.1),
      /** Scale by 1 ± this. */
      zoom: z.number().min(0).max(0.5).default(0.1),
      /** Mirror left–right half the time (not for digits or text). */
      flip: z.boolean().default(false),
      /** Gaussian noise of this standard deviation, on pixels scaled to [0, 1]. */
      noise: z.number().min(0).max(1).default(0),
    })
    .nullable()
    .default(null),
  seed: z.number().int().default(42),
  /** The range pixels go into the network in (datasets/pixel-range.ts): the course's ÷ 255 unless told. */
  pixelRange: z.enum(PIXEL_RANGES).default('0..1'),
});
export type TrainingSettings = z.infer<typeof trainingSettingsSchema>;

export const datasetBindingSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('builtin'), name: z.enum(['mnist']) }),
  /** A folder with IDX files: train-images / train-labels and t10k- (or test-) images / labels, gzipped or not. */
  z.object({ kind: z.literal('idx'), path: z.string() }),
  z.object({ kind: z.literal('cifar10'), path: z.string() }),
  /**
   * One sub-folder of PNG or JPEG images per class (notMNIST as distributed is one). Images are resized to
   * the network's Input and made grey when it has one channel; `testSplit` of them, drawn with the run's
   * seed, are kept for testing.
   */
  z.object({ kind: z.literal('folder'), path: z.string(), testSplit: z.number().min(0.05).max(0.5).default(0.2) }),
]);
export type DatasetBinding = z.infer<typeof datasetBindingSchema>;

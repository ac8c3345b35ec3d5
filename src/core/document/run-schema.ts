/**
 * A training run as the project keeps it: the settings it ran with, its curves (per epoch, and per batch
 * thinned to a bounded number of points), its results, and where its trained model was saved.
 */
import { z } from 'zod';
import { msgSchema } from '../i18n/msg-schema.ts';
import { trainingSettingsSchema } from './training-schema.ts';

/** The most per-batch points a run keeps; longer runs are thinned evenly (see training/run-record.ts). */
export const MAX_BATCH_POINTS = 1_000;
/** The most runs a project keeps; the oldest go first. */
export const MAX_RUNS = 20;

/** The trained model files whose weights ConvStudio imports: TF.js's model.json, Keras 3's .keras, Keras 2's .h5. */
export const IMPORT_FORMATS = ['tfjs', 'keras', 'h5'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

export const epochPointSchema = z.object({
  epoch: z.number(),
  loss: z.number(),
  accuracy: z.number(),
  valLoss: z.number().nullable(),
  valAccuracy: z.number().nullable(),
  /** Training samples per second of this epoch's training time, validation excluded. */
  samplesPerSecond: z.number(),
  seconds: z.number(),
});
export type EpochPoint = z.infer<typeof epochPointSchema>;

/** [position in epochs (1.5 = half-way through epoch 2), loss, accuracy] of a progress report. */
export const batchPointSchema = z.tuple([z.number(), z.number(), z.number()]);
export type BatchPoint = z.infer<typeof batchPointSchema>;

export const runRecordSchema = z.object({
  id: z.string(),
  startedAt: z.string(),
  status: z.enum(['running', 'done', 'stopped', 'failed']),
  backend: z.string().nullable().default(null),
  /** The CPU threads the WebAssembly backend used; null for other backends (and runs before threads). */
  threads: z.number().int().positive().nullable().default(null),
  /** What PyTorch trained on ('NVIDIA H100', 'CPU'); null for the other backends. */
  device: z.string().nullable().default(null),
  settings: trainingSettingsSchema,
  /** What the network looked like: its parameter count and layer count, to tell runs apart. */
  network: z.object({ params: z.number(), layers: z.number() }),
  dataset: z
    .object({
      name: z.string(),
      classes: z.array(z.string()),
      train: z.number(),
      validation: z.number(),
      test: z.number(),
    })
    .nullable()
    .default(null),
  epochs: z.array(epochPointSchema).default([]),
  /** Progress reports during training, every `batchStride`-th of them kept. */
  batches: z.array(batchPointSchema).default([]),
  /** Keep every n-th progress report; doubles whenever `batches` outgrows MAX_BATCH_POINTS. */
  batchStride: z.number().int().positive().default(1),
  /** Progress reports seen so far. */
  progressSeen: z.number().int().nonnegative().default(0),
  evaluation: z
    .object({
      testLoss: z.number(),
      testAccuracy: z.number(),
      confusion: z.array(z.array(z.number())),
      perClassAccuracy: z.array(z.number()),
    })
    .nullable()
    .default(null),
  /** Why the run failed. */
  error: msgSchema.nullable().default(null),
  /** Where the trained model was saved (TF.js layers format), when it was. */
  modelDir: z.string().nullable().default(null),
  /**
   * Weights that were not trained here but came with a trained model file that was opened: the file, its
   * format, how many weights it gave and the class names beside it (Teachable Machine's metadata.json).
   */
  imported: z
    .object({
      file: z.string(),
      format: z.enum(IMPORT_FORMATS),
      weights: z.number().int().nonnegative(),
      labels: z.array(z.string()).nullable(),
    })
    .nullable()
    .default(null),
  /** A test of `startedFrom`'s weights on the dataset's test images, without training (no curves). */
  testOnly: z.boolean().default(false),
  /** Fine-tuning: the run whose weights this one started from, how many it took, which layers started afresh. */
  startedFrom: z
    .object({ runId: z.string(), weights: z.number().int().nonnegative(), fresh: z.array(z.string()) })
    .nullable()
    .default(null),
});
export type RunRecord = z.infer<typeof runRecordSchema>;

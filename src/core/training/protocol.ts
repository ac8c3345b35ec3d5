/**
 * The one message protocol between the owner of a training run (Electron main, the browser host, the CLI)
 * and the trainer. Transport-free: plain values, validated on arrival, the same whether the trainer is a process
 * or a worker of the page (the page's trainer, on the graphics card). Images cross as bytes, so owners send
 * messages structured-cloned (Node's 'advanced' serialization, Electron's ports, a worker's postMessage).
 */
import { z } from 'zod';
import { projectSchema } from '../document/project-schema.ts';
import { IMPORT_FORMATS, epochPointSchema } from '../document/run-schema.ts';
import { datasetBindingSchema } from '../document/training-schema.ts';
import { DEFAULT_DATASET_LIMITS, datasetLimitsSchema } from '../datasets/image-dataset.ts';
import { sampleImageSchema } from '../datasets/sample-images.ts';
import { msgSchema } from '../i18n/msg-schema.ts';

/**
 * In the order an automatic choice tries them. PyTorch (a Python with torch on this computer) comes first for
 * its graphics card; without one it is not faster than WebAssembly, and an automatic choice passes it by.
 * WebGL trains only in the page's trainer (a browser's graphics card): a trainer process never tries it.
 */
export const BACKENDS = ['pytorch', 'cuda', 'webgpu', 'webgl', 'tfjs-node', 'wasm', 'cpu'] as const;
export type BackendName = (typeof BACKENDS)[number];
export const backendChoiceSchema = z.enum(['auto', ...BACKENDS]);
export type BackendChoice = z.infer<typeof backendChoiceSchema>;

/** The most threads a run may ask for: more is a typing mistake, not a machine. */
export const MAX_TRAINING_THREADS = 256;
/** Threads for the WebAssembly backend; null: the machine's cores, one left to the window from four up. */
export const trainingThreadsSchema = z.number().int().min(1).max(MAX_TRAINING_THREADS).nullable().default(null);

/** A backend's training images per second on the run's own network, measured before an automatic choice. */
export const measuredSpeedSchema = z.object({
  backend: z.enum(BACKENDS),
  samplesPerSecond: z.number().nonnegative(),
});
export type MeasuredSpeed = z.infer<typeof measuredSpeedSchema>;

/**
 * What an earlier run of the same network, settings and threads measured under Automatic: the trainer
 * decides from these instead of measuring again (a second press of Train starts at once).
 */
export const earlierMeasuredSchema = z.array(measuredSpeedSchema).max(BACKENDS.length).default([]);

/** Owner → trainer. */
export const trainerCommandSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('start'),
    project: projectSchema,
    dataset: datasetBindingSchema,
    backend: backendChoiceSchema.default('auto'),
    threads: trainingThreadsSchema,
    /** The Python interpreter the PyTorch backend runs; null: found on this computer. */
    python: z.string().min(1).nullable().default(null),
    /** Train on the first N training samples only (quick tries, tests). */
    limitSamples: z.number().int().positive().nullable().default(null),
    measured: earlierMeasuredSchema,
    /** Where to save the trained model (TF.js layers format), or null. */
    saveDir: z.string().nullable().default(null),
    /** Fine-tuning: start from the weights saved in a run's model folder instead of random ones. */
    startFrom: z
      .object({
        runId: z.string(),
        dir: z.string(),
        /** The class names of the weights' outputs, in order: a dataset of the same classes is put in it. */
        classes: z.array(z.string()).nullable().default(null),
      })
      .nullable()
      .default(null),
    /**
     * Test the weights of `startFrom` on the dataset's test images without training them (a trained model
     * opened from a file has no test figures of its own); every layer must get its weights.
     */
    testOnly: z.boolean().default(false),
    /** The caps on dataset files and images. */
    limits: datasetLimitsSchema.default(DEFAULT_DATASET_LIMITS),
  }),
  /** Loads a dataset and describes it (classes, counts, a preview) without training; the process then ends. */
  z.object({
    type: z.literal('describe'),
    dataset: datasetBindingSchema,
    /** The network's Input, which image folders are resized to. */
    inputShape: z.tuple([z.number().int().positive(), z.number().int().positive(), z.number().int().positive()]),
    seed: z.number().int().default(42),
    validationSplit: z.number().min(0).max(0.9).default(0.1),
    limits: datasetLimitsSchema.default(DEFAULT_DATASET_LIMITS),
  }),
  /**
   * Trains the network for about two seconds on random images of its Input's shape and reports the images
   * per second (`speed`), so that a run's time can be told before it starts; the process then ends.
   */
  z.object({
    type: z.literal('probe'),
    project: projectSchema,
    backend: backendChoiceSchema.default('auto'),
    threads: trainingThreadsSchema,
    python: z.string().min(1).nullable().default(null),
  }),
  /**
   * Opens a trained model file with its weights (a TF.js model.json with its shards beside it, a .keras or
   * an .h5 file): answers `imported` with the project of its structure, having saved the network with the
   * file's weights to `saveDir` as a run's model is saved; the process then ends.
   */
  z.object({
    type: z.literal('import'),
    path: z.string().min(1),
    /** The file's name as the person knows it (an uploaded file's, not its temporary copy's). */
    fileName: z.string().min(1),
    saveDir: z.string().min(1),
  }),
  /**
   * Loads a run's data for a trainer that reads no files (the page's, on the graphics card): answers `loaded`
   * with the images the run trains on (the first `limitSamples`, in the class order of the weights it starts
   * from) and tests on, checked against the network; the process then ends.
   */
  z.object({
    type: z.literal('load'),
    project: projectSchema,
    dataset: datasetBindingSchema,
    limitSamples: z.number().int().positive().nullable().default(null),
    startFrom: z
      .object({ classes: z.array(z.string()).nullable().default(null) })
      .nullable()
      .default(null),
    limits: datasetLimitsSchema.default(DEFAULT_DATASET_LIMITS),
  }),
  z.object({ type: z.literal('pause') }),
  z.object({ type: z.literal('resume') }),
  z.object({ type: z.literal('stop') }),
]);
export type TrainerCommand = z.input<typeof trainerCommandSchema>;
export type StartCommand = Extract<z.output<typeof trainerCommandSchema>, { type: 'start' }>;
export type DescribeCommand = Extract<z.output<typeof trainerCommandSchema>, { type: 'describe' }>;
export type ProbeCommand = Extract<z.output<typeof trainerCommandSchema>, { type: 'probe' }>;
/** What a trainer process is started for; the rest (pause, resume, stop) steer a run. */
export type TrainerJob = Exclude<TrainerCommand, { type: 'pause' | 'resume' | 'stop' }>;
export type ImportCommand = Extract<z.output<typeof trainerCommandSchema>, { type: 'import' }>;
export type LoadCommand = Extract<z.output<typeof trainerCommandSchema>, { type: 'load' }>;

const bytesSchema = z.custom<Uint8Array>((value) => value instanceof Uint8Array, 'bytes expected');
const imageShapeSchema = z.tuple([
  z.number().int().positive(),
  z.number().int().positive(),
  z.number().int().positive(),
]);

/** Images in memory (core's ImageSet), their bytes as many as their count and shape say. */
export const imageSetSchema = z
  .object({
    pixels: bytesSchema,
    labels: bytesSchema,
    count: z.number().int().nonnegative(),
    shape: imageShapeSchema,
  })
  .refine(
    (set) =>
      set.labels.length === set.count && set.pixels.length === set.count * set.shape[0] * set.shape[1] * set.shape[2],
    { message: 'the images and labels do not fill the count and shape given' },
  );

const backendReportSchema = z.object({
  backend: z.enum(BACKENDS),
  available: z.boolean(),
  reason: msgSchema.nullable(),
});
export type BackendReport = z.infer<typeof backendReportSchema>;

/** Trainer → owner. */
export const trainerEventSchema = z.discriminatedUnion('type', [
  /** The answer to a probe: training images per second on this machine, backend and threads. */
  z.object({
    type: z.literal('speed'),
    samplesPerSecond: z.number().nonnegative(),
    backend: z.enum(BACKENDS),
    threads: z.number().int().positive().nullable(),
  }),
  /** Before the backend event of an automatic choice that measures: the backends being timed on the network. */
  z.object({ type: z.literal('measuring'), backends: z.array(z.enum(BACKENDS)).min(1) }),
  z.object({
    type: z.literal('backend'),
    chosen: z.enum(BACKENDS),
    reports: z.array(backendReportSchema),
    /** The CPU threads the WebAssembly backend computes on; null for backends that choose their own. */
    threads: z.number().int().positive().nullable().default(null),
    /**
     * What the run computes on: PyTorch's device ('cuda', 'mps', 'cpu'), or the graphics card WebGPU found in
     * the page ('gpu'), with its own name.
     */
    device: z
      .object({ kind: z.enum(['cuda', 'mps', 'cpu', 'gpu']), name: z.string() })
      .nullable()
      .default(null),
    /** What an automatic choice measured to decide (none where it had only one backend to take). */
    measured: z.array(measuredSpeedSchema).default([]),
  }),
  z.object({
    type: z.literal('dataset'),
    name: z.string(),
    classes: z.array(z.string()),
    shape: z.tuple([z.number(), z.number(), z.number()]),
    train: z.number(),
    validation: z.number(),
    test: z.number(),
    /** Training images per class, validation included. */
    classCounts: z.array(z.number()),
    /** A few training images of each class. */
    preview: z.array(sampleImageSchema).default([]),
  }),
  z.object({
    type: z.literal('progress'),
    epoch: z.number(),
    epochs: z.number(),
    batch: z.number(),
    batches: z.number(),
    loss: z.number(),
    accuracy: z.number(),
    samplesPerSecond: z.number(),
    etaSeconds: z.number(),
  }),
  /**
   * Fine-tuning: the network starts from an earlier run's weights (`weights` of them); the layers in
   * `fresh` start afresh, the saved model having none of theirs in their shape.
   */
  z.object({
    type: z.literal('startedFrom'),
    runId: z.string(),
    weights: z.number().int().nonnegative(),
    fresh: z.array(z.string()),
  }),
  /** After the last epoch: the trained network is being checked on the test images, `done` of `total`. */
  z.object({ type: z.literal('testing'), done: z.number().int().nonnegative(), total: z.number().int().nonnegative() }),
  epochPointSchema.extend({ type: z.literal('epoch') }),
  z.object({
    type: z.literal('evaluation'),
    testLoss: z.number(),
    testAccuracy: z.number(),
    confusion: z.array(z.array(z.number())),
    perClassAccuracy: z.array(z.number()),
    misclassified: z.array(z.number()),
    /** The first misclassified test images, with the network's guesses. */
    gallery: z.array(sampleImageSchema).default([]),
    /** A few test images of each class, with the network's guesses: images to try the network on. */
    examples: z.array(sampleImageSchema).default([]),
  }),
  /** The answer to `import`: the file's network, and what came with its weights. */
  z.object({
    type: z.literal('imported'),
    format: z.enum(IMPORT_FORMATS),
    /** The file's network, or null with `errors` saying why it cannot open (as for any model file). */
    project: projectSchema.nullable(),
    errors: z.array(msgSchema),
    /** How many weights (kernels, biases, statistics) went into the network: 0 where none could. */
    weights: z.number().int().nonnegative(),
    /** Why the weights could not be taken: the network still opens, without them. */
    weightProblems: z.array(msgSchema),
    /** The class names beside the file, one per output, if any. */
    labels: z.array(z.string()).nullable(),
  }),
  /** The answer to `load`: the run's training images (validation their last part) and its test images. */
  z.object({
    type: z.literal('loaded'),
    name: z.string(),
    classes: z.array(z.string()).min(1),
    train: imageSetSchema,
    test: imageSetSchema,
  }),
  /** The answer to `describe`: the dataset event has come before it. */
  z.object({ type: z.literal('described') }),
  z.object({ type: z.literal('paused') }),
  z.object({ type: z.literal('resumed') }),
  z.object({ type: z.literal('done'), stopped: z.boolean(), savedTo: z.string().nullable() }),
  z.object({ type: z.literal('error'), message: msgSchema, training: z.boolean() }),
]);
export type TrainerEvent = z.infer<typeof trainerEventSchema>;

/** The events after which a trainer process sends nothing more and exits: a run's end, or a job's answer. */
export const LAST_EVENTS: ReadonlySet<TrainerEvent['type']> = new Set([
  'done',
  'error',
  'described',
  'speed',
  'imported',
  'loaded',
]);

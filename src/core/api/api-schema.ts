/**
 * The one typed API between the renderer and its host (Electron main over IPC, the browser host over a
 * WebSocket). Each method has a params schema, validated by the host before any handler runs. Errors cross
 * the boundary as values (`ApiResult`), never as thrown strings.
 */
import { z } from 'zod';
import { projectSchema, type Project } from '../document/project-schema.ts';
import { PRETRAINED_IDS } from '../templates/pretrained.ts';
import { exerciseSchema, type Exercise } from '../exercise/exercise-schema.ts';
import type { FileKind, LoadResult } from '../import/load-model-file.ts';
import { layersModelJsonSchema, type LayersModelJson } from '../training/layers-model-json.ts';
import type { Lang, Msg } from '../i18n/messages.ts';
import { datasetBindingSchema } from '../document/training-schema.ts';
import {
  backendChoiceSchema,
  earlierMeasuredSchema,
  trainingThreadsSchema,
  type BackendName,
  type TrainerEvent,
} from '../training/protocol.ts';

/** The one IPC channel of the Electron host. */
export const IPC_CHANNEL = 'convstudio:api';
/** The channel on which the Electron host pushes events (training progress) to the page. */
export const EVENT_CHANNEL = 'convstudio:event';

/** The largest file text the renderer may send to be read (model configs are far smaller). */
export const MAX_TEXT_CHARS = 50 * 1024 * 1024;

const path = z.string().min(1).max(4096);
/** A picked file's own name: no folders. */
const fileName = z
  .string()
  .min(1)
  .max(255)
  .regex(/^[^/\\\0]+$/)
  .refine((name) => name !== '.' && name !== '..');

/** Files opened together from the browser (a model.json, its weights files, metadata.json). */
export const MAX_UPLOAD_FILES = 200;
/** Their base64 text together: 200 MB, about 150 MB of files (bigger models open by path, in the desktop app). */
export const MAX_UPLOAD_BASE64 = 200 * 1024 * 1024;
const runId = z.string().regex(/^run-[\w-]{1,80}$/);
const none = z.object({}).strict();

/** What a run is asked to do, wherever it trains. */
const runRequest = {
  project: projectSchema,
  /** Train on the first N training images only (quick tries). */
  limitSamples: z.number().int().positive().nullable().default(null),
  /**
   * Fine-tuning: start from the weights of this earlier run (or imported model) instead of random ones;
   * `classes`, the names of its outputs in order (its dataset's, or the file's labels), if known.
   */
  startFrom: z
    .object({ runId, classes: z.array(z.string().max(200)).max(10_000).nullable() })
    .strict()
    .nullable()
    .default(null),
  /** Only test the weights of `startFrom` on the dataset's test images: no training. */
  testOnly: z.boolean().default(false),
};

export const apiParams = {
  /** Which host this is, its version, the operating system's language, what it can do. */
  'app.info': none,
  /** The file named when the app was started (`convstudio serve FILE`, `electron . FILE`), read. */
  'project.initial': none,
  /** Reads a file's text the user picked or dropped: a project, Keras or TF.js model. */
  'project.readText': z
    .object({ fileName: z.string().min(1).max(1024), text: z.string().max(MAX_TEXT_CHARS) })
    .strict(),
  /**
   * Opens files picked or dropped together in the browser (a model.json with its weights files and
   * metadata.json, or one .keras or .h5 file): the host keeps a copy only while it reads them.
   */
  'project.openFiles': z
    .object({
      files: z
        .array(z.object({ name: fileName, base64: z.string().max(MAX_UPLOAD_BASE64) }).strict())
        .min(1)
        .max(MAX_UPLOAD_FILES),
    })
    .strict()
    .refine((p) => p.files.reduce((sum, f) => sum + f.base64.length, 0) <= MAX_UPLOAD_BASE64, {
      message: 'the files are larger than a trained model ConvStudio opens',
    }),
  /** Opens one of the trained networks that ship with ConvStudio (resources/pretrained), with its weights. */
  'project.openPretrained': z.object({ id: z.enum(PRETRAINED_IDS) }).strict(),
  /** Reads a file from disk by its path. */
  'project.openPath': z.object({ path }).strict(),
  /** The host's own Open dialog (desktop only); null when cancelled. */
  'project.openDialog': none,
  /**
   * Saves a project to a path, atomically, as a .convstudio.json file (the extension is added, or replaces a
   * plain .json). An existing file that is not ConvStudio's is replaced only with `overwrite`.
   */
  'project.save': z.object({ path, project: projectSchema, overwrite: z.boolean().default(false) }).strict(),
  /** The host's own Save dialog (desktop only): the chosen path, or null when cancelled. */
  'project.saveDialog': z.object({ suggestedName: z.string().min(1).max(255) }).strict(),
  /** Saves an exercise (with a student's answers, if any), atomically, as .exercise.convstudio.json; as above. */
  'exercise.save': z.object({ path, exercise: exerciseSchema, overwrite: z.boolean().default(false) }).strict(),
  /**
   * Prints the page as it is now (its print stylesheet: the worksheet being printed) to a PDF and asks where
   * to save it (desktop only: the browser host prints with the browser's own dialog). Null when cancelled.
   */
  'print.pdf': z.object({ suggestedName: z.string().min(1).max(255) }).strict(),
  /** Recently opened or saved files that still exist, newest first. */
  'recent.list': none,
  /**
   * Keeps unsaved work in the app's data folder: a project, or a student's exercise with their answers
   * (then `project` is the exercise's network and `path` the exercise file).
   */
  'autosave.write': z
    .object({ project: projectSchema, path: path.nullable(), exercise: exerciseSchema.optional() })
    .strict(),
  /** Unsaved work from a session that did not close cleanly, if any. */
  'autosave.read': none,
  'autosave.clear': none,
  /** Starts training the project's network on its dataset in a trainer process; one run at a time. */
  'train.start': z
    .object({
      ...runRequest,
      backend: backendChoiceSchema.default('auto'),
      threads: trainingThreadsSchema,
      measured: earlierMeasuredSchema,
    })
    .strict(),
  /**
   * The page's own trainer (a worker on the graphics card, which reads no files): the host loads the run's
   * data in a trainer process and keeps it under a run id for `train.data`; one such run at a time.
   */
  'train.prepare': z.object(runRequest).strict(),
  /** Part of a prepared run's images, `count` of them from `start`, as base64 bytes. */
  'train.data': z
    .object({
      runId,
      set: z.enum(['train', 'test']),
      start: z.number().int().nonnegative(),
      count: z.number().int().positive().max(1_000_000),
    })
    .strict(),
  /** The network the page's trainer trained, in TF.js layers format, saved as the run's model. */
  'train.saveModel': z
    .object({ runId, modelJson: layersModelJsonSchema, weights: z.string().max(MAX_UPLOAD_BASE64) })
    .strict(),
  /** The page's run is over: the host lets its data go. */
  'train.release': z.object({ runId }).strict(),
  /**
   * Whether PyTorch on a graphics card is at hand (NVIDIA's driver or Apple silicon, and a Python with torch
   * that sees it): an automatic choice then trains there rather than in the page.
   */
  'train.gpuEngine': none,
  /** Measures how fast this machine trains the project's network (about two seconds), before a run. */
  'train.probe': z
    .object({
      project: projectSchema,
      backend: backendChoiceSchema.default('auto'),
      threads: trainingThreadsSchema,
    })
    .strict(),
  'train.pause': z.object({ runId }).strict(),
  'train.resume': z.object({ runId }).strict(),
  'train.stop': z.object({ runId }).strict(),
  /** The trained model of a finished run (TF.js layers format), for prediction and looking inside. */
  'train.model': z.object({ runId }).strict(),
  /** Loads a dataset in a process of its own and describes it: classes, counts, a preview. */
  'dataset.describe': z
    .object({
      dataset: datasetBindingSchema,
      inputShape: z.tuple([z.number().int().positive(), z.number().int().positive(), z.number().int().positive()]),
      validationSplit: z.number().min(0).max(0.9).default(0.1),
    })
    .strict(),
  /** The host's own folder dialog (desktop only); null when cancelled. */
  'dataset.pickFolder': none,
} as const;

export type ApiMethod = keyof typeof apiParams;
export const API_METHODS = Object.keys(apiParams) as ApiMethod[];

export interface AppInfo {
  version: string;
  host: 'electron' | 'browser';
  /** From the operating system's locale, for the first start. */
  systemLang: Lang;
  /** True where the host shows the operating system's Open and Save dialogs. */
  nativeDialogs: boolean;
  /** Where Save As suggests putting projects. */
  projectsFolder: string;
  /** True where the host prints the page to a PDF file itself (Electron's printToPDF). */
  printsPdf: boolean;
}

export interface OpenedFile {
  path: string;
  result: LoadResult;
  /** What to tell the person about a file that opened: its trained weights came with it, or why not. */
  notices?: Msg[];
}

/**
 * A save's outcome. `notOurs`: nothing was written because that path holds a file that is not ConvStudio's;
 * the page asks before saving again with `overwrite`.
 */
export type SaveResult = { ok: true; path: string } | { ok: false; errors: Msg[]; notOurs?: string };

export interface AutosaveSnapshot {
  project: Project;
  path: string | null;
  /** A student's exercise with their unsaved answers. */
  exercise?: Exercise;
  savedAt: string;
}

export type { FileKind };

export type DatasetDescription = Extract<TrainerEvent, { type: 'dataset' }>;
export type StartResult = { ok: true; runId: string } | { ok: false; errors: Msg[] };
/** A prepared run of the page's trainer: its id, and the images `train.data` gives. */
export type PrepareResult =
  | {
      ok: true;
      runId: string;
      name: string;
      classes: string[];
      train: { count: number; shape: [number, number, number] };
      test: { count: number; shape: [number, number, number] };
    }
  | { ok: false; errors: Msg[] };
/** Images of a prepared run: their bytes and labels, base64. */
export interface RunImagesPart {
  pixels: string;
  labels: string;
}
export type SaveModelResult = { ok: true; savedTo: string } | { ok: false; errors: Msg[] };
export type DescribeResult = { ok: true; dataset: DatasetDescription } | { ok: false; errors: Msg[] };
/** Training images per second on this machine, with the backend and threads that gave them. */
export type ProbeResult =
  { ok: true; samplesPerSecond: number; backend: BackendName; threads: number | null } | { ok: false; errors: Msg[] };

/** A trained model in TF.js layers format: model.json's content and its weights, base64. */
export interface TrainedModel {
  modelJson: LayersModelJson;
  weights: string;
}

/** What a host pushes to the page without being asked. */
export type HostEvent = { type: 'training'; runId: string; event: TrainerEvent };

/** Subscribing to the host's events; returns the unsubscribe function. */
export type SubscribeEvents = (listener: (event: HostEvent) => void) => () => void;

interface ApiResults {
  'app.info': AppInfo;
  'project.initial': OpenedFile | null;
  'project.readText': LoadResult;
  'project.openFiles': OpenedFile;
  'project.openPretrained': OpenedFile;
  'project.openPath': OpenedFile;
  'project.openDialog': OpenedFile | null;
  'project.save': SaveResult;
  'project.saveDialog': string | null;
  'exercise.save': SaveResult;
  'print.pdf': SaveResult | null;
  'recent.list': string[];
  'autosave.write': null;
  'autosave.read': AutosaveSnapshot | null;
  'autosave.clear': null;
  'train.start': StartResult;
  'train.gpuEngine': boolean;
  'train.prepare': PrepareResult;
  'train.data': RunImagesPart | null;
  'train.saveModel': SaveModelResult;
  'train.release': null;
  'train.probe': ProbeResult;
  'train.pause': null;
  'train.resume': null;
  'train.stop': null;
  'train.model': TrainedModel | null;
  'dataset.describe': DescribeResult;
  'dataset.pickFolder': string | null;
}

export type ApiErrorCode = 'bad-request' | 'unknown-method' | 'forbidden' | 'internal';
export interface ApiError {
  code: ApiErrorCode;
  messages: Msg[];
}
export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export type ApiParams<K extends ApiMethod> = z.input<(typeof apiParams)[K]>;
export type ApiValue<K extends ApiMethod> = ApiResults[K];

/** What the renderer calls: one typed function per method. */
export type Api = { [K in ApiMethod]: (params: ApiParams<K>) => Promise<ApiResult<ApiValue<K>>> };

/** Params after validation, defaults filled in: what handlers receive. */
export type ApiArgs<K extends ApiMethod> = z.output<(typeof apiParams)[K]>;

/** What a host implements: handlers receive validated params. */
export type ApiHandlers = { [K in ApiMethod]: (params: ApiArgs<K>) => Promise<ApiValue<K>> };

/** The envelope of a call over a WebSocket (the browser host). */
export const wsRequestSchema = z
  .object({ id: z.number().int().nonnegative(), method: z.string().max(100), params: z.unknown() })
  .strict();
export type WsRequest = z.infer<typeof wsRequestSchema>;
export interface WsResponse {
  id: number;
  result: ApiResult<unknown>;
}
/** An event pushed over the WebSocket (messages without an id). */
export interface WsEvent {
  event: HostEvent;
}

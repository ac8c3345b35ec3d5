/**
 * What the page and its trainer worker (src/trainer/page) say to each other: the training protocol's
 * commands and events, with the run's images (which the worker cannot read from disk) and its trained
 * network (which it cannot write) carried in the messages. Both ends are ConvStudio's own code in one page.
 */
import type { ImageSet } from '../datasets/image-dataset.ts';
import type { Project } from '../document/project-schema.ts';
import type { Msg } from '../i18n/messages.ts';
import type { TrainerEvent } from './protocol.ts';

/** A trained network in TensorFlow.js's layers format, as its two files hold it. */
export interface ModelFiles {
  /** model.json's content, its manifest naming ./weights.bin. */
  modelJson: unknown;
  weights: Uint8Array;
}

/** A run of the page's trainer, as the host prepared it (`train.prepare`). */
export interface PageRunStart {
  type: 'start';
  /** The project, its network and training settings. */
  project: Project;
  /** The data the host loaded: the training images (validation their last part) and the test images. */
  data: { name: string; classes: string[]; train: ImageSet; test: ImageSet };
  /** Fine-tuning: the weights the run starts from, as saved; null: random weights. */
  startFrom: { runId: string; files: ModelFiles | null } | null;
  testOnly: boolean;
  /** The page's graphics API: WebGPU, or WebGL where WebGPU is missing. */
  backend: PageBackend;
  /** Train on a software adapter (the processor doing a graphics card's work) where no other exists. */
  allowSoftware: boolean;
}

/** What the page's trainer computes on: the browser's WebGPU, or its WebGL. */
export type PageBackend = 'webgpu' | 'webgl';

/** Page → worker. */
export type ToPageTrainer =
  | PageRunStart
  /** How fast the network trains here: answered with a speed event (or an error), as a trainer's probe. */
  | { type: 'probe'; project: Project; backend: PageBackend; allowSoftware: boolean }
  | { type: 'pause' }
  | { type: 'resume' }
  | { type: 'stop' }
  /** The answer to `save`: where the host wrote the network, or why it did not. */
  | { type: 'saved'; savedTo: string | null; errors: Msg[] };

/** Worker → page: a training event, or the trained network to be written by the host. */
export type FromPageTrainer = { type: 'event'; event: TrainerEvent } | { type: 'save'; files: ModelFiles };

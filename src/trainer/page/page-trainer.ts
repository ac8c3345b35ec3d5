/**
 * The page's trainer: a dedicated worker of ConvStudio's window training on the graphics card with the
 * browser's own WebGPU (webgpu-in-page.ts) — inside Electron, where no process trainer can reach the GPU,
 * and in the browser host alike. It runs the trainer process's own loop (train-loop.ts) on the images the
 * host loaded and the page passed in, steered by the same pause, resume and stop, and hands the trained
 * network to the page, which has the host write it as the run's model. The window's own thread never
 * trains, so it never freezes.
 */
import * as tf from '@tensorflow/tfjs';
import {
  analyse,
  msg,
  seededRandom,
  type FromPageTrainer,
  type Msg,
  type PageBackend,
  type PageRunStart,
  type Project,
  type ToPageTrainer,
  type TrainerEvent,
} from '../../core/index.ts';
import { layersModelFiles } from '../train/model-files.ts';
import { buildModel, gapProblem, modelNameOf } from '../train/network-model.ts';
import { trainingGap } from '../train/preflight.ts';
import { newSteering } from '../train/run-control.ts';
import { inputShapeOf, runData } from '../train/run-data.ts';
import { giveStartingWeights } from '../train/start-from.ts';
import { TfjsEngine } from '../train/tfjs-engine.ts';
import { timeTrainingSteps } from '../train/time-steps.ts';
import { trainAndTest } from '../train/train-loop.ts';
import { TrainingProblem } from '../train/training-problem.ts';
import { startPageGpu } from './gpu-in-page.ts';

/** The little of a dedicated worker's scope used here (the trainer's TypeScript has no DOM library). */
interface WorkerScope {
  postMessage(message: FromPageTrainer, transfer?: ArrayBuffer[]): void;
  onmessage: ((event: { data: ToPageTrainer }) => void) | null;
}
const scope = globalThis as unknown as WorkerScope;
const emit = (event: TrainerEvent) => scope.postMessage({ type: 'event', event });

const steering = newSteering();
const control = steering.control;
let answerSave: ((reply: { savedTo: string | null; errors: Msg[] }) => void) | null = null;

/** Hands the trained network to the page and waits for the host to have written it. */
async function saveThroughPage(model: tf.LayersModel): Promise<void> {
  const files = await layersModelFiles(model);
  const reply = await new Promise<{ savedTo: string | null; errors: Msg[] }>((resolve) => {
    answerSave = resolve;
    scope.postMessage({ type: 'save', files });
  });
  if (!reply.savedTo) throw new TrainingProblem(reply.errors[0] ?? msg('train.pageModelMismatch'), true);
}

/**
 * The project's network built on the graphics card (WebGPU or WebGL), which the backend event names; refused
 * where that does not start here or lacks one of the network's kernels.
 */
async function networkOnGpu(project: Project, backend: PageBackend, allowSoftware: boolean): Promise<tf.LayersModel> {
  const name = backend === 'webgl' ? 'WebGL' : 'WebGPU';
  const gpu = await startPageGpu(backend, allowSoftware);
  if (!gpu.ok) throw new TrainingProblem(msg('backend.unavailable', { backend: name, reason: gpu.reason }), false);
  // What computes is what the run says: a backend that fell back would be named here, not the one asked for.
  if (tf.getBackend() !== backend) {
    throw new TrainingProblem(msg('backend.failedToStart', { backend: name }), false);
  }
  const reasons = {
    webgpu: gpu.software ? 'backend.webgpuSoftwareAdapter' : 'backend.webgpuPage',
    webgl: gpu.software ? 'backend.webglSoftware' : 'backend.webglPage',
  } as const;
  emit({
    type: 'backend',
    chosen: backend,
    threads: null,
    device: { kind: 'gpu', name: gpu.adapter },
    measured: [],
    reports: [{ backend, available: true, reason: msg(reasons[backend], { adapter: gpu.adapter }) }],
  });
  inputShapeOf(analyse(project.graph));
  const model = buildModel(project.graph, modelNameOf(project.meta.name));
  const gap = trainingGap(model);
  if (gap) {
    model.dispose();
    throw new TrainingProblem(gapProblem(gap, project.graph), false);
  }
  return model;
}

async function train(start: PageRunStart): Promise<void> {
  const { project, testOnly } = start;
  const model = await networkOnGpu(project, start.backend, start.allowSoftware);
  const settings = project.training;
  // The host loaded the images in the run's class order and number: nothing more to take or reorder.
  const loaded = runData(analyse(project.graph), start.data, { project, limitSamples: null, startFrom: null });
  const { dataset, all, event } = loaded;
  emit(event);
  const random = seededRandom(settings.seed);
  giveStartingWeights(model, { startFrom: start.startFrom, testOnly }, start.startFrom?.files ?? null, emit);
  const sets = { train: all, test: dataset.test };
  const classes = dataset.classes.length;
  const engine = new TfjsEngine(model, settings, sets, classes, random, control, saveThroughPage);
  try {
    const run = { settings, testOnly, saveDir: 'host', random };
    await trainAndTest(engine, run, { dataset, all, trainCount: event.train }, emit, control);
  } finally {
    engine.dispose();
  }
}

async function probe(project: Project, backend: PageBackend, allowSoftware: boolean): Promise<void> {
  const model = await networkOnGpu(project, backend, allowSoftware);
  const samplesPerSecond = await timeTrainingSteps(model, project.training);
  emit({ type: 'speed', samplesPerSecond, backend, threads: null });
}

function failed(error: unknown): TrainerEvent {
  if (error instanceof TrainingProblem)
    return { type: 'error', message: error.problem, training: error.duringTraining };
  const detail = error instanceof Error ? error.message : String(error);
  return { type: 'error', message: msg('train.internal', { detail }), training: true };
}

let started = false;
scope.onmessage = ({ data }) => {
  switch (data.type) {
    case 'start':
    case 'probe':
      if (!started) {
        started = true;
        const job = data.type === 'start' ? train(data) : probe(data.project, data.backend, data.allowSoftware);
        void job.catch((error: unknown) => emit(failed(error)));
      }
      break;
    case 'pause':
    case 'resume':
    case 'stop': {
      const said = steering.steer(data.type);
      if (said) emit(said);
      break;
    }
    case 'saved':
      answerSave?.(data);
      answerSave = null;
      break;
  }
};

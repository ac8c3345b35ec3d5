/**
 * The owner of a run of the page's trainer (src/trainer/page/page-trainer.ts, a worker of this window on the
 * graphics card): the host loads the run's data (`train.prepare`) and gives it in parts, the worker trains
 * and streams the training protocol's events, and the network it trained goes back to the host to be saved
 * as the run's model. Pause, resume and stop are the protocol's; a worker that fails or stops answering is
 * ended, and the run says so, as a process trainer's crash is said.
 */
import {
  base64ToBytes,
  bytesToBase64,
  layersModelJsonSchema,
  msg,
  type ApiParams,
  type ImageSet,
  type FromPageTrainer,
  type Msg,
  type PageBackend,
  type PageRunStart,
  type ToPageTrainer,
  type ProbeResult,
  type Project,
  type TrainerEvent,
} from '@core/index.ts';
import { api } from '../api/api.ts';

/** Images asked for at once: the host answers at most 16 MB of them. */
const PART_IMAGES = 20_000;
/** How long a stopped worker may take to say it stopped before it is ended. */
const STOP_GRACE_MS = 2_000;

export interface PageRun {
  runId: string;
  pause(): void;
  resume(): void;
  stop(): void;
}

type Started = { ok: true; run: PageRun } | { ok: false; errors: Msg[] };

/** One set of a prepared run's images, taken from the host part by part. */
async function fetchImages(
  runId: string,
  set: 'train' | 'test',
  about: { count: number; shape: [number, number, number] },
): Promise<ImageSet | null> {
  const size = about.shape[0] * about.shape[1] * about.shape[2];
  const pixels = new Uint8Array(about.count * size);
  const labels = new Uint8Array(about.count);
  for (let start = 0; start < about.count;) {
    const part = await api['train.data']({ runId, set, start, count: PART_IMAGES });
    if (!part.ok || !part.value) return null;
    const got = base64ToBytes(part.value.labels);
    if (got.length === 0) return null;
    labels.set(got, start);
    pixels.set(base64ToBytes(part.value.pixels), start * size);
    start += got.length;
  }
  return { pixels, labels, count: about.count, shape: about.shape };
}

/** A new worker of the page's trainer: ConvStudio's own code, bundled with the page. */
const pageTrainer = () =>
  new Worker(new URL('../../../trainer/page/page-trainer.ts', import.meta.url), { type: 'module' });

/** How fast the project's network trains on the graphics card here: the trainer's probe, in a worker. */
export function probePageSpeed(project: Project, backend: PageBackend, allowSoftware: boolean): Promise<ProbeResult> {
  let worker: Worker;
  try {
    worker = pageTrainer();
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return Promise.resolve({ ok: false, errors: [msg('train.pageWorkerFailed', { detail })] });
  }
  return new Promise<ProbeResult>((resolve) => {
    const answer = (result: ProbeResult) => {
      worker.terminate();
      resolve(result);
    };
    worker.onmessage = ({ data }: MessageEvent<FromPageTrainer>) => {
      if (data.type !== 'event') return;
      const event = data.event;
      if (event.type === 'speed')
        answer({ ok: true, samplesPerSecond: event.samplesPerSecond, backend, threads: null });
      else if (event.type === 'error') answer({ ok: false, errors: [event.message] });
    };
    worker.onerror = (event) => {
      event.preventDefault();
      answer({ ok: false, errors: [msg('train.pageWorkerFailed', { detail: event.message || 'worker error' })] });
    };
    const message: ToPageTrainer = { type: 'probe', project, backend, allowSoftware };
    worker.postMessage(message);
  });
}

/** The saved network a fine-tune starts from, as its files; null where the host no longer has it. */
async function startingFiles(runId: string): Promise<NonNullable<PageRunStart['startFrom']>['files']> {
  const result = await api['train.model']({ runId });
  if (!result.ok || !result.value) return null;
  return { modelJson: result.value.modelJson, weights: base64ToBytes(result.value.weights) };
}

/**
 * Starts a run on the graphics card; `onEvent` hears its events (the run's id first known from the result).
 * `allowSoftware`: train on a software adapter or renderer where no other exists (chosen by hand).
 */
export async function startPageRun(
  request: Omit<ApiParams<'train.prepare'>, 'project'> & {
    project: Project;
    backend: PageBackend;
    allowSoftware: boolean;
  },
  onEvent: (runId: string, event: TrainerEvent) => void,
): Promise<Started> {
  const { allowSoftware, backend, ...run } = request;
  const prepared = await api['train.prepare'](run);
  if (!prepared.ok) return { ok: false, errors: prepared.error.messages };
  if (!prepared.value.ok) return prepared.value;
  const { runId, name, classes } = prepared.value;
  const [train, test] = [
    await fetchImages(runId, 'train', prepared.value.train),
    await fetchImages(runId, 'test', prepared.value.test),
  ];
  if (!train || !test) return { ok: false, errors: [msg('train.pageRunUnknown')] };
  const from = request.startFrom;
  const startFrom = from ? { runId: from.runId, files: await startingFiles(from.runId) } : null;

  let worker: Worker;
  try {
    worker = pageTrainer();
  } catch (error) {
    // A window that may not start workers (a policy, a file:// page that forbids them): said, not thrown.
    void api['train.release']({ runId });
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, errors: [msg('train.pageWorkerFailed', { detail })] };
  }
  const tell = (message: ToPageTrainer, transfer: Transferable[] = []) => worker.postMessage(message, transfer);
  let over = false;
  let savedTo: string | null = null;
  const end = (event: TrainerEvent) => {
    if (over) return;
    over = true;
    worker.terminate();
    void api['train.release']({ runId });
    onEvent(runId, event.type === 'done' ? { ...event, savedTo: event.savedTo && savedTo } : event);
  };
  worker.onmessage = async ({ data }: MessageEvent<FromPageTrainer>) => {
    if (data.type === 'event') {
      if (data.event.type === 'done' || data.event.type === 'error') end(data.event);
      else if (!over) onEvent(runId, data.event);
      return;
    }
    // The trained network: the host checks and writes it as the run's model.
    const modelJson = layersModelJsonSchema.safeParse(data.files.modelJson);
    const result = modelJson.success
      ? await api['train.saveModel']({ runId, modelJson: modelJson.data, weights: bytesToBase64(data.files.weights) })
      : null;
    const saved = result?.ok ? result.value : { ok: false as const, errors: [msg('train.pageModelMismatch')] };
    if (saved.ok) savedTo = saved.savedTo;
    tell({ type: 'saved', savedTo: saved.ok ? saved.savedTo : null, errors: saved.ok ? [] : saved.errors });
  };
  const crashed = (detail: string) =>
    end({ type: 'error', message: msg('train.pageWorkerFailed', { detail }), training: true });
  worker.onerror = (event) => {
    event.preventDefault();
    crashed(event.message || 'worker error');
  };
  worker.onmessageerror = () => crashed('unreadable message');

  const data = { name, classes, train, test };
  const start: PageRunStart = {
    type: 'start',
    project: run.project,
    data,
    startFrom,
    testOnly: run.testOnly ?? false,
    backend,
    allowSoftware,
  };
  tell(start, [train.pixels.buffer, train.labels.buffer, test.pixels.buffer, test.labels.buffer]);
  return {
    ok: true,
    run: {
      runId,
      pause: () => tell({ type: 'pause' }),
      resume: () => tell({ type: 'resume' }),
      stop: () => {
        tell({ type: 'stop' });
        setTimeout(() => end({ type: 'done', stopped: true, savedTo: null }), STOP_GRACE_MS);
      },
    },
  };
}

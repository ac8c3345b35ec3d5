/**
 * Training as the page sees it: the run in progress (built from the host's events by core's
 * applyTrainerEvent), what the trainer said about backends and data, the dataset shown in the Data panel,
 * and which finished run is on screen. Finished runs go into the project (its `runs`), so they are saved
 * with it.
 */
import { create } from 'zustand';
import {
  analyse,
  applyTrainerEvent,
  MAX_RUNS,
  newRunRecord,
  type BackendChoice,
  type BackendReport,
  type DatasetDescription,
  type Graph,
  type HostEvent,
  type Msg,
  type PageBackend,
  type Project,
  type RunRecord,
  type SampleImage,
  type TrainerEvent,
  type MeasuredSpeed,
  type BackendName,
} from '@core/index.ts';
import { api, subscribeToHost } from '../api/api.ts';
import { currentProject, useEditor } from './editor-store.ts';
import { chooseAutomatically, measuredFor, sameAs, type AutoChoice, type MeasuredFor } from './auto-trainer.ts';
import { probePageSpeed, startPageRun, type PageRun } from './page-run.ts';

export interface LiveRun {
  runId: string;
  record: RunRecord;
  progress: Extract<TrainerEvent, { type: 'progress' }> | null;
  /** After the last epoch, the test images checked so far. */
  testing: Extract<TrainerEvent, { type: 'testing' }> | null;
  reports: BackendReport[];
  /** What an automatic choice measured before the run (in the window, or the host's trainer), to choose. */
  measured: MeasuredSpeed[];
  /** The backends the host's trainer is timing on the network before it chooses, until it has chosen. */
  measuring: BackendName[] | null;
  paused: boolean;
  stopping: boolean;
  images: RunImages;
}

/** Test images that came with a run's results: the ones it got wrong, and a few of each class. */
export interface RunImages {
  mistakes: SampleImage[];
  examples: SampleImage[];
}

export interface DataPanelState {
  loading: boolean;
  dataset: DatasetDescription | null;
  errors: Msg[];
}

export type ProbeState =
  | { status: 'measuring' }
  /** `graph`: the network measured (an edit makes the figure stale). */
  | { status: 'done'; samplesPerSecond: number; threads: number | null; graph: Graph }
  | { status: 'failed'; errors: Msg[] };

export interface TrainingState {
  live: LiveRun | null;
  /** Problems that kept a run from starting. */
  startErrors: Msg[];
  data: DataPanelState;
  /** The finished run on screen (an id from the project's runs), and one to overlay on its charts. */
  shownRunId: string | null;
  compareRunId: string | null;
  /** Test images of runs finished in this session (not saved with the project). */
  images: Record<string, RunImages>;
  /** Train on this fraction of the training images only (the quick-try preset); null for all. */
  sampleFraction: number | null;
  /** CPU threads for WebAssembly training (this machine's choice, not the project's); null: automatic. */
  threads: number | null;
  /** Where training runs (this machine's choice, not the project's): automatic, or one backend. */
  backend: BackendChoice;
  /** The last speed measurement of the network on this machine (train.probe), or its problems. */
  probe: ProbeState | null;
  /** Fine-tuning: the run (or imported weights) whose weights the next run starts from; null: random weights. */
  startFrom: string | null;
  /** The question "stop training to edit the network?", when an edit was refused. */
  stopToEditAsked: boolean;
  set(partial: Partial<Omit<TrainingState, 'set'>>): void;
}

export const useTraining = create<TrainingState>()((set) => ({
  live: null,
  startErrors: [],
  data: { loading: false, dataset: null, errors: [] },
  shownRunId: null,
  compareRunId: null,
  images: {},
  stopToEditAsked: false,
  sampleFraction: null,
  threads: null,
  backend: 'auto',
  probe: null,
  startFrom: null,
  set: (partial) => set(partial),
}));

export const NO_IMAGES: RunImages = { mistakes: [], examples: [] };

/** A run is going on (the network is locked then). */
export const isRunning = (live: LiveRun | null): live is LiveRun => live !== null && live.record.status === 'running';

/** The same, as a store selector. */
export const selectRunning = (state: TrainingState): boolean => isRunning(state.live);

/** How many training images a quick try uses: its fraction of the dataset on screen (MNIST if none). */
function sampleLimit(state: TrainingState): number | null {
  if (state.sampleFraction === null) return null;
  const dataset = state.data.dataset;
  const total = dataset ? dataset.train + dataset.validation : 60_000;
  return Math.max(1, Math.round(total * state.sampleFraction));
}

/** The training images a run of the open project takes per epoch (the quick try's share, or all). */
export function imagesPerEpoch(state: TrainingState): number {
  const dataset = state.data.dataset;
  const train = dataset ? dataset.train : 54_000;
  return state.sampleFraction === null ? train : Math.max(1, Math.round(train * state.sampleFraction));
}

/** Measures how fast this machine trains the open project's network, for the time a run will take. */
export async function probeSpeed(): Promise<void> {
  const store = useTraining.getState();
  if (isRunning(store.live) || store.probe?.status === 'measuring') return;
  const project = currentProject(useEditor.getState());
  store.set({ probe: { status: 'measuring' } });
  const measured = { ...project, runs: [] };
  const where = await whereToTrain(store.backend, measured, store.threads);
  const result =
    where.measured.length > 0
      ? ({
          ok: true,
          samplesPerSecond: Math.max(...where.measured.map((m) => m.samplesPerSecond)),
          threads: null,
        } as const)
      : where.trainer !== 'host'
        ? await probePageSpeed(measured, where.trainer, store.backend === where.trainer)
        : await api['train.probe']({ project: measured, threads: store.threads, backend: store.backend }).then((r) =>
            r.ok ? r.value : { ok: false as const, errors: r.error.messages },
          );
  const after = useTraining.getState();
  if (!result.ok) return after.set({ probe: { status: 'failed', errors: result.errors } });
  const { samplesPerSecond, threads } = result;
  after.set({ probe: { status: 'done', samplesPerSecond, threads, graph: project.graph } });
}

/** Starts training the open project, from the weights chosen in the Training panel (random if none). */
export function startTraining(): Promise<void> {
  const project = currentProject(useEditor.getState());
  return startRun(startingWeights(project.runs, useTraining.getState().startFrom), false);
}

/** Tests a finished run's (or imported model's) weights on the dataset's test images, without training. */
export function testWeights(runId: string): Promise<void> {
  const project = currentProject(useEditor.getState());
  return startRun(startingWeights(project.runs, runId), true);
}

/** The run going on in this window's trainer (on the graphics card), if that is where it trains. */
let pageRun: PageRun | null = null;
/** A run being started (the page's trainer first has its data loaded): a second press waits for it. */
let starting = false;

/** A software renderer or adapter: the processor doing a graphics card's work. */
const SOFTWARE_RENDERER = /swiftshader|llvmpipe|softpipe|software/i;

/** The API through which this window reaches a graphics card (not a software one): WebGPU, else WebGL. */
async function windowGpu(): Promise<PageBackend | null> {
  type Gpu = { requestAdapter(): Promise<{ info?: { isFallbackAdapter?: boolean } } | null> };
  const adapter = await (navigator as { gpu?: Gpu }).gpu?.requestAdapter().catch(() => null);
  if (adapter && !adapter.info?.isFallbackAdapter) return 'webgpu';
  const gl = document.createElement('canvas').getContext('webgl2');
  if (!gl) return null;
  const info = gl.getExtension('WEBGL_debug_renderer_info');
  const renderer = String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
  gl.getExtension('WEBGL_lose_context')?.loseContext();
  return SOFTWARE_RENDERER.test(renderer) ? null : 'webgl';
}

/** The last automatic choice, kept while the network, its training settings and the threads stay the same. */
let lastChoice: (MeasuredFor & { choice: AutoChoice }) | null = null;
/** What the host's trainer measured for the last automatic run, kept the same way and given to the next. */
let lastHostMeasured: (MeasuredFor & { measured: MeasuredSpeed[] }) | null = null;
/** What the host's run under way is measuring for, while it may. */
let hostRunFor: MeasuredFor | null = null;

/**
 * Where a run of `project` trains: in this window on the graphics card when WebGPU or WebGL is chosen (a
 * software adapter then too), on the host's trainer for the other backends, and as auto-trainer.ts decides
 * for an automatic choice (with the figures that decided, if it measured).
 */
async function whereToTrain(backend: BackendChoice, project: Project, threads: number | null): Promise<AutoChoice> {
  if (backend !== 'auto') {
    return { trainer: backend === 'webgpu' || backend === 'webgl' ? backend : 'host', measured: [] };
  }
  const key = measuredFor(project, threads);
  if (sameAs(lastChoice, key)) return lastChoice!.choice;
  const choice = await chooseAutomatically({
    windowGpu,
    torchOnGpu: async () => {
      const torch = await api['train.gpuEngine']({});
      return !torch.ok || torch.value;
    },
    measurePage: async (gpu) => {
      const result = await probePageSpeed(project, gpu, false);
      return result.ok ? result.samplesPerSecond : null;
    },
    measureHost: async () => {
      const result = await api['train.probe']({ project, backend: 'wasm', threads });
      return result.ok && result.value.ok ? result.value.samplesPerSecond : null;
    },
  });
  lastChoice = { ...key, choice };
  return choice;
}

async function startRun(from: RunRecord | null, testOnly: boolean): Promise<void> {
  if (isRunning(useTraining.getState().live) || starting) return;
  starting = true;
  try {
    await startRunNow(from, testOnly);
  } finally {
    starting = false;
  }
}

async function startRunNow(from: RunRecord | null, testOnly: boolean): Promise<void> {
  const limitSamples = sampleLimit(useTraining.getState());
  const project = currentProject(useEditor.getState());
  useTraining.getState().set({ startErrors: [] });
  const { threads, backend } = useTraining.getState();
  const startFrom = from && { runId: from.id, classes: from.dataset?.classes ?? from.imported?.labels ?? null };
  const run = { project: { ...project, runs: [] }, limitSamples, startFrom, testOnly };
  let runId: string | null = null;
  pageRun = null;
  const where = await whereToTrain(backend, run.project, threads);
  if (where.trainer !== 'host') {
    const chosen = backend === where.trainer;
    const page = { ...run, backend: where.trainer, allowSoftware: chosen };
    const started = await startPageRun(page, onTrainingEvent);
    // Chosen by hand, its problem is the answer; chosen automatically, the host's trainer takes the run.
    if (!started.ok && chosen) return useTraining.getState().set({ startErrors: started.errors });
    if (started.ok) {
      pageRun = started.run;
      runId = started.run.runId;
    }
  }
  if (runId === null) {
    // Under Automatic, what the host measured for this very network, settings and threads is not measured again.
    const key = measuredFor(run.project, threads);
    const measured = backend === 'auto' && sameAs(lastHostMeasured, key) ? lastHostMeasured!.measured : [];
    hostRunFor = backend === 'auto' ? key : null;
    const result = await api['train.start']({ ...run, backend, threads, measured });
    if (!result.ok) return useTraining.getState().set({ startErrors: result.error.messages });
    if (!result.value.ok) return useTraining.getState().set({ startErrors: result.value.errors });
    runId = result.value.runId;
  }
  const totals = analyse(project.graph).totals;
  const record = newRunRecord({
    id: runId,
    startedAt: new Date().toISOString(),
    settings: project.training,
    network: { params: totals.total, layers: project.graph.nodes.length },
    testOnly,
  });
  useTraining.getState().set({
    live: {
      runId: record.id,
      record,
      progress: null,
      testing: null,
      reports: [],
      measured: where.measured,
      measuring: null,
      paused: false,
      stopping: false,
      images: NO_IMAGES,
    },
    shownRunId: null,
  });
  useEditor.getState().setLock(() => useTraining.getState().set({ stopToEditAsked: true }));
}

/**
 * Shows a finished run of the open project in the Train view: a trained model's imported weights once it
 * opens, which are then what the next run starts from (fine-tuning).
 */
export function showRun(runId: string): void {
  const state = useTraining.getState();
  if (!isRunning(state.live)) state.set({ live: null, shownRunId: runId, startFrom: runId });
}

/** The runs whose saved weights a new run can start from: finished, with their model kept, newest first. */
export function weightSources(runs: readonly RunRecord[]): RunRecord[] {
  return runs.filter((r) => r.status === 'done' && r.modelDir !== null).reverse();
}

/** The run the next run starts from, if it is still one of the project's (another file may be open now). */
export function startingWeights(runs: readonly RunRecord[], startFrom: string | null): RunRecord | null {
  return weightSources(runs).find((r) => r.id === startFrom) ?? null;
}

export function pauseOrResume(): void {
  const live = useTraining.getState().live;
  if (!live || !isRunning(live)) return;
  if (pageRun?.runId === live.runId) return live.paused ? pageRun.resume() : pageRun.pause();
  void api[live.paused ? 'train.resume' : 'train.pause']({ runId: live.runId });
}

export function stopTraining(): void {
  const live = useTraining.getState().live;
  if (!live || !isRunning(live)) return;
  useTraining.getState().set({ live: { ...live, stopping: true } });
  if (pageRun?.runId === live.runId) return pageRun.stop();
  void api['train.stop']({ runId: live.runId });
}

/** Keeps a finished run in the project, the newest MAX_RUNS of them. */
function keepRun(record: RunRecord): void {
  useEditor.getState().updateSettings((settings) => ({
    ...settings,
    runs: [...settings.runs.filter((r) => r.id !== record.id), record].slice(-MAX_RUNS),
  }));
}

function onTrainingEvent(runId: string, event: TrainerEvent): void {
  const state = useTraining.getState();
  const live = state.live;
  if (!live || live.runId !== runId) return;
  const record = applyTrainerEvent(live.record, event);
  const next: LiveRun = { ...live, record };
  switch (event.type) {
    case 'measuring':
      next.measuring = event.backends;
      break;
    case 'backend':
      next.measuring = null;
      next.reports = event.reports;
      // The host's trainer measured to decide (the window's own measurement came with the run's start).
      if (event.measured.length > 0) {
        next.measured = event.measured;
        if (hostRunFor) lastHostMeasured = { ...hostRunFor, measured: event.measured };
      }
      break;
    case 'progress':
      next.progress = event;
      break;
    case 'testing':
      next.testing = event;
      break;
    case 'paused':
    case 'resumed':
      next.paused = event.type === 'paused';
      break;
    case 'evaluation':
      next.images = { mistakes: event.gallery, examples: event.examples };
      break;
  }
  if (record.status !== 'running') {
    keepRun(record);
    useEditor.getState().setLock(null);
    state.set({
      live: next,
      shownRunId: record.id,
      images: { ...state.images, [record.id]: next.images },
      stopToEditAsked: false,
    });
    return;
  }
  state.set({ live: next });
}

/** Routes the host's events into the store; call once. */
export function listenToTrainer(): () => void {
  return subscribeToHost((event: HostEvent) => {
    if (event.type === 'training') onTrainingEvent(event.runId, event.event);
  });
}

/** Describes the project's dataset unless that is done, under way, or failed (then a new choice asks). */
export function describeDataOnce(): void {
  const { data } = useTraining.getState();
  if (!data.dataset && !data.loading && data.errors.length === 0) void describeData();
}

/** Describes the project's dataset for the Data panel. */
export async function describeData(): Promise<void> {
  const { settings, history } = useEditor.getState();
  const binding = settings.dataset;
  if (!binding) return useTraining.getState().set({ data: { loading: false, dataset: null, errors: [] } });
  const input = analyse(history.present.graph).nodes.find((n) => n.type === 'Input')?.outputShape;
  const inputShape: [number, number, number] =
    input?.length === 3 && input.every((d) => typeof d === 'number' && d > 0)
      ? (input as [number, number, number])
      : [28, 28, 1];
  useTraining.getState().set({ data: { loading: true, dataset: null, errors: [] } });
  const result = await api['dataset.describe']({
    dataset: binding,
    inputShape,
    validationSplit: settings.training.validationSplit,
  });
  const data: DataPanelState = !result.ok
    ? { loading: false, dataset: null, errors: result.error.messages }
    : result.value.ok
      ? { loading: false, dataset: result.value.dataset, errors: [] }
      : { loading: false, dataset: null, errors: result.value.errors };
  useTraining.getState().set({ data });
}

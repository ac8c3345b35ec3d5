/**
 * Training for the app's hosts (Electron main, the browser host): one run at a time in a trainer process,
 * its events pushed to the page, its model saved in the app's data folder under runs/<run id>. Describing
 * a dataset runs in a trainer process too, so a malformed file can never take the host down.
 */
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import pLimit from 'p-limit';
import {
  analyse,
  importedRunRecord,
  importedPixelsNotice,
  layersModelJsonSchema,
  weightBytes,
  weightsNotImported,
  msg,
  type ApiHandlers,
  type ApiArgs,
  type DescribeResult,
  type PrepareResult,
  type ProbeResult,
  type HostEvent,
  type StartResult,
  type TrainedModel,
  type TrainerJob,
  type TrainerEvent,
  type Msg,
  type Project,
} from '../core/index.ts';
import {
  askTrainer,
  forkTrainer,
  startTrainer,
  type LaunchTrainer,
  type TrainerAnswer,
  type TrainerRun,
} from './trainer-client.ts';
import { findTorch, gpuForTorch } from '../trainer/pytorch/find-torch.ts';
import { readModelFolder } from '../trainer/train/read-model-folder.ts';
import { PageRuns } from './page-runs.ts';

/** PyTorch with a graphics card: a driver seen without starting Python, then a Python whose torch sees it. */
async function torchOnGpu(): Promise<boolean> {
  if (!gpuForTorch()) return false;
  const found = await findTorch();
  return found.ok && found.device.kind !== 'cpu';
}

/** Dataset descriptions that run side by side, each in a trainer process of its own. */
export const DESCRIBE_AT_ONCE = 2;

export interface TrainingServiceOptions {
  dataDir: string;
  emit(event: HostEvent): void;
  launch?: LaunchTrainer;
}

type TrainingHandlers = Pick<
  ApiHandlers,
  | 'train.start'
  | 'train.gpuEngine'
  | 'train.prepare'
  | 'train.data'
  | 'train.saveModel'
  | 'train.release'
  | 'train.probe'
  | 'train.pause'
  | 'train.resume'
  | 'train.stop'
  | 'train.model'
  | 'dataset.describe'
>;

/** A run's id: when it started, and enough randomness that two never meet. */
const newRunId = () => `run-${new Date().toISOString().replace(/[:.]/g, '-')}-${randomUUID().slice(0, 8)}`;

/** A trained model file opened: its network with the imported weights as a run, and what to tell the person. */
export type ImportResult = { ok: true; project: Project; notices: Msg[] } | { ok: false; errors: Msg[] };

export class TrainingService {
  /** The run going on, as the page sees it: over once it reports done or an error. */
  private current: { id: string; run: TrainerRun } | null = null;
  /** Trainer processes not yet ended (a finished run's process may still be exiting). */
  private readonly live = new Set<TrainerRun>();
  private readonly launch: LaunchTrainer;
  /**
   * Dataset descriptions waiting for a trainer process: at most this many at once (twelve at once started
   * twelve processes, 2.5 GB); the rest wait their turn.
   */
  private readonly describing = pLimit(DESCRIBE_AT_ONCE);
  private readonly pageRuns = new PageRuns();
  /** Whether PyTorch trains on a graphics card here, asked of Python once. */
  private gpuEngine: Promise<boolean> | null = null;

  constructor(private readonly options: TrainingServiceOptions) {
    this.launch = options.launch ?? (() => forkTrainer());
  }

  /** Whether a run is going on. */
  get running(): boolean {
    return this.current !== null;
  }

  /** Where a run's trained model is saved. */
  modelDir(runId: string): string {
    return join(this.options.dataDir, 'runs', runId);
  }

  /** Why a run cannot start, wherever it would train; none where it can. */
  private startProblems(params: ApiArgs<'train.prepare'>): Msg[] {
    if (this.current) return [msg('train.alreadyRunning')];
    const { project } = params;
    const errors = analyse(project.graph).diagnostics.filter((d) => d.severity === 'error');
    if (errors.length > 0) return errors.map((d) => d.message);
    if (!project.dataset) return [msg('train.noDataset')];
    if (params.testOnly && !params.startFrom) return [msg('train.testNeedsWeights')];
    return [];
  }

  start(params: ApiArgs<'train.start'>): StartResult {
    const problems = this.startProblems(params);
    const dataset = params.project.dataset;
    if (problems.length > 0 || !dataset) return { ok: false, errors: problems };
    const { project } = params;
    const id = newRunId();
    const run = startTrainer(
      {
        type: 'start',
        project,
        dataset,
        backend: params.backend,
        threads: params.threads,
        limitSamples: params.limitSamples,
        measured: params.measured,
        saveDir: this.modelDir(id),
        startFrom: params.startFrom && { ...params.startFrom, dir: this.modelDir(params.startFrom.runId) },
        testOnly: params.testOnly,
      },
      (event) => {
        // The run is over for the page once it says so: Train may be pressed again while the process exits.
        if ((event.type === 'done' || event.type === 'error') && this.current?.id === id) this.current = null;
        this.options.emit({ type: 'training', runId: id, event });
      },
      this.launch,
    );
    this.current = { id, run };
    this.live.add(run);
    void run.finished.then(() => {
      this.live.delete(run);
      if (this.current?.id === id) this.current = null;
    });
    return { ok: true, runId: id };
  }

  /**
   * A run of the page's trainer: its data loaded in a trainer process (a malformed file never takes the host
   * down) and held for `train.data`. The page then trains, and sends its network back (`saveModel`).
   */
  async prepare(params: ApiArgs<'train.prepare'>): Promise<PrepareResult> {
    const problems = this.startProblems(params);
    const dataset = params.project.dataset;
    if (problems.length > 0 || !dataset) return { ok: false, errors: problems };
    const { project, limitSamples, startFrom } = params;
    const { answer, errors } = await this.ask({ type: 'load', project, dataset, limitSamples, startFrom }, 'loaded');
    return answer ? this.pageRuns.hold(newRunId(), answer) : { ok: false, errors };
  }

  private withRun(runId: string, act: (run: TrainerRun) => void): null {
    if (this.current?.id === runId) act(this.current.run);
    return null;
  }

  describe(params: ApiArgs<'dataset.describe'>): Promise<DescribeResult> {
    return this.describing(() => this.describeNow(params));
  }

  private async describeNow(params: ApiArgs<'dataset.describe'>): Promise<DescribeResult> {
    const { answer, errors } = await this.ask(
      {
        type: 'describe',
        dataset: params.dataset,
        inputShape: params.inputShape,
        validationSplit: params.validationSplit,
      },
      'dataset',
    );
    return answer ? { ok: true, dataset: answer } : { ok: false, errors };
  }

  /** A speed probe, queued with the descriptions (each is a process of its own); refused while a run trains. */
  probe(params: ApiArgs<'train.probe'>): Promise<ProbeResult> {
    if (this.current) return Promise.resolve({ ok: false, errors: [msg('train.alreadyRunning')] });
    return this.describing(async () => {
      const { project, backend, threads } = params;
      const { answer, errors } = await this.ask({ type: 'probe', project, backend, threads }, 'speed');
      if (!answer) return { ok: false, errors };
      return { ok: true, samplesPerSecond: answer.samplesPerSecond, backend: answer.backend, threads: answer.threads };
    });
  }

  /** One question to a trainer process of its own, ended with the others when the host closes. */
  private ask<K extends TrainerEvent['type']>(
    command: Exclude<TrainerJob, { type: 'start' }>,
    answer: K,
  ): Promise<TrainerAnswer<K>> {
    return askTrainer(command, answer, this.launch, (run, running) =>
      running ? this.live.add(run) : this.live.delete(run),
    );
  }

  /**
   * Opens a trained model file in a trainer process (a malformed file never takes the host down): its
   * network, with the file's weights saved as a finished run of it ("imported weights"). Where the weights
   * cannot be taken the network opens without them, and the notices say why.
   */
  importModel(path: string, fileName: string): Promise<ImportResult> {
    return this.describing(async () => {
      const id = newRunId();
      const modelDir = this.modelDir(id);
      const { answer, errors } = await this.ask({ type: 'import', path, fileName, saveDir: modelDir }, 'imported');
      if (!answer) return { ok: false, errors };
      if (!answer.project) return { ok: false, errors: answer.errors };
      const { project, format, weights, labels } = answer;
      if (answer.weightProblems.length > 0) {
        return { ok: true, project, notices: weightsNotImported(fileName, answer.weightProblems) };
      }
      if (weights === 0) return { ok: true, project, notices: [] }; // a network with nothing to learn
      const params = analyse(project.graph).totals.total;
      const record = importedRunRecord({
        id,
        settings: project.training,
        network: { params, layers: project.graph.nodes.length },
        modelDir,
        imported: { file: fileName, format, weights, labels },
      });
      const pixels = importedPixelsNotice(project.graph, project.training.pixelRange);
      return {
        ok: true,
        project: { ...project, runs: [record] },
        notices: [msg('weights.imported', { file: fileName, params }), ...(pixels ? [pixels] : [])],
      };
    });
  }

  async model(runId: string): Promise<TrainedModel | null> {
    const files = await readModelFolder(this.modelDir(runId));
    const parsed = files && layersModelJsonSchema.safeParse(files.modelJson);
    // A model folder changed on disk is no model: its weights would not fit.
    if (!files || !parsed?.success || weightBytes(parsed.data) !== files.weights.byteLength) return null;
    const { buffer, byteOffset, byteLength } = files.weights;
    return { modelJson: parsed.data, weights: Buffer.from(buffer, byteOffset, byteLength).toString('base64') };
  }

  /** Ends any run at once: the host is closing. Never leaves an orphan trainer process. */
  async shutdown(): Promise<void> {
    this.describing.clearQueue();
    const runs = [...this.live];
    for (const run of runs) run.kill();
    await Promise.all(runs.map((run) => run.finished));
  }

  handlers(): TrainingHandlers {
    return {
      'train.start': async (params) => this.start(params),
      'train.probe': async (params) => this.probe(params),
      'train.gpuEngine': () => (this.gpuEngine ??= torchOnGpu()),
      'train.prepare': (params) => this.prepare(params),
      'train.data': async (params) => this.pageRuns.part(params),
      'train.saveModel': (params) => this.pageRuns.save(params, this.modelDir(params.runId)),
      'train.release': async ({ runId }) => (this.pageRuns.release(runId), null),
      'train.pause': async ({ runId }) => this.withRun(runId, (run) => run.pause()),
      'train.resume': async ({ runId }) => this.withRun(runId, (run) => run.resume()),
      'train.stop': async ({ runId }) => this.withRun(runId, (run) => run.stop()),
      'train.model': async ({ runId }) => this.model(runId),
      'dataset.describe': async (params) => this.describe(params),
    };
  }
}

/**
 * The PyTorch engine, seen from the trainer process: a Python process running pytorch-engine.py, which
 * trains the network of ConvStudio's PyTorch export on the device PyTorch has (CUDA, Apple's MPS, or the
 * processor). It gets the images once as raw bytes in a folder of its own, the starting weights in
 * TensorFlow.js's layout (Keras's initialisation, or the weights a fine-tune starts from), then one command
 * at a time over JSON lines; the trained weights come back in the same layout, so the run's saved model is
 * TensorFlow.js's as with every other engine and the page predicts and looks inside it unchanged.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createInterface } from 'node:readline';
import type * as tf from '@tensorflow/tfjs';
import {
  fromUnitRange,
  kerasWeightName,
  msg,
  type ImageSet,
  torchTrainingProgram,
  type Project,
  type TorchTrainingProgram,
  type TrainingSettings,
} from '../../core/index.ts';
import type { EpochSums, ImageSetName, Measured, TrainingEngine } from '../train/engine.ts';
import type { RunControl } from '../train/run-control.ts';
import { saveLayersModel } from '../train/model-folder.ts';
import { TrainingProblem } from '../train/training-problem.ts';
import { unpacked } from '../unpacked-path.ts';
import { torchOnCpu } from './find-torch.ts';

/** The engine's script: beside this file in the sources, beside the trainer in the build. */
const ENGINE_SCRIPT = unpacked(fileURLToPath(new URL('./pytorch-engine.py', import.meta.url)));
/** How often pause and stop are passed on to Python. */
const CONTROL_POLL_MS = 50;
/** How long Python has to end after `quit` before it is killed. */
const QUIT_GRACE_MS = 2000;

interface Answer {
  type: string;
  [key: string]: unknown;
}

export interface TorchEngineOptions {
  python: string;
  program: TorchTrainingProgram;
  /** The network as TensorFlow.js built it, with the weights the run starts from. */
  model: tf.LayersModel;
  settings: TrainingSettings;
  sets: Record<ImageSetName, ImageSet>;
  threads: number | null;
  /** 'cpu' makes PyTorch train on the processor even where it has a graphics card (tests). */
  device: 'auto' | 'cpu';
  control: RunControl;
}

async function writeImages(folder: string, name: ImageSetName, set: ImageSet) {
  const [h, w, c] = set.shape;
  const pixels = join(folder, `${name}-pixels.bin`);
  const labels = join(folder, `${name}-labels.bin`);
  await writeFile(pixels, set.pixels.subarray(0, set.count * h * w * c));
  await writeFile(labels, set.labels.subarray(0, set.count));
  return { pixels, labels, count: set.count, shape: set.shape };
}

function decodeInt32(base64: string): Int32Array {
  const bytes = Buffer.from(base64, 'base64');
  const out = new Int32Array(bytes.byteLength / 4);
  for (let i = 0; i < out.length; i++) out[i] = bytes.readInt32LE(4 * i);
  return out;
}

export class TorchEngine implements TrainingEngine {
  private readonly lines: AsyncIterator<string>;
  private stderr = '';
  private exited: string | null = null;
  private readonly poll: NodeJS.Timeout;
  private sentPause = false;
  private sentStop = false;

  private constructor(
    private readonly child: ChildProcessWithoutNullStreams,
    private readonly folder: string,
    private readonly control: RunControl,
  ) {
    this.lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
    child.stderr.on('data', (chunk: Buffer) => (this.stderr = (this.stderr + chunk.toString()).slice(-4000)));
    child.on('exit', (code, signal) => (this.exited = signal ?? `exit code ${code}`));
    // A Python that has ended makes the next write fail (EPIPE): its end is reported where the answer was
    // awaited, not as a crash of the trainer.
    child.stdin.on('error', () => {});
    this.poll = setInterval(() => this.passOnControl(), CONTROL_POLL_MS);
    this.poll.unref();
  }

  /** Starts Python, hands it the network, its weights and the images; resolves once it is ready to train. */
  static async start(options: TorchEngineOptions): Promise<TorchEngine> {
    const folder = await mkdtemp(join(tmpdir(), 'convstudio-torch-'));
    try {
      const initial = join(folder, 'initial');
      await saveLayersModel(options.model, initial);
      const manifest = JSON.parse(await readFile(join(initial, 'model.json'), 'utf8')) as {
        weightsManifest: { weights: { name: string; shape: number[] }[] }[];
      };
      const specs = manifest.weightsManifest[0]!.weights.map((w) => ({
        name: kerasWeightName(w.name),
        shape: w.shape,
      }));
      const setup = {
        type: 'setup',
        program: options.program.source,
        weights: { path: join(initial, 'weights.bin'), specs },
        train: await writeImages(folder, 'train', options.sets.train),
        test: await writeImages(folder, 'test', options.sets.test),
        pixels: fromUnitRange(options.settings.pixelRange),
        threads: options.threads,
        seed: options.settings.seed,
        device: options.device,
      };
      const child = spawn(options.python, ['-u', ENGINE_SCRIPT], {
        stdio: ['pipe', 'pipe', 'pipe'],
        windowsHide: true,
        env: { ...process.env, PYTHONUNBUFFERED: '1', PYTHONDONTWRITEBYTECODE: '1' },
      });
      const started = await new Promise<ChildProcessWithoutNullStreams | Error>((resolve) => {
        child.once('spawn', () => resolve(child));
        child.once('error', resolve);
      });
      if (started instanceof Error) {
        throw new TrainingProblem(msg('backend.pythonNotFound', { python: options.python }), false);
      }
      const engine = new TorchEngine(child, folder, options.control);
      await engine.ask(setup, ['ready']);
      return engine;
    } catch (error) {
      await rm(folder, { recursive: true, force: true });
      throw error;
    }
  }

  private send(command: object): void {
    if (this.exited === null && this.child.stdin.writable) this.child.stdin.write(`${JSON.stringify(command)}\n`);
  }

  private passOnControl(): void {
    if (this.control.stopped && !this.sentStop) {
      this.sentStop = true;
      this.send({ type: 'stop' });
    } else if (this.control.paused !== this.sentPause && !this.sentStop) {
      this.sentPause = this.control.paused;
      this.send({ type: this.control.paused ? 'pause' : 'resume' });
    }
  }

  /** Python's account of a failure, in the user's words; the technical detail goes along for a report. */
  private problem(answer: Answer | null, during: boolean): TrainingProblem {
    if (answer?.outOfMemory) return new TrainingProblem(msg('train.pytorchOutOfMemory'), during);
    const detail = answer
      ? String(answer.detail)
      : `${this.exited ?? 'no answer'}${this.stderr.trim() ? `: ${this.stderr.trim().split('\n').at(-1)}` : ''}`;
    return new TrainingProblem(msg('train.pytorchFailed', { detail }), during);
  }

  /** Sends a command and reads answers until one of `until`, passing the others to `onOther`. */
  private async ask(command: object, until: string[], onOther: (answer: Answer) => void = () => {}): Promise<Answer> {
    this.send(command);
    const during = (command as Answer).type !== 'setup';
    for (;;) {
      const next = await this.lines.next();
      if (next.done) {
        // The exit event may come after the last line: give it a moment, for the message.
        await new Promise((resolve) => setTimeout(resolve, 50));
        throw this.problem(null, during);
      }
      let answer: Answer;
      try {
        answer = JSON.parse(next.value) as Answer;
      } catch {
        continue;
      }
      if (answer.type === 'failed') throw this.problem(answer, during);
      if (until.includes(answer.type)) return answer;
      onOther(answer);
    }
  }

  async trainEpoch(
    epoch: number,
    order: Int32Array,
    batchSize: number,
    learningRate: number,
    onProgress: (sums: EpochSums) => void,
  ): Promise<EpochSums | null> {
    const sums = (answer: Answer): EpochSums => ({
      batches: answer.batches as number,
      seen: answer.seen as number,
      lossSum: answer.lossSum as number,
      accuracySum: answer.accuracySum as number,
      seconds: answer.seconds as number,
    });
    const orderBytes = Buffer.from(order.buffer, order.byteOffset, order.byteLength).toString('base64');
    const done = await this.ask(
      { type: 'epoch', order: orderBytes, batchSize, learningRate },
      ['epochDone', 'nan'],
      (a) => {
        if (a.type === 'progress') onProgress(sums(a));
      },
    );
    if (done.type === 'nan') {
      throw new TrainingProblem(msg('train.nan', { epoch, batch: done.batch as number, learningRate }), true);
    }
    if (done.stopped) return null;
    const last = sums(done);
    onProgress(last);
    return last;
  }

  async measure(
    set: ImageSetName,
    start: number,
    end: number,
    batchSize: number,
    onDone: (done: number) => void = () => {},
  ): Promise<Measured | null> {
    const answer = await this.ask({ type: 'measure', set, start, end, batchSize }, ['measured'], (a) => {
      if (a.type === 'measuring') onDone(a.done as number);
    });
    if (answer.stopped) return null;
    onDone(end - start);
    return {
      loss: answer.loss as number,
      accuracy: answer.accuracy as number,
      predictions: decodeInt32(answer.predictions as string),
    };
  }

  async keepBest(): Promise<void> {
    await this.ask({ type: 'keepBest' }, ['kept']);
  }

  async restoreBest(): Promise<void> {
    await this.ask({ type: 'restoreBest' }, ['restored']);
  }

  async save(dir: string): Promise<void> {
    const trained = join(this.folder, 'trained.bin');
    await this.ask({ type: 'save', path: trained }, ['saved']);
    const initial = join(this.folder, 'initial');
    const [before, after] = await Promise.all([stat(join(initial, 'weights.bin')), stat(trained)]);
    if (before.size !== after.size) {
      throw this.problem({ type: 'failed', detail: `weights of ${after.size} bytes, not ${before.size}` }, true);
    }
    await mkdir(dir, { recursive: true });
    await copyFile(join(initial, 'model.json'), join(dir, 'model.json'));
    await copyFile(trained, join(dir, 'weights.bin'));
  }

  dispose(): void {
    void this.close();
  }

  /** Ends the Python process (asked to quit, killed after a grace period) and resolves once it has exited. */
  close(): Promise<void> {
    clearInterval(this.poll);
    const exited = new Promise<void>((resolve) => {
      if (this.child.exitCode !== null || this.child.signalCode !== null) resolve();
      else this.child.once('exit', () => resolve());
    });
    this.send({ type: 'quit' });
    this.child.stdin.end();
    const kill = setTimeout(() => this.child.kill(), QUIT_GRACE_MS);
    kill.unref();
    void exited.then(() => clearTimeout(kill));
    void rm(this.folder, { recursive: true, force: true });
    return exited;
  }
}

/**
 * The PyTorch engine for a project: its training program from the export, started on the weights of
 * `model`, which is disposed whatever happens (PyTorch holds the weights from then on). Used by runs and by
 * the speed probe alike.
 */
export async function startTorchEngine(
  project: Project,
  python: string,
  model: tf.LayersModel,
  sets: Record<ImageSetName, ImageSet>,
  threads: number | null,
  control: RunControl,
): Promise<TorchEngine> {
  try {
    const built = torchTrainingProgram(project);
    if (!built.ok) throw new TrainingProblem(built.errors[built.errors.length - 1]!, false);
    return await TorchEngine.start({
      python,
      program: built.program,
      model,
      settings: project.training,
      sets,
      threads,
      device: torchOnCpu() ? 'cpu' : 'auto',
      control,
    });
  } finally {
    model.dispose();
  }
}

/**
 * Runs the trainer in a process of its own and speaks the training protocol with it. How the process is
 * started is the host's choice (`LaunchTrainer`): child_process.fork here, Electron's utilityProcess in the
 * app (src/main/utility-trainer.ts). A crash or out-of-memory in training ends that process only; the owner
 * hears of it as an error event. Stop asks the trainer to finish its batch and ends the process if it has
 * not gone within a second.
 */
import { fork } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  LAST_EVENTS,
  msg,
  trainerEventSchema,
  type Msg,
  type TrainerCommand,
  type TrainerEvent,
  type TrainerJob,
} from '../core/index.ts';
import { packageRoot, RUNS_FROM_SOURCES } from './package-root.ts';

/** The trainer as it is built (out/main/trainer.js): what Electron's utilityProcess and plain Node both run. */
export const trainerBundle = (): string => join(packageRoot(), 'out', 'main', 'trainer.js');
/** The trainer's TypeScript entry, run through tsx when ConvStudio itself runs from its sources. */
export const trainerSource = (): string => join(packageRoot(), 'src', 'trainer', 'trainer-process.ts');
export const STOP_GRACE_MS = 1_000;

/** A started trainer process, whatever started it. */
export interface TrainerProcess {
  send(command: TrainerCommand): void;
  onMessage(listener: (raw: unknown) => void): void;
  /** `crash` is null for a normal exit, otherwise the message saying what ended it. */
  onExit(listener: (crash: Msg | null) => void): void;
  kill(): void;
}

export type LaunchTrainer = () => TrainerProcess;

/** What ended a trainer, said for people who do not read exit codes: null for a normal exit. */
export function crashMessage(code: number | null, signal: string | null, stderr: string): Msg | null {
  if (code === 0) return null;
  if (stderr.includes('heap out of memory')) return msg('train.outOfMemory');
  if (signal) return msg('train.killed', { signal });
  return msg('train.crashed', { reason: `exit code ${code}` });
}

/**
 * Node's options for an entry: a `.ts` entry runs through tsx, named by its file so that Node does not look
 * for it from the working folder (where it is not, when `convstudio` runs in another folder).
 */
function execArgvFor(entry: string): string[] {
  if (!entry.endsWith('.ts')) return ['--no-warnings'];
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
  return ['--import', tsx, '--no-warnings'];
}

/**
 * Starts an entry with child_process.fork: by default the same form as the code that asks (the bundle from
 * the build, the TypeScript entry from the sources), so a test of the sources tests the sources' trainer.
 */
export function forkTrainer(entry = RUNS_FROM_SOURCES ? trainerSource() : trainerBundle()): TrainerProcess {
  const child = fork(entry, [], {
    execArgv: execArgvFor(entry),
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    // Structured clone, as Electron's ports: a run's images cross as bytes (protocol.ts).
    serialization: 'advanced',
  });
  let stderr = '';
  child.stderr?.on('data', (d) => (stderr = (stderr + d).slice(-2000)));
  return {
    send: (command) => {
      if (child.connected) child.send(command);
    },
    onMessage: (listener) => child.on('message', listener),
    onExit: (listener) => child.on('exit', (code, signal) => listener(crashMessage(code, signal, stderr))),
    kill: () => child.kill('SIGKILL'),
  };
}

export interface TrainerRun {
  pause(): void;
  resume(): void;
  stop(): void;
  /** Ends the process at once (tests; a host shutting down). */
  kill(): void;
  /** Resolves when the process has ended. */
  readonly finished: Promise<void>;
}

export function startTrainer(
  command: TrainerJob,
  onEvent: (event: TrainerEvent) => void,
  launch: LaunchTrainer = () => forkTrainer(),
): TrainerRun {
  const child = launch();
  let ended = false;
  let stopRequested = false;
  child.onMessage((raw) => {
    const parsed = trainerEventSchema.safeParse(raw);
    if (!parsed.success || ended) return;
    if (LAST_EVENTS.has(parsed.data.type)) ended = true;
    onEvent(parsed.data);
  });
  const finished = new Promise<void>((resolve) => {
    child.onExit((crash) => {
      if (!ended && stopRequested) {
        onEvent({ type: 'done', stopped: true, savedTo: null });
      } else if (!ended) {
        onEvent({ type: 'error', message: crash ?? msg('train.crashed', { reason: 'exit code 0' }), training: true });
      }
      ended = true;
      resolve();
    });
  });
  child.send(command);
  return {
    finished,
    pause: () => child.send({ type: 'pause' }),
    resume: () => child.send({ type: 'resume' }),
    stop: () => {
      stopRequested = true;
      child.send({ type: 'stop' });
      const timer = setTimeout(() => child.kill(), STOP_GRACE_MS);
      void finished.then(() => clearTimeout(timer));
    },
    kill: () => child.kill(),
  };
}

/** What a trainer process answered to one question: the event of the asked type, or why there is none. */
export interface TrainerAnswer<K extends TrainerEvent['type']> {
  answer: Extract<TrainerEvent, { type: K }> | null;
  errors: Msg[];
}

/**
 * Runs a trainer process for one question (a description, a probe, an import) and returns its answer, the
 * event of type `answer`, or why there is none: the trainer's error, or that the process ended without one.
 * `track` is told of the process while it runs (so that a closing host can end it).
 */
export async function askTrainer<K extends TrainerEvent['type']>(
  command: Exclude<TrainerJob, { type: 'start' }>,
  answer: K,
  launch: LaunchTrainer = () => forkTrainer(),
  track: (run: TrainerRun, running: boolean) => void = () => {},
): Promise<TrainerAnswer<K>> {
  const events: TrainerEvent[] = [];
  const run = startTrainer(command, (event) => events.push(event), launch);
  track(run, true);
  await run.finished;
  track(run, false);
  const found = events.find((e): e is Extract<TrainerEvent, { type: K }> => e.type === answer) ?? null;
  const error = events.find((e) => e.type === 'error');
  const errors = [error?.type === 'error' ? error.message : msg('train.crashed', { reason: 'exit' })];
  return { answer: found, errors: found ? [] : errors };
}

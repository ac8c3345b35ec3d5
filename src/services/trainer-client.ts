/**
 * Runs the trainer in a process of its own (child_process.fork) and speaks the training protocol with it.
 * A crash or out-of-memory in training ends that process only; the owner hears of it as an error event.
 * Stop asks the trainer to finish its batch and ends the process if it has not gone within a second.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { msg, trainerEventSchema, type TrainerCommand, type TrainerEvent } from '../core/index.ts';

const TRAINER_ENTRY = join(dirname(fileURLToPath(import.meta.url)), '..', 'trainer', 'trainer-process.ts');
export const STOP_GRACE_MS = 1_000;

export interface TrainerRun {
  pause(): void;
  resume(): void;
  stop(): void;
  /** The process, for tests that kill it. */
  readonly process: ChildProcess;
  /** Resolves when the process has ended. */
  readonly finished: Promise<void>;
}

export function startTrainer(
  command: Extract<TrainerCommand, { type: 'start' }>,
  onEvent: (event: TrainerEvent) => void,
): TrainerRun {
  const child = fork(TRAINER_ENTRY, [], {
    execArgv: ['--import', 'tsx', '--no-warnings'],
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  let ended = false;
  let stopRequested = false;
  let stderr = '';
  child.stderr?.on('data', (d) => (stderr = (stderr + d).slice(-2000)));
  child.on('message', (raw) => {
    const parsed = trainerEventSchema.safeParse(raw);
    if (!parsed.success) return;
    if (parsed.data.type === 'done' || parsed.data.type === 'error') ended = true;
    onEvent(parsed.data);
  });
  const finished = new Promise<void>((resolve) => {
    child.on('exit', (code, signal) => {
      if (!ended && stopRequested) {
        ended = true;
        onEvent({ type: 'done', stopped: true, savedTo: null });
      } else if (!ended) {
        ended = true;
        const reason = signal ?? `exit code ${code}`;
        onEvent({
          type: 'error',
          message: msg('train.crashed', { reason: stderr.includes('heap out of memory') ? 'out of memory' : reason }),
          training: true,
        });
      }
      resolve();
    });
  });
  const send = (c: TrainerCommand) => {
    if (child.connected) child.send(c);
  };
  send(command);
  return {
    process: child,
    finished,
    pause: () => send({ type: 'pause' }),
    resume: () => send({ type: 'resume' }),
    stop: () => {
      stopRequested = true;
      send({ type: 'stop' });
      const timer = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
      void finished.then(() => clearTimeout(timer));
    },
  };
}

/**
 * The trainer process: started by its owner (child_process.fork from the CLI and the browser host; Electron's
 * utilityProcess in the app), it takes commands and sends events of src/core/training/protocol.ts over the
 * process channel. One run per process; it exits when the run ends.
 */
import { msg, trainerCommandSchema, type TrainerEvent } from '../core/index.ts';
import { runTraining, TrainingProblem, type RunControl } from './train/run-training.ts';

function send(event: TrainerEvent): void {
  process.send?.(event);
}

/** Sends the last event, waits until it has left, and ends the process (tfjs keeps it alive otherwise). */
function finish(event: TrainerEvent): void {
  if (!process.send) process.exit(0);
  process.send(event, () => process.exit(0));
}

let resume: (() => void) | null = null;
const control: RunControl = {
  stopped: false,
  paused: false,
  waitWhilePaused: () => (control.paused ? new Promise<void>((done) => (resume = done)) : Promise.resolve()),
};
let started = false;

function wake(): void {
  resume?.();
  resume = null;
}

async function start(command: Parameters<typeof runTraining>[0]): Promise<void> {
  try {
    await runTraining(command, (event) => (event.type === 'done' ? finish(event) : send(event)), control);
  } catch (error) {
    if (error instanceof TrainingProblem) {
      finish({ type: 'error', message: error.problem, training: error.duringTraining });
    } else {
      const detail = error instanceof Error ? error.message : String(error);
      finish({ type: 'error', message: msg('train.internal', { detail }), training: true });
    }
  }
}

process.on('message', (raw: unknown) => {
  const parsed = trainerCommandSchema.safeParse(raw);
  if (!parsed.success) return;
  const command = parsed.data;
  switch (command.type) {
    case 'start':
      if (!started) {
        started = true;
        void start(command);
      }
      break;
    case 'pause':
      if (!control.paused) {
        control.paused = true;
        send({ type: 'paused' });
      }
      break;
    case 'resume':
      if (control.paused) {
        control.paused = false;
        wake();
        send({ type: 'resumed' });
      }
      break;
    case 'stop':
      control.stopped = true;
      control.paused = false;
      wake();
      break;
  }
});

/**
 * The trainer process: started by its owner (child_process.fork from the CLI and the browser host; Electron's
 * utilityProcess in the app), it takes commands and sends events of src/core/training/protocol.ts over the
 * process channel. One run per process; it exits when the run ends.
 */
import { msg, trainerCommandSchema, type TrainerEvent } from '../core/index.ts';
import { describeDataset } from './data/describe-dataset.ts';
import { loadRunData } from './data/load-run-data.ts';
import { importModel } from './import/import-model.ts';
import { ownerChannel } from './owner-channel.ts';
import { probeSpeed } from './train/probe-speed.ts';
import { newSteering } from './train/run-control.ts';
import { runTraining, TrainingProblem } from './train/run-training.ts';

const owner = ownerChannel();
const send = (event: TrainerEvent) => owner.send(event);
const finish = (event: TrainerEvent) => owner.sendLastAndExit(event);

function internalError(error: unknown, training: boolean): TrainerEvent {
  const detail = error instanceof Error ? error.message : String(error);
  return { type: 'error', message: msg('train.internal', { detail }), training };
}

const steering = newSteering();
let started = false;

async function start(command: Parameters<typeof runTraining>[0]): Promise<void> {
  try {
    await runTraining(command, (event) => (event.type === 'done' ? finish(event) : send(event)), steering.control);
  } catch (error) {
    if (error instanceof TrainingProblem) {
      finish({ type: 'error', message: error.problem, training: error.duringTraining });
    } else {
      finish(internalError(error, true));
    }
  }
}

owner.onCommand((raw) => {
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
    case 'describe':
      if (!started) {
        started = true;
        void describeDataset(command).then(
          (result) => (result.ok ? (send(result.event), finish({ type: 'described' })) : finish(result.error)),
          (error: unknown) => finish(internalError(error, false)),
        );
      }
      break;
    case 'probe':
      if (!started) {
        started = true;
        void probeSpeed(command).then(finish);
      }
      break;
    case 'import':
    case 'load':
      if (!started) {
        started = true;
        const job = command.type === 'import' ? importModel(command) : loadRunData(command);
        void job.then(finish, (error: unknown) =>
          finish(
            error instanceof TrainingProblem
              ? { type: 'error', message: error.problem, training: false }
              : internalError(error, false),
          ),
        );
      }
      break;
    case 'pause':
    case 'resume':
    case 'stop': {
      const said = steering.steer(command.type);
      if (said) send(said);
      break;
    }
  }
});

/**
 * How fast this machine trains a network, before a run: a couple of seconds of training steps on random
 * images of the Input's shape, with the run's backend, thread count, batch size, optimizer and loss
 * (backend-speed.ts). Under Automatic it is the backend a run would take, measured as a run measures it
 * (measured-choice.ts). The Training panel turns the figure into the time a run will take.
 */
import { analyse, msg, type ProbeCommand, type TrainerEvent } from '../../core/index.ts';
import { selectBackend } from '../backends/select-backend.ts';
import { wasmThreads } from '../backends/wasm-threads.ts';
import { speedOn } from './backend-speed.ts';
import { measuredChoice } from './measured-choice.ts';
import { TrainingProblem } from './training-problem.ts';

export async function probeSpeed(command: ProbeCommand): Promise<TrainerEvent> {
  try {
    const selected = await selectBackend(command.backend, command.threads, command.python);
    if (!selected.ok) return { type: 'error', message: selected.error, training: false };
    const firstError = analyse(command.project.graph).diagnostics.find((d) => d.severity === 'error');
    if (firstError) return { type: 'error', message: firstError.message, training: false };
    const { selection, measured } =
      command.backend === 'auto'
        ? await measuredChoice(command.project, selected, command.threads, command.python)
        : { selection: selected, measured: [] };
    let backend = selection.chosen;
    const samplesPerSecond =
      measured.find((m) => m.backend === backend)?.samplesPerSecond ??
      (await speedOn(command.project, selection, command.threads, command.backend, (event) => {
        if (event.type === 'backend') backend = event.chosen;
      }));
    return { type: 'speed', samplesPerSecond, backend, threads: backend === 'wasm' ? wasmThreads() : null };
  } catch (error) {
    if (error instanceof TrainingProblem) return { type: 'error', message: error.problem, training: false };
    const detail = error instanceof Error ? error.message : String(error);
    return { type: 'error', message: msg('train.internal', { detail }), training: false };
  }
}

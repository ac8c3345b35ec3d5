/**
 * An automatic choice settled by measurement. Where the first backend this machine offers is not
 * WebAssembly (PyTorch on a graphics card, CUDA, WebGPU, TensorFlow's library), it may still be the slower
 * one for this network (a graphics card loses to the processor on a small network: the data has to reach
 * it and each step has to start there), so the run's own network trains a couple of seconds on it and on
 * WebAssembly, and the faster takes the run. Both figures travel with the backend event, and the slower
 * backend's report says why it was passed by.
 */
import { msg, type BackendReport, type MeasuredSpeed, type Project, type TrainerEvent } from '../../core/index.ts';
import { selectBackend } from '../backends/select-backend.ts';
import { speedOn } from './backend-speed.ts';
import type { Selected } from './trainable-model.ts';

export interface MeasuredChoice {
  selection: Selected;
  /** The figures that decided; empty where nothing was measured. */
  measured: MeasuredSpeed[];
}

/** The speed, or null where the backend cannot train this network (its own run says why, if it is chosen). */
async function speedOrNull(project: Project, selection: Selected, threads: number | null): Promise<number | null> {
  try {
    return await speedOn(project, selection, threads);
  } catch {
    return null;
  }
}

/** The report of a backend measured slower than `faster`. */
function slower({ backend, samplesPerSecond: speed }: MeasuredSpeed, faster: MeasuredSpeed): BackendReport {
  const reason = msg('backend.measuredSlower', {
    speed: Math.round(speed),
    faster: faster.backend,
    fasterSpeed: Math.round(faster.samplesPerSecond),
  });
  return { backend, available: true, reason };
}

/**
 * `selection`: what an automatic choice found first. `threads` and `python`: the run's. `emit` hears a
 * measuring event before the seconds of measurement. Returns the backend that takes the run, started, with
 * the reports of both.
 */
export async function measuredChoice(
  project: Project,
  selection: Selected,
  threads: number | null,
  python: string | null,
  emit: (event: TrainerEvent) => void = () => {},
): Promise<MeasuredChoice> {
  const unmeasured = { selection, measured: [] };
  if (selection.chosen === 'wasm' || selection.chosen === 'cpu') return unmeasured;
  emit({ type: 'measuring', backends: [selection.chosen, 'wasm'] });
  const speed = await speedOrNull(project, selection, threads);
  if (speed === null) return unmeasured;
  const first: MeasuredSpeed = { backend: selection.chosen, samplesPerSecond: speed };
  const wasm = await selectBackend('wasm', threads);
  const onWasm = wasm.ok ? await speedOrNull(project, wasm, threads) : null;
  const second: MeasuredSpeed | null = onWasm === null ? null : { backend: 'wasm', samplesPerSecond: onWasm };
  const measured = second ? [first, second] : [first];
  if (wasm.ok && second && second.samplesPerSecond > speed) {
    const others = selection.reports.filter((r) => r.backend !== selection.chosen);
    return { selection: { ...wasm, reports: [...others, slower(first, second), ...wasm.reports] }, measured };
  }
  // The first stays, started again: WebAssembly was started to be measured.
  const again = await selectBackend(selection.chosen, threads, python);
  if (!again.ok) return { selection: wasm.ok ? wasm : selection, measured };
  return {
    selection: { ...again, reports: [...selection.reports, ...(second ? [slower(second, first)] : [])] },
    measured,
  };
}

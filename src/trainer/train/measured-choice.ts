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
 * measuring event before the seconds of measurement. `earlier`: what a run of the same network, settings and
 * threads measured (from the window): decided from them, nothing is measured again. Returns the backend that
 * takes the run, started, with the reports of both.
 */
export async function measuredChoice(
  project: Project,
  selection: Selected,
  threads: number | null,
  python: string | null,
  emit: (event: TrainerEvent) => void = () => {},
  earlier: MeasuredSpeed[] = [],
): Promise<MeasuredChoice> {
  if (selection.chosen === 'wasm' || selection.chosen === 'cpu') return { selection, measured: [] };
  const known = (backend: string) => earlier.find((m) => m.backend === backend);
  const remembered = known(selection.chosen) && known('wasm');
  const measured = remembered
    ? [known(selection.chosen)!, known('wasm')!]
    : await measure(project, selection, threads, emit);
  if (measured.length === 0) return { selection, measured };
  const [first, second] = measured as [MeasuredSpeed, MeasuredSpeed | undefined];
  if (second && second.samplesPerSecond > first.samplesPerSecond) {
    // WebAssembly, started (again, if it was measured: the same threads, so at once).
    const wasm = await selectBackend('wasm', threads);
    if (wasm.ok) {
      const others = selection.reports.filter((r) => r.backend !== selection.chosen);
      return { selection: { ...wasm, reports: [...others, slower(first, second), ...wasm.reports] }, measured };
    }
  }
  // The first stays; started again where WebAssembly was started to be measured.
  const again = remembered ? selection : await selectBackend(selection.chosen, threads, python);
  if (!again.ok) return { selection, measured };
  return {
    selection: { ...again, reports: [...selection.reports, ...(second ? [slower(second, first)] : [])] },
    measured,
  };
}

/** The first backend's figure and WebAssembly's (where it could be measured); none where the first could not be. */
async function measure(
  project: Project,
  selection: Selected,
  threads: number | null,
  emit: (event: TrainerEvent) => void,
): Promise<MeasuredSpeed[]> {
  emit({ type: 'measuring', backends: [selection.chosen, 'wasm'] });
  const speed = await speedOrNull(project, selection, threads);
  if (speed === null) return [];
  const first: MeasuredSpeed = { backend: selection.chosen, samplesPerSecond: speed };
  const wasm = await selectBackend('wasm', threads);
  const onWasm = wasm.ok ? await speedOrNull(project, wasm, threads) : null;
  return onWasm === null ? [first] : [first, { backend: 'wasm', samplesPerSecond: onWasm }];
}

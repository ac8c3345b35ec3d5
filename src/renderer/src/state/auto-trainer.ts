/**
 * Where an automatic choice trains: where PyTorch has a graphics card, the host's trainer takes the run (it
 * measures PyTorch against WebAssembly itself, trainer/train/measured-choice.ts); otherwise, where this
 * window has a graphics card (WebGPU first, else WebGL), a short measurement of the actual network on it
 * and on WebAssembly on the processor decides, because a graphics card can be slower than the processor on
 * a small network. Without one nothing is measured: the host's trainer takes the run.
 */
import type { MeasuredSpeed, PageBackend, Project } from '@core/index.ts';

export interface AutoChoice {
  /** The window's graphics card through one of its APIs, or the host's trainer. */
  trainer: PageBackend | 'host';
  /** The figures that decided, when both were measured. */
  measured: MeasuredSpeed[];
}

export interface AutoChoiceAsks {
  /** The API through which the window reaches a graphics card (not a software one), or null. */
  windowGpu(): Promise<PageBackend | null>;
  /** Whether PyTorch trains on a graphics card here. */
  torchOnGpu(): Promise<boolean>;
  /** Images per second of the network, or null where it could not be measured there. */
  measurePage(backend: PageBackend): Promise<number | null>;
  measureHost(): Promise<number | null>;
}

export async function chooseAutomatically(asks: AutoChoiceAsks): Promise<AutoChoice> {
  const host: AutoChoice = { trainer: 'host', measured: [] };
  const gpu = await asks.windowGpu();
  if (!gpu || (await asks.torchOnGpu())) return host;
  const onGpu = await asks.measurePage(gpu);
  if (onGpu === null) return host;
  const wasm = await asks.measureHost();
  if (wasm === null) return { trainer: gpu, measured: [] };
  const measured: MeasuredSpeed[] = [
    { backend: gpu, samplesPerSecond: onGpu },
    { backend: 'wasm', samplesPerSecond: wasm },
  ];
  return { trainer: onGpu >= wasm ? gpu : 'host', measured };
}

/**
 * What a measurement was made for: the network (the same graph object: any edit makes a new one), its
 * training settings and the threads. A choice, or the host's figures, is kept while these stay the same.
 */
export interface MeasuredFor {
  graph: Project['graph'];
  settings: string;
  threads: number | null;
}

export const measuredFor = (project: Project, threads: number | null): MeasuredFor => ({
  graph: project.graph,
  settings: JSON.stringify(project.training),
  threads,
});

export const sameAs = (a: MeasuredFor | null, b: MeasuredFor): boolean =>
  a !== null && a.graph === b.graph && a.settings === b.settings && a.threads === b.threads;

/**
 * Where an automatic choice trains: PyTorch on a graphics card wins outright (the host's trainer takes it);
 * otherwise, where this window has a graphics card (WebGPU first, else WebGL), a short measurement of the
 * actual network on it and on WebAssembly on the processor decides, because a graphics card can be slower
 * than the processor on a small network. Without one nothing is measured: the host's trainer takes the run.
 */
import type { PageBackend } from '@core/index.ts';

/** Training images per second on each, as measured before the run. */
export interface MeasuredChoice {
  gpu: number;
  wasm: number;
}

export interface AutoChoice {
  /** The window's graphics card through one of its APIs, or the host's trainer. */
  trainer: PageBackend | 'host';
  /** The figures that decided, when they were measured. */
  measured: MeasuredChoice | null;
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
  const host: AutoChoice = { trainer: 'host', measured: null };
  const gpu = await asks.windowGpu();
  if (!gpu || (await asks.torchOnGpu())) return host;
  const onGpu = await asks.measurePage(gpu);
  if (onGpu === null) return host;
  const wasm = await asks.measureHost();
  if (wasm === null) return { trainer: gpu, measured: null };
  return { trainer: onGpu >= wasm ? gpu : 'host', measured: { gpu: onGpu, wasm } };
}

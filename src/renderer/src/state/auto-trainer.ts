/**
 * Where an automatic choice trains: PyTorch on a graphics card wins outright (the host's trainer takes it);
 * otherwise, where this window has a graphics card's WebGPU adapter, a short measurement of the actual
 * network on both — the graphics card in the window and WebAssembly on the processor — decides, because a
 * graphics card can be slower than the processor on a small network. Without such an adapter nothing is
 * measured: the host's trainer takes the run.
 */

/** Training images per second on each, as measured before the run. */
export interface MeasuredChoice {
  webgpu: number;
  wasm: number;
}

export interface AutoChoice {
  trainer: 'page' | 'host';
  /** The figures that decided, when they were measured. */
  measured: MeasuredChoice | null;
}

export interface AutoChoiceAsks {
  /** Whether the window has a WebGPU adapter that is a graphics card (not a software one). */
  hardwareAdapter(): Promise<boolean>;
  /** Whether PyTorch trains on a graphics card here. */
  torchOnGpu(): Promise<boolean>;
  /** Images per second of the network, or null where it could not be measured there. */
  measurePage(): Promise<number | null>;
  measureHost(): Promise<number | null>;
}

export async function chooseAutomatically(asks: AutoChoiceAsks): Promise<AutoChoice> {
  const host: AutoChoice = { trainer: 'host', measured: null };
  if (!(await asks.hardwareAdapter()) || (await asks.torchOnGpu())) return host;
  const webgpu = await asks.measurePage();
  if (webgpu === null) return host;
  const wasm = await asks.measureHost();
  if (wasm === null) return { trainer: 'page', measured: null };
  return { trainer: webgpu >= wasm ? 'page' : 'host', measured: { webgpu, wasm } };
}

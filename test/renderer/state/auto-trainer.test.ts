/** The automatic choice between the graphics card in the window and the host's trainer, rule by rule. */
import { describe, expect, it } from 'vitest';
import { findTemplate, makeProject, type PageBackend } from '../../../src/core/index.ts';
import {
  chooseAutomatically,
  measuredFor,
  sameAs,
  type AutoChoiceAsks,
} from '../../../src/renderer/src/state/auto-trainer.ts';

const asks = (answers: { gpu: PageBackend | null; torch: boolean; page: number | null; host: number | null }) => {
  const asked: string[] = [];
  const ask =
    <T>(name: string, value: T) =>
    async () => (asked.push(name), value);
  const all: AutoChoiceAsks = {
    windowGpu: ask('gpu', answers.gpu),
    torchOnGpu: ask('torch', answers.torch),
    measurePage: async (backend) => (asked.push(`page ${backend}`), answers.page),
    measureHost: ask('host', answers.host),
  };
  return { all, asked };
};

const figures = (gpu: PageBackend, onGpu: number, wasm: number) => [
  { backend: gpu, samplesPerSecond: onGpu },
  { backend: 'wasm', samplesPerSecond: wasm },
];

describe('chooseAutomatically', () => {
  it('leaves the run to the host without a graphics card’s adapter, measuring nothing', async () => {
    const { all, asked } = asks({ gpu: null, torch: false, page: 900, host: 300 });
    expect(await chooseAutomatically(all)).toEqual({ trainer: 'host', measured: [] });
    expect(asked).toEqual(['gpu']);
  });

  it('leaves it to PyTorch’s graphics card, measuring nothing here (the host measures PyTorch against WebAssembly)', async () => {
    const { all, asked } = asks({ gpu: 'webgpu', torch: true, page: 900, host: 300 });
    expect(await chooseAutomatically(all)).toEqual({ trainer: 'host', measured: [] });
    expect(asked).toEqual(['gpu', 'torch']);
  });

  it('takes the faster of the two as measured on the network, and keeps the figures', async () => {
    expect(await chooseAutomatically(asks({ gpu: 'webgpu', torch: false, page: 900, host: 300 }).all)).toEqual({
      trainer: 'webgpu',
      measured: figures('webgpu', 900, 300),
    });
    // A small network: the processor is faster than the graphics card.
    expect(await chooseAutomatically(asks({ gpu: 'webgpu', torch: false, page: 200, host: 2_000 }).all)).toEqual({
      trainer: 'host',
      measured: figures('webgpu', 200, 2_000),
    });
  });

  it('measures WebGL where the window has no WebGPU but a graphics card through WebGL', async () => {
    const { all, asked } = asks({ gpu: 'webgl', torch: false, page: 700, host: 300 });
    expect(await chooseAutomatically(all)).toEqual({ trainer: 'webgl', measured: figures('webgl', 700, 300) });
    expect(asked).toEqual(['gpu', 'torch', 'page webgl', 'host']);
  });

  it('takes the one that could be measured when the other could not', async () => {
    expect(await chooseAutomatically(asks({ gpu: 'webgpu', torch: false, page: null, host: 300 }).all)).toEqual({
      trainer: 'host',
      measured: [],
    });
    expect(await chooseAutomatically(asks({ gpu: 'webgpu', torch: false, page: 900, host: null }).all)).toEqual({
      trainer: 'webgpu',
      measured: [],
    });
  });
});

describe('what a measurement was made for', () => {
  it('is the same while the network object, its training settings and the threads are; any of them changed, it is not', () => {
    const project = makeProject(findTemplate('textbook-mnist')!.build());
    const key = measuredFor(project, 2);
    expect(sameAs(key, measuredFor({ ...project }, 2))).toBe(true);
    expect(sameAs(null, key)).toBe(false);
    expect(sameAs(key, measuredFor(project, 3))).toBe(false);
    expect(sameAs(key, measuredFor({ ...project, training: { ...project.training, batchSize: 32 } }, 2))).toBe(false);
    // An edit makes a new graph object, even one that reads the same.
    expect(sameAs(key, measuredFor({ ...project, graph: structuredClone(project.graph) }, 2))).toBe(false);
  });
});

/** The automatic choice between the graphics card in the window and the host's trainer, rule by rule. */
import { describe, expect, it } from 'vitest';
import { chooseAutomatically, type AutoChoiceAsks } from '../../../src/renderer/src/state/auto-trainer.ts';

const asks = (answers: { adapter: boolean; torch: boolean; page: number | null; host: number | null }) => {
  const asked: string[] = [];
  const ask =
    <T>(name: string, value: T) =>
    async () => (asked.push(name), value);
  const all: AutoChoiceAsks = {
    hardwareAdapter: ask('adapter', answers.adapter),
    torchOnGpu: ask('torch', answers.torch),
    measurePage: ask('page', answers.page),
    measureHost: ask('host', answers.host),
  };
  return { all, asked };
};

describe('chooseAutomatically', () => {
  it('leaves the run to the host without a graphics card’s adapter, measuring nothing', async () => {
    const { all, asked } = asks({ adapter: false, torch: false, page: 900, host: 300 });
    expect(await chooseAutomatically(all)).toEqual({ trainer: 'host', measured: null });
    expect(asked).toEqual(['adapter']);
  });

  it('leaves it to PyTorch’s graphics card, measuring nothing', async () => {
    const { all, asked } = asks({ adapter: true, torch: true, page: 900, host: 300 });
    expect(await chooseAutomatically(all)).toEqual({ trainer: 'host', measured: null });
    expect(asked).toEqual(['adapter', 'torch']);
  });

  it('takes the faster of the two as measured on the network, and keeps the figures', async () => {
    expect(await chooseAutomatically(asks({ adapter: true, torch: false, page: 900, host: 300 }).all)).toEqual({
      trainer: 'page',
      measured: { webgpu: 900, wasm: 300 },
    });
    // A small network: the processor is faster than the graphics card.
    expect(await chooseAutomatically(asks({ adapter: true, torch: false, page: 200, host: 2_000 }).all)).toEqual({
      trainer: 'host',
      measured: { webgpu: 200, wasm: 2_000 },
    });
  });

  it('takes the one that could be measured when the other could not', async () => {
    expect(await chooseAutomatically(asks({ adapter: true, torch: false, page: null, host: 300 }).all)).toEqual({
      trainer: 'host',
      measured: null,
    });
    expect(await chooseAutomatically(asks({ adapter: true, torch: false, page: 900, host: null }).all)).toEqual({
      trainer: 'page',
      measured: null,
    });
  });
});

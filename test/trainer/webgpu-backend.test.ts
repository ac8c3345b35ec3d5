/**
 * Starting WebGPU in a Node trainer, with Dawn's bindings replaced by a stand-in (no machine here has a
 * GPU): each way it can be refused is named, and TensorFlow.js's WebGPU backend gets registered only once
 * navigator.gpu exists. Training on a real GPU is not tested here.
 */
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startWebGpu } from '../../src/trainer/backends/webgpu-backend.ts';

const adapterAnswer = vi.hoisted(() => ({ value: null as object | null }));
vi.mock('webgpu', () => ({
  globals: {},
  create: () => ({
    requestAdapter: async () => adapterAnswer.value,
  }),
}));

const reasonOf = (result: Awaited<ReturnType<typeof startWebGpu>>) => (result.ok ? null : result.reason.key);

describe('startWebGpu', () => {
  const saved = process.env.LD_LIBRARY_PATH;
  beforeEach(() => {
    // A Vulkan loader where the check looks (the file only has to exist).
    const folder = mkdtempSync(join(tmpdir(), 'convstudio-vulkan-'));
    writeFileSync(join(folder, 'libvulkan.so.1'), '');
    process.env.LD_LIBRARY_PATH = folder;
  });
  afterEach(() => {
    process.env.LD_LIBRARY_PATH = saved;
  });

  it('is refused without a Vulkan loader on Linux, before Dawn is loaded', async () => {
    if (process.platform !== 'linux') return;
    process.env.LD_LIBRARY_PATH = mkdtempSync(join(tmpdir(), 'convstudio-no-vulkan-'));
    const hasSystemLoader = ['/usr/lib/x86_64-linux-gnu', '/usr/lib64', '/usr/lib'].some((f) =>
      existsSync(join(f, 'libvulkan.so.1')),
    );
    expect(reasonOf(await startWebGpu())).toBe(hasSystemLoader ? 'backend.noGpu' : 'backend.noVulkan');
  });

  it('is refused when no adapter answers, or only a software one', async () => {
    adapterAnswer.value = null;
    expect(reasonOf(await startWebGpu())).toBe('backend.noGpu');
    adapterAnswer.value = { isFallbackAdapter: true };
    expect(reasonOf(await startWebGpu())).toBe('backend.softwareGpu');
    adapterAnswer.value = { info: { isFallbackAdapter: true } };
    expect(reasonOf(await startWebGpu())).toBe('backend.softwareGpu');
  });

  it('registers TensorFlow.js’s WebGPU backend once navigator.gpu exists, and says so when it fails to start', async () => {
    // An adapter that answers but cannot give a device: registration happens, starting fails.
    adapterAnswer.value = {
      features: new Set(),
      limits: {},
      requestDevice: async () => {
        throw new Error('no device');
      },
    };
    expect(reasonOf(await startWebGpu())).toBe('backend.failedToStart');
    expect(tf.findBackendFactory('webgpu')).toBeTypeOf('function');
  });
});

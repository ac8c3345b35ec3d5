/**
 * WebGPU in a Node trainer (the CLI and the browser host): Dawn's Node bindings (npm `webgpu`, with its
 * binaries) give `navigator.gpu`, and TensorFlow.js's WebGPU backend runs on it — any vendor, through
 * Vulkan, Metal or Direct3D 12. Refused with a reason where it cannot help: inside Electron (Dawn's Node
 * buffers are not allowed there; the app trains on WebGPU in its window instead, src/trainer/page), without a
 * Vulkan driver on Linux (Dawn would only print a warning), with no adapter, or with only a software one
 * (slower than WebAssembly) unless ALLOW_SOFTWARE_GPU says otherwise.
 */
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { msg, type Msg } from '../../core/index.ts';

export type Activation = { ok: true } | { ok: false; reason: Msg };

/**
 * Set to 1, a software adapter is taken too (SwiftShader's Vulkan driver, for one): slower than WebAssembly,
 * but WebGPU's code path, for the tests of a machine without a graphics card.
 */
export const ALLOW_SOFTWARE_GPU = 'CONVSTUDIO_ALLOW_SOFTWARE_GPU';

/** Imports an optional package by name without the compiler or bundler requiring it to exist. */
export async function optionalImport(name: string): Promise<unknown> {
  return import(/* @vite-ignore */ name);
}

interface Adapter {
  isFallbackAdapter?: boolean;
  info?: { isFallbackAdapter?: boolean };
}

interface Dawn {
  create(options: string[]): { requestAdapter(options?: object): Promise<Adapter | null> };
  globals: Record<string, unknown>;
}

const LINUX_LIBRARY_FOLDERS = [
  '/usr/lib/x86_64-linux-gnu',
  '/usr/lib/aarch64-linux-gnu',
  '/usr/lib64',
  '/usr/lib',
  '/lib/x86_64-linux-gnu',
  '/lib/aarch64-linux-gnu',
  '/lib64',
  '/lib',
];

/** Whether Linux has the Vulkan loader Dawn needs (elsewhere Dawn uses Metal or Direct3D). */
function hasVulkanLoader(): boolean {
  if (process.platform !== 'linux') return true;
  const extra = (process.env.LD_LIBRARY_PATH ?? '').split(delimiter).filter(Boolean);
  return [...extra, ...LINUX_LIBRARY_FOLDERS].some((folder) => existsSync(join(folder, 'libvulkan.so.1')));
}

export async function startWebGpu(): Promise<Activation> {
  if (process.versions.electron) return { ok: false, reason: msg('backend.webgpuInElectron') };
  if (!hasVulkanLoader()) return { ok: false, reason: msg('backend.noVulkan') };
  let dawn: Dawn;
  try {
    dawn = (await optionalImport('webgpu')) as Dawn;
  } catch {
    return { ok: false, reason: msg('backend.webgpuNotInstalled') };
  }
  const failed: Activation = { ok: false, reason: msg('backend.failedToStart', { backend: 'WebGPU' }) };
  try {
    Object.assign(globalThis, dawn.globals);
    const gpu = dawn.create([]);
    const host = globalThis as { navigator?: object };
    host.navigator ??= {};
    Object.defineProperty(host.navigator, 'gpu', { value: gpu, configurable: true });
    const adapter = await gpu.requestAdapter({ powerPreference: 'high-performance' });
    if (!adapter) return { ok: false, reason: msg('backend.noGpu') };
    const software = adapter.isFallbackAdapter || adapter.info?.isFallbackAdapter;
    if (software && process.env[ALLOW_SOFTWARE_GPU] !== '1') return { ok: false, reason: msg('backend.softwareGpu') };
    // TensorFlow.js's WebGPU backend registers itself on import only where navigator.gpu already exists.
    try {
      await optionalImport('@tensorflow/tfjs-backend-webgpu');
    } catch {
      return { ok: false, reason: msg('backend.webgpuNotInstalled') };
    }
    return (await tf.setBackend('webgpu')) ? { ok: true } : failed;
  } catch {
    // A driver or binding that fails in a way of its own: the next backend, with this said.
    return failed;
  }
}

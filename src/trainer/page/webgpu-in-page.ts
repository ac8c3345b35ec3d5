/**
 * WebGPU in the page's trainer worker: the browser's own (Chromium's Dawn, on Direct3D 12, Metal or Vulkan),
 * which needs no install and works inside Electron, where Dawn's Node bindings are refused. TensorFlow.js's
 * WebGPU backend runs on the adapter it finds. A software adapter (SwiftShader: the processor doing a
 * graphics card's work) is refused unless asked for — it is slower than WebAssembly.
 */
import * as tf from '@tensorflow/tfjs';
import { msg, type Msg } from '../../core/index.ts';

interface AdapterInfo {
  vendor?: string;
  architecture?: string;
  device?: string;
  description?: string;
  isFallbackAdapter?: boolean;
}

interface Adapter {
  isFallbackAdapter?: boolean;
  info?: AdapterInfo;
}

interface Gpu {
  requestAdapter(options?: { powerPreference?: 'high-performance' | 'low-power' }): Promise<Adapter | null>;
}

export type PageGpu = { ok: true; adapter: string; software: boolean } | { ok: false; reason: Msg };

/** The adapter's name as people know it: its description, else its vendor and architecture. */
function adapterName(info: AdapterInfo | undefined): string {
  const name = info?.description || [info?.vendor, info?.architecture].filter(Boolean).join(' ');
  return name.replace(/^google swiftshader$/i, 'SwiftShader') || 'WebGPU';
}

export async function startPageGpu(allowSoftware: boolean): Promise<PageGpu> {
  const gpu = (globalThis as { navigator?: { gpu?: Gpu } }).navigator?.gpu;
  if (!gpu) return { ok: false, reason: msg('backend.pageNoWebGpu') };
  const adapter = await gpu.requestAdapter({ powerPreference: 'high-performance' }).catch(() => null);
  if (!adapter) return { ok: false, reason: msg('backend.noGpu') };
  const software = Boolean(adapter.isFallbackAdapter || adapter.info?.isFallbackAdapter);
  if (software && !allowSoftware) return { ok: false, reason: msg('backend.softwareGpu') };
  try {
    // The backend registers itself on import where navigator.gpu exists, as it does in this worker.
    await import('@tensorflow/tfjs-backend-webgpu');
    if (!(await tf.setBackend('webgpu')))
      return { ok: false, reason: msg('backend.failedToStart', { backend: 'WebGPU' }) };
    await tf.ready();
  } catch {
    return { ok: false, reason: msg('backend.failedToStart', { backend: 'WebGPU' }) };
  }
  return { ok: true, adapter: adapterName(adapter.info), software };
}

/**
 * The graphics card in the page's trainer worker: the browser's own WebGPU (Chromium's Dawn, on Direct3D 12,
 * Metal or Vulkan), or its WebGL where a machine or driver lacks WebGPU (Linux often does) — no install, and
 * inside Electron too, where Dawn's Node bindings are refused. TensorFlow.js's backend of that name runs on
 * what it finds. A software adapter or renderer (SwiftShader, llvmpipe: the processor doing a graphics
 * card's work) is refused unless asked for — it is slower than WebAssembly.
 */
import * as tf from '@tensorflow/tfjs';
import { msg, type Msg, type PageBackend } from '../../core/index.ts';

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

/** The little of a WebGL context read here (the trainer's TypeScript has no DOM library). */
interface GlContext {
  RENDERER: number;
  getExtension(name: 'WEBGL_debug_renderer_info'): { UNMASKED_RENDERER_WEBGL: number } | null;
  getParameter(name: number): unknown;
}

/** A WebGL renderer's name as people know it: ANGLE's inner device name where it gives one. */
export function rendererName(renderer: string): string {
  if (/swiftshader/i.test(renderer)) return 'SwiftShader';
  const angle = /^ANGLE \([^,]+, (.+?)(?: Direct3D| \(0x|, |\)$)/.exec(renderer);
  return (angle?.[1] ?? renderer).trim().slice(0, 80) || 'WebGL';
}

async function startWebGl(allowSoftware: boolean): Promise<PageGpu> {
  const missing: PageGpu = { ok: false, reason: msg('backend.pageNoWebGl') };
  try {
    if (!(await tf.setBackend('webgl'))) return missing;
    await tf.ready();
  } catch {
    return missing;
  }
  const gl = (tf.backend() as unknown as { gpgpu?: { gl?: GlContext } }).gpgpu?.gl;
  const info = gl?.getExtension('WEBGL_debug_renderer_info');
  const renderer = String(
    (info ? gl?.getParameter(info.UNMASKED_RENDERER_WEBGL) : gl?.getParameter(gl.RENDERER)) ?? '',
  );
  const software = /swiftshader|llvmpipe|softpipe|software/i.test(renderer);
  const adapter = rendererName(renderer);
  if (software && !allowSoftware) return { ok: false, reason: msg('backend.softwareWebGl', { adapter }) };
  return { ok: true, adapter, software };
}

export function startPageGpu(backend: PageBackend, allowSoftware: boolean): Promise<PageGpu> {
  return backend === 'webgl' ? startWebGl(allowSoftware) : startWebGpu(allowSoftware);
}

async function startWebGpu(allowSoftware: boolean): Promise<PageGpu> {
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

/**
 * TensorFlow.js for the page, loaded only when a trained network is opened: its core, the layers API and
 * the plain CPU backend. One image at a time needs no more, and the CPU backend runs under the app's CSP
 * without WebAssembly files or a GPU.
 */
import '@tensorflow/tfjs-backend-cpu';
import * as core from '@tensorflow/tfjs-core';
import * as layers from '@tensorflow/tfjs-layers';

export { core, layers };

export async function ready(): Promise<void> {
  await core.setBackend('cpu');
  await core.ready();
}

/**
 * Trained weights for Python: numpy's .npz (a zip of .npy arrays), one array per weight named
 * "layer/weight" as Keras names them (conv2d/kernel, batch_normalization/moving_mean …), channels last. The
 * exported Keras script loads it layer by layer; the PyTorch scripts transpose it into their module.
 */
import { zipSync } from 'fflate';
import { base64ToBytes } from '../datasets/sample-images.ts';
import type { TrainedModel } from '../api/api-schema.ts';
import { weightSize } from '../training/layers-model-json.ts';

export interface NamedArray {
  name: string;
  shape: number[];
  values: Float32Array;
}

/** numpy's .npy format, version 1.0: magic, header length, a Python dict literal padded to 64 bytes, data. */
export function npyBytes(array: NamedArray): Uint8Array {
  const shape = array.shape.length === 1 ? `(${array.shape[0]},)` : `(${array.shape.join(', ')})`;
  let header = `{'descr': '<f4', 'fortran_order': False, 'shape': ${shape}, }`;
  const unpadded = 10 + header.length + 1;
  header += ' '.repeat((64 - (unpadded % 64)) % 64) + '\n';
  const out = new Uint8Array(10 + header.length + array.values.byteLength);
  out.set([0x93, ...new TextEncoder().encode('NUMPY'), 1, 0, header.length & 0xff, header.length >> 8]);
  out.set(new TextEncoder().encode(header), 10);
  // Little-endian float32: the byte order of every machine ConvStudio runs on.
  out.set(new Uint8Array(array.values.buffer, array.values.byteOffset, array.values.byteLength), 10 + header.length);
  return out;
}

export function npzBytes(arrays: NamedArray[]): Uint8Array {
  return zipSync(Object.fromEntries(arrays.map((a) => [`${a.name}.npy`, [npyBytes(a), { level: 0 }]])));
}

const KERAS_WEIGHTS = new Set(['kernel', 'bias', 'gamma', 'beta', 'moving_mean', 'moving_variance']);

/**
 * Keras's name for a TensorFlow.js weight: TF.js may number a variable to keep it unique in its process
 * ("dense/kernel_1"); Keras names it by layer and kind alone.
 */
export function kerasWeightName(name: string): string {
  const slash = name.lastIndexOf('/');
  const kind = name.slice(slash + 1).replace(/_\d+$/, '');
  return KERAS_WEIGHTS.has(kind) ? `${name.slice(0, slash)}/${kind}` : name;
}

/** A trained model's weights (TF.js layers format) as named float32 arrays, in the model's order. */
export function trainedWeights(trained: TrainedModel): NamedArray[] {
  const bytes = base64ToBytes(trained.weights);
  let offset = 0;
  return trained.modelJson.weightsManifest[0]!.weights.map((spec) => {
    const size = weightSize(spec);
    const values = new Float32Array(
      bytes.buffer.slice(bytes.byteOffset + offset, bytes.byteOffset + offset + 4 * size),
    );
    offset += 4 * size;
    return { name: kerasWeightName(spec.name), shape: spec.shape, values };
  });
}

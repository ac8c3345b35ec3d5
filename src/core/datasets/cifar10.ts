/**
 * CIFAR-10's binary version (www.cs.toronto.edu/~kriz/cifar.html): records of one label byte and 3,072
 * pixel bytes — the red, green and blue planes of a 32 × 32 image, each row by row. ConvStudio keeps images
 * channels-last, so the planes are interleaved on reading.
 */
import { msg, type Msg } from '../i18n/messages.ts';
import type { ImageSet } from './image-dataset.ts';

export const CIFAR_SIDE = 32;
const PLANE = CIFAR_SIDE * CIFAR_SIDE;
export const CIFAR_RECORD = 1 + 3 * PLANE;
export const CIFAR_CLASSES = ['airplane', 'automobile', 'bird', 'cat', 'deer', 'dog', 'frog', 'horse', 'ship', 'truck'];

export type CifarResult = { ok: true; value: ImageSet } | { ok: false; error: Msg };

/** One or more batch files' bytes, in order, as one set. */
export function parseCifarBatches(files: Array<{ name: string; bytes: Uint8Array }>): CifarResult {
  let count = 0;
  for (const { name, bytes } of files) {
    if (bytes.length === 0 || bytes.length % CIFAR_RECORD !== 0) {
      return { ok: false, error: msg('data.cifarSize', { file: name, size: bytes.length, record: CIFAR_RECORD }) };
    }
    count += bytes.length / CIFAR_RECORD;
  }
  const pixels = new Uint8Array(count * 3 * PLANE);
  const labels = new Uint8Array(count);
  let i = 0;
  for (const { name, bytes } of files) {
    for (let offset = 0; offset < bytes.length; offset += CIFAR_RECORD, i++) {
      const label = bytes[offset]!;
      if (label >= CIFAR_CLASSES.length) {
        return {
          ok: false,
          error: msg('data.badLabel', {
            file: name,
            index: offset / CIFAR_RECORD,
            label,
            classes: CIFAR_CLASSES.length,
          }),
        };
      }
      labels[i] = label;
      const base = i * 3 * PLANE;
      for (let p = 0; p < PLANE; p++) {
        pixels[base + 3 * p] = bytes[offset + 1 + p]!;
        pixels[base + 3 * p + 1] = bytes[offset + 1 + PLANE + p]!;
        pixels[base + 3 * p + 2] = bytes[offset + 1 + 2 * PLANE + p]!;
      }
    }
  }
  return { ok: true, value: { pixels, labels, count, shape: [CIFAR_SIDE, CIFAR_SIDE, 3] } };
}

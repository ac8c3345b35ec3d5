/**
 * Small sets of images that travel to the UI: a preview of a dataset (a few of each class) and the test
 * images a trained network got wrong. Pixels are bytes, base64-encoded, so a message stays compact.
 */
import { z } from 'zod';
import type { ImageSet } from './image-dataset.ts';

export const sampleImageSchema = z.object({
  /** Index in its split (training or test). */
  index: z.number().int().nonnegative(),
  label: z.number().int().nonnegative(),
  /** The network's guess, for misclassified test images. */
  predicted: z.number().int().nonnegative().nullable().default(null),
  /** height × width × channels bytes, base64. */
  pixels: z.string(),
});
export type SampleImage = z.infer<typeof sampleImageSchema>;

const CHUNK = 0x8000;

export function bytesToBase64(bytes: Uint8Array): string {
  let text = '';
  for (let i = 0; i < bytes.length; i += CHUNK) text += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  return btoa(text);
}

export function base64ToBytes(base64: string): Uint8Array {
  const text = atob(base64);
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return bytes;
}

export function sampleImage(set: ImageSet, index: number, predicted: number | null = null): SampleImage {
  const size = set.shape[0] * set.shape[1] * set.shape[2];
  return {
    index,
    label: set.labels[index]!,
    predicted,
    pixels: bytesToBase64(set.pixels.subarray(index * size, (index + 1) * size)),
  };
}

/** The first `perClass` images of each class, class by class. */
export function previewImages(set: ImageSet, classes: number, perClass: number): SampleImage[] {
  const picked: number[][] = Array.from({ length: classes }, () => []);
  let missing = classes;
  for (let i = 0; i < set.count && missing > 0; i++) {
    const bucket = picked[set.labels[i]!];
    if (bucket && bucket.length < perClass) {
      bucket.push(i);
      if (bucket.length === perClass) missing -= 1;
    }
  }
  return picked.flat().map((i) => sampleImage(set, i));
}

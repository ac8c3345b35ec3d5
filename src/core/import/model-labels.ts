/**
 * The class names a trained model comes with: Teachable Machine's metadata.json (`labels`, beside
 * model.json) or a classes.txt of one name a line. Used only when there is one name per output.
 */
import { z } from 'zod';
import { parseJsonText } from './json-text.ts';

/** Files beside a model that may name its classes, in the order they are tried. */
export const LABEL_FILES = ['metadata.json', 'classes.txt', 'labels.txt'] as const;

const metadataSchema = z.object({ labels: z.array(z.string().max(200)).min(1).max(10_000) }).loose();
const teachableSchema = z.object({ packageName: z.literal('@teachablemachine/image') }).loose();

/**
 * Whether a metadata.json is a Teachable Machine image model's: its library feeds pixels as −1…1
 * (÷ 127.5 − 1), not ÷ 255.
 */
export function isTeachableImageModel(fileName: string, text: string): boolean {
  if (fileName !== 'metadata.json') return false;
  const json = parseJsonText(text, fileName);
  return json.ok && teachableSchema.safeParse(json.value).success;
}

/** The class names one of LABEL_FILES gives, or null where it gives none. */
export function readLabels(fileName: string, text: string): string[] | null {
  if (fileName.endsWith('.json')) {
    const json = parseJsonText(text, fileName);
    if (!json.ok) return null;
    const parsed = metadataSchema.safeParse(json.value);
    return parsed.success ? parsed.data.labels : null;
  }
  const lines = text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
  return lines.length > 0 && lines.every((l) => l.length <= 200) ? lines : null;
}

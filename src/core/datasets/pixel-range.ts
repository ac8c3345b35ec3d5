/**
 * The range pixels go into the network in: one rule for training, for trying a trained network in the page
 * and for the exported scripts. Images are stored as bytes (0–255); a network expects them the way it was
 * trained: 0–1 (÷ 255, the course's way), −1–1 (Teachable Machine and MobileNet: ÷ 127.5 − 1) or the bytes
 * as they are (networks that start with a Rescaling layer do their own scaling).
 */
import type { Graph } from '../document/graph-schema.ts';
import { msg, type Msg } from '../i18n/messages.ts';

export const PIXEL_RANGES = ['0..1', '-1..1', '0..255'] as const;
export type PixelRange = (typeof PIXEL_RANGES)[number];

/** A byte b goes in as b × scale + offset. */
export const PIXEL_SCALING: Record<PixelRange, { scale: number; offset: number }> = {
  '0..1': { scale: 1 / 255, offset: 0 },
  '-1..1': { scale: 1 / 127.5, offset: -1 },
  '0..255': { scale: 1, offset: 0 },
};

/** The network's input values of a stored image's bytes. */
export function scaledPixels(bytes: ArrayLike<number>, range: PixelRange): Float32Array {
  const { scale, offset } = PIXEL_SCALING[range];
  const out = new Float32Array(bytes.length);
  for (let i = 0; i < bytes.length; i++) out[i] = bytes[i]! * scale + offset;
  return out;
}

/**
 * The network's input values of pixels already scaled to 0–1 (augmentation works on those), as a factor and
 * an offset: value × factor + offset.
 */
export function fromUnitRange(range: PixelRange): { factor: number; offset: number } {
  const { scale, offset } = PIXEL_SCALING[range];
  return { factor: 255 * scale, offset };
}

/** What a Python script writes after a uint8 array's `.astype("float32")` to scale it. */
export function pythonScaling(range: PixelRange): string {
  return { '0..1': ' / 255', '-1..1': ' / 127.5 - 1', '0..255': '' }[range];
}

/** The Rescaling layer the network starts with after its Input (it scales the bytes itself), if it does. */
function firstRescaling(graph: Graph): string | null {
  const input = graph.nodes.find((n) => n.type === 'Input');
  if (!input) return null;
  const next = graph.edges.filter((e) => e.source === input.id).map((e) => graph.nodes.find((n) => n.id === e.target));
  return next.length > 0 && next.every((n) => n?.type === 'Rescaling') ? next[0]!.name : null;
}

export const startsWithRescaling = (graph: Graph): boolean => firstRescaling(graph) !== null;

/**
 * The range a trained model opened from a file expects: the bytes where it rescales them itself, −1–1 for
 * a Teachable Machine image model (its library scales so before predicting), else 0–1.
 */
export function importedPixelRange(graph: Graph, teachableMachine: boolean): PixelRange {
  if (startsWithRescaling(graph)) return '0..255';
  return teachableMachine ? '-1..1' : '0..1';
}

/**
 * What is likely wrong with the range for this network: a Rescaling first layer given pixels already ÷ 255
 * (they end up 0–1/255), or bytes given to a network that does not scale them.
 */
export function pixelRangeMismatch(graph: Graph, range: PixelRange): 'scaledTwice' | 'unscaled' | null {
  const rescales = startsWithRescaling(graph);
  if (rescales && range !== '0..255') return 'scaledTwice';
  if (!rescales && range === '0..255') return 'unscaled';
  return null;
}

/** What to tell the person who opened a trained model of the range its pixels now go in with; null for 0–1. */
export function importedPixelsNotice(graph: Graph, range: PixelRange): Msg | null {
  const rescaling = firstRescaling(graph);
  if (range === '0..255' && rescaling) return msg('weights.pixelsRescaled', { layer: rescaling });
  return range === '-1..1' ? msg('weights.pixelsTeachable') : null;
}

/**
 * The host's side of the page's trainer (a worker of the page on the graphics card, which reads no files):
 * a run's data, loaded by a trainer process and kept here under the run's id while the page takes it in
 * parts, and the trained network the page sends back, checked and written as the run's model. One such run
 * at a time; a new one lets the last one's data go.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import {
  msg,
  weightBytes,
  type ApiArgs,
  type ImageSet,
  type PrepareResult,
  type RunImagesPart,
  type SaveModelResult,
  type TrainerEvent,
} from '../core/index.ts';
import { writeFileAtomic } from './atomic-write.ts';

type Loaded = Extract<TrainerEvent, { type: 'loaded' }>;

/** The most bytes of images one `train.data` answer carries (base64 makes a third more). */
export const MAX_PART_BYTES = 16 * 1024 * 1024;

const base64 = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');

export class PageRuns {
  private held: { runId: string; data: Loaded } | null = null;

  /** Keeps a run's loaded data for the page, instead of any earlier run's. */
  hold(runId: string, data: Loaded): PrepareResult {
    this.held = { runId, data };
    const about = (set: ImageSet) => ({ count: set.count, shape: set.shape });
    return {
      ok: true,
      runId,
      name: data.name,
      classes: data.classes,
      train: about(data.train),
      test: about(data.test),
    };
  }

  /** Images `start` … `start + count − 1` of a held run's set (fewer at its end, or past MAX_PART_BYTES). */
  part({ runId, set, start, count }: ApiArgs<'train.data'>): RunImagesPart | null {
    if (this.held?.runId !== runId) return null;
    const images = this.held.data[set];
    const [h, w, c] = images.shape;
    const size = h * w * c;
    const end = Math.min(images.count, start + count, start + Math.max(1, Math.floor(MAX_PART_BYTES / size)));
    if (start >= end) return null;
    return {
      pixels: base64(images.pixels.subarray(start * size, end * size)),
      labels: base64(images.labels.subarray(start, end)),
    };
  }

  release(runId: string): void {
    if (this.held?.runId === runId) this.held = null;
  }

  /**
   * Writes the page's trained network into `dir` (the run's model folder), where its weights are as many
   * bytes as its manifest says; the run's data is let go.
   */
  async save({ runId, modelJson, weights }: ApiArgs<'train.saveModel'>, dir: string): Promise<SaveModelResult> {
    if (this.held?.runId !== runId) return { ok: false, errors: [msg('train.pageRunUnknown')] };
    const bytes = Buffer.from(weights, 'base64');
    const paths = modelJson.weightsManifest.flatMap((group) => group.paths);
    if (weightBytes(modelJson) !== bytes.byteLength || paths.join() !== './weights.bin') {
      return { ok: false, errors: [msg('train.pageModelMismatch')] };
    }
    await mkdir(dir, { recursive: true });
    await writeFileAtomic(join(dir, 'weights.bin'), bytes);
    await writeFileAtomic(join(dir, 'model.json'), JSON.stringify(modelJson));
    this.release(runId);
    return { ok: true, savedTo: dir };
  }
}

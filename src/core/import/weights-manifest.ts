/**
 * A TensorFlow.js model.json's weights manifest (tfjs-core's io/types.ts: groups of shard files, each
 * weight with its name, shape, dtype and, from the converter, an optional quantization), read and checked
 * before a byte of the shards is: which files the weights are in, and how many bytes they must hold.
 */
import { z } from 'zod';
import { msg, type Msg } from '../i18n/messages.ts';
import { isObject } from './keras-layer.ts';

const quantizationSchema = z.object({
  dtype: z.enum(['uint8', 'uint16', 'float16']),
  scale: z.number().optional(),
  min: z.number().optional(),
});

export const manifestWeightSchema = z.object({
  name: z.string().min(1),
  shape: z.array(z.number().int().nonnegative()),
  dtype: z.enum(['float32', 'int32', 'bool']),
  quantization: quantizationSchema.optional(),
});
export type ManifestWeight = z.infer<typeof manifestWeightSchema>;

export const weightsManifestSchema = z.array(
  z.object({ paths: z.array(z.string().min(1)).min(1), weights: z.array(manifestWeightSchema) }),
);
export type WeightsManifest = z.infer<typeof weightsManifestSchema>;

/** Bytes one weight takes in its shard: 4 per value, 2 for float16 and uint16, 1 for uint8. */
export function storedBytes(weight: ManifestWeight): number {
  const values = weight.shape.reduce((a, b) => a * b, 1);
  const dtype = weight.quantization?.dtype;
  return values * (dtype === 'uint8' ? 1 : dtype === 'uint16' || dtype === 'float16' ? 2 : 4);
}

/** A shard's path as the manifest gives it, made safe: a plain name or a path below the model's folder. */
export function shardPath(path: string): string | null {
  const parts = path
    .replace(/\\/g, '/')
    .split('/')
    .filter((p) => p !== '' && p !== '.');
  if (path.startsWith('/') || /^[a-z]+:/i.test(path) || parts.length === 0 || parts.includes('..')) return null;
  return parts.join('/');
}

export type ManifestResult =
  | { ok: true; manifest: WeightsManifest; files: string[] }
  /** The file has no weights manifest at all: its structure is all there is. */
  | { ok: true; manifest: null; files: [] }
  | { ok: false; errors: Msg[] };

/** The manifest of a parsed model.json, with its shard files in order (paths below the model's folder). */
export function readWeightsManifest(modelJson: unknown, fileName: string): ManifestResult {
  if (!isObject(modelJson) || modelJson.weightsManifest === undefined) return { ok: true, manifest: null, files: [] };
  const parsed = weightsManifestSchema.safeParse(modelJson.weightsManifest);
  if (!parsed.success) {
    const where = parsed.error.issues[0]?.path.join('.') ?? '';
    return { ok: false, errors: [msg('weights.badManifest', { file: fileName, where: `weightsManifest.${where}` })] };
  }
  const files: string[] = [];
  for (const group of parsed.data) {
    for (const path of group.paths) {
      const safe = shardPath(path);
      if (safe === null) return { ok: false, errors: [msg('weights.shardOutside', { file: fileName, shard: path })] };
      files.push(safe);
    }
  }
  return { ok: true, manifest: parsed.data, files };
}

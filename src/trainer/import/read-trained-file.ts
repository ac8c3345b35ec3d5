/**
 * A trained model file read into its model config and its weights, each weight as the file places it
 * (core's SourceWeight) with its values: a TF.js model.json and the shards its manifest names beside it
 * (quantized and float16 weights decoded by TF.js's own decodeWeights), a Keras 3 .keras zip (config.json
 * and model.weights.h5) or a Keras 2 .h5 file (the model_config attribute and model_weights). HDF5 is read
 * with h5wasm (the HDF5 library compiled to WebAssembly: no native build). Every problem is a TrainingProblem
 * whose message names the file, the layer or the weight.
 */
import * as tf from '@tensorflow/tfjs';
import { unzipSync } from 'fflate';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import {
  SIGNATURE_BYTES,
  fileSignature,
  keras3WeightPaths,
  msg,
  parseJsonText,
  readWeightsManifest,
  storedBytes,
  type ImportFormat,
  type Msg,
  type SourceWeight,
} from '../../core/index.ts';
import type H5Module from 'h5wasm/node';
import { TrainingProblem } from '../train/run-training.ts';

interface Weights {
  sources: SourceWeight[];
  /** Each weight's values, in the order of `sources`. */
  values: Float32Array[];
}

export interface TrainedFile {
  format: ImportFormat;
  /** The parsed model file (model.json) or model config (.keras's config.json, .h5's model_config). */
  config: unknown;
  /** The weights, or why they cannot be read: the network itself still opens. */
  weights: ({ ok: true } & Weights) | { ok: false; problem: Msg };
}

const problem = (message: Msg) => new TrainingProblem(message, false);

/** The weights a reader finds, or the problem it stopped at. */
async function weightsOf(read: () => Weights | Promise<Weights>): Promise<TrainedFile['weights']> {
  try {
    return { ok: true, ...(await read()) };
  } catch (error) {
    if (error instanceof TrainingProblem) return { ok: false, problem: error.problem };
    throw error;
  }
}

function asFloat32(values: unknown, file: string, key: string): Float32Array {
  if (values instanceof Float32Array) return values;
  if (values instanceof Float64Array || values instanceof Int32Array || values instanceof Uint8Array) {
    return Float32Array.from(values);
  }
  throw problem(msg('weights.badValues', { file, weight: key }));
}

async function readTfjs(path: string, bytes: Uint8Array): Promise<TrainedFile> {
  const file = basename(path);
  const json = parseJsonText(new TextDecoder().decode(bytes), file);
  if (!json.ok) throw new TrainingProblem(json.error, false);
  return { format: 'tfjs', config: json.value, weights: await weightsOf(() => readShards(path, json.value)) };
}

async function readShards(path: string, modelJson: unknown): Promise<Weights> {
  const file = basename(path);
  const manifest = readWeightsManifest(modelJson, file);
  if (!manifest.ok) throw new TrainingProblem(manifest.errors[0]!, false);
  const sources: SourceWeight[] = [];
  const values: Float32Array[] = [];
  for (const group of manifest.manifest ?? []) {
    const shards: Uint8Array[] = [];
    for (const shard of group.paths) {
      try {
        shards.push(await readFile(join(dirname(path), shard)));
      } catch {
        throw problem(msg('weights.shardMissing', { file, shards: shard }));
      }
    }
    const expected = group.weights.reduce((sum, w) => sum + storedBytes(w), 0);
    const found = shards.reduce((sum, s) => sum + s.byteLength, 0);
    if (expected !== found) throw problem(msg('weights.shardSize', { file, expected, found }));
    const buffer = new Uint8Array(found);
    let at = 0;
    for (const shard of shards) {
      buffer.set(shard, at);
      at += shard.byteLength;
    }
    const decoded = tf.io.decodeWeights(buffer.buffer, group.weights);
    for (const [index, spec] of group.weights.entries()) {
      const tensor = decoded[spec.name]!;
      sources.push({ key: spec.name, name: spec.name, layer: null, index, shape: spec.shape });
      values.push(Float32Array.from(tensor.dataSync()));
    }
    tf.dispose(Object.values(decoded));
  }
  return { sources, values };
}

type H5 = typeof H5Module;
type H5File = InstanceType<H5['File']>;
type H5Group = InstanceType<H5['Group']>;
type H5Dataset = InstanceType<H5['Dataset']>;

async function openHdf5(path: string, file: string): Promise<{ h5: H5; f: H5File }> {
  const h5 = (await import('h5wasm/node')).default;
  await h5.ready;
  const f = new h5.File(path, 'r');
  if (f.file_id < 0n) throw problem(msg('weights.cannotRead', { file, reason: 'HDF5' }));
  return { h5, f };
}

const entry = (f: H5File | H5Group, path: string) => {
  try {
    return f.get(path);
  } catch {
    return null;
  }
};

/** The datasets '0', '1', … of a Keras 3 `vars` group, in order. */
function varsOf(f: H5File, h5: H5, path: string): H5Dataset[] {
  const group = entry(f, path);
  if (!(group instanceof h5.Group)) return [];
  return group
    .keys()
    .filter((k) => /^\d+$/.test(k))
    .sort((a, b) => Number(a) - Number(b))
    .map((k) => group.get(k))
    .filter((d): d is H5Dataset => d instanceof h5.Dataset);
}

function readKeras3(config: unknown, f: H5File, h5: H5, file: string): Weights {
  const sources: SourceWeight[] = [];
  const values: Float32Array[] = [];
  for (const { path, layer } of keras3WeightPaths(config)) {
    const group = entry(f, path);
    if (!(group instanceof h5.Group)) continue;
    const others = group.keys().filter((k) => k !== 'vars');
    // A layer's own variables, then an RNN's cell's; other sub-objects (Bidirectional's two layers) are
    // kept in an order ConvStudio cannot tell apart by shape, so they are refused rather than guessed.
    if (others.some((k) => k !== 'cell')) throw problem(msg('weights.nestedVariables', { file, layer }));
    const datasets = [...varsOf(f, h5, `${path}/vars`), ...varsOf(f, h5, `${path}/cell/vars`)];
    datasets.forEach((d, index) => {
      const key = d.path.replace(/^\//, '');
      sources.push({ key, name: null, layer, index, shape: d.shape ?? [] });
      values.push(asFloat32(d.value, file, key));
    });
  }
  return { sources, values };
}

async function readKerasZip(path: string, bytes: Uint8Array): Promise<TrainedFile> {
  const file = basename(path);
  let parts: Record<string, Uint8Array>;
  try {
    parts = unzipSync(bytes, { filter: (f) => f.name === 'config.json' || f.name === 'model.weights.h5' });
  } catch (error) {
    throw problem(msg('weights.cannotRead', { file, reason: error instanceof Error ? error.message : 'zip' }));
  }
  const configBytes = parts['config.json'];
  const weightBytes = parts['model.weights.h5'];
  if (!configBytes) throw problem(msg('weights.notKeras', { file }));
  const json = parseJsonText(new TextDecoder().decode(configBytes), `${file}/config.json`);
  if (!json.ok) throw new TrainingProblem(json.error, false);
  const weights = await weightsOf(async () => {
    if (!weightBytes) throw problem(msg('weights.notKeras', { file }));
    // h5wasm reads files by path: the weights go to a temporary file of their own.
    const folder = await mkdtemp(join(tmpdir(), 'convstudio-keras-'));
    const h5Path = join(folder, 'model.weights.h5');
    try {
      await writeFile(h5Path, weightBytes);
      const { h5, f } = await openHdf5(h5Path, file);
      try {
        return readKeras3(json.value, f, h5, file);
      } finally {
        f.close();
      }
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
  return { format: 'keras', config: json.value, weights };
}

const strings = (value: unknown): string[] =>
  (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === 'string');

async function readKeras2(path: string): Promise<TrainedFile> {
  const file = basename(path);
  const { h5, f } = await openHdf5(path, file);
  try {
    const modelConfig = f.attrs.model_config?.value;
    if (typeof modelConfig !== 'string') throw problem(msg('weights.noModelConfig', { file }));
    const json = parseJsonText(modelConfig, `${file} (model_config)`);
    if (!json.ok) throw new TrainingProblem(json.error, false);
    const weights = await weightsOf(() => readModelWeights(f, h5, file));
    return { format: 'h5', config: json.value, weights };
  } finally {
    f.close();
  }
}

function readModelWeights(f: H5File, h5: H5, file: string): Weights {
  const root = entry(f, 'model_weights');
  if (!(root instanceof h5.Group)) throw problem(msg('weights.notKeras', { file }));
  const sources: SourceWeight[] = [];
  const values: Float32Array[] = [];
  for (const layer of strings(root.attrs.layer_names?.value)) {
    const group = entry(root, layer);
    if (!(group instanceof h5.Group)) throw problem(msg('weights.missingGroup', { file, layer }));
    strings(group.attrs.weight_names?.value).forEach((name, index) => {
      const dataset = entry(group, name);
      const key = `${layer}/${name}`;
      if (!(dataset instanceof h5.Dataset)) throw problem(msg('weights.missingGroup', { file, layer: key }));
      sources.push({ key, name, layer: null, index, shape: dataset.shape ?? [] });
      values.push(asFloat32(dataset.value, file, key));
    });
  }
  return { sources, values };
}

/** Reads a trained model file of any of the three formats, told apart by its first bytes. */
export async function readTrainedFile(path: string): Promise<TrainedFile> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? String(error);
    throw problem(msg('file.unreadable', { path: basename(path), reason }));
  }
  switch (fileSignature(bytes.subarray(0, SIGNATURE_BYTES))) {
    case 'zip':
      return readKerasZip(path, bytes);
    case 'hdf5':
      return readKeras2(path);
    case 'text':
      return readTfjs(path, bytes);
  }
}

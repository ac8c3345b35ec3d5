/**
 * Which weight of a file goes into which weight of the network as ConvStudio builds it. Files name their
 * weights in two ways: by name ('conv2d/kernel' in TF.js manifests, 'conv2d/kernel:0' in Keras 2's HDF5,
 * with nested models' names before them: 'sequential/conv2d/kernel'), or by layer and position (Keras 3's
 * 'layers/conv2d/vars/0', whose layer is known from the model's config). A weight matches by its name, or
 * failing that by its layer and position; its shape must be the network's. Nothing is guessed: a weight
 * found twice, not found, or of another shape is a message naming the layer and the weight.
 */
import { msg, type Msg } from '../i18n/messages.ts';

/** A weight of the network as built: its layer, its name ('conv2d/kernel'), its place in the layer. */
export interface TargetWeight {
  layer: string;
  name: string;
  index: number;
  shape: number[];
}

/** A weight in a file: how the file calls it, and what it says of its layer. */
export interface SourceWeight {
  /** As the file says it, for messages. */
  key: string;
  /** A name to match ('conv2d/kernel'), or null where the file gives only layer and position. */
  name: string | null;
  /** The network's layer it belongs to, where the file says so by position. */
  layer: string | null;
  /** Its place among its layer's weights. */
  index: number;
  shape: number[];
}

export interface MatchOptions {
  /**
   * Fine-tuning: a layer whose weights the file lacks or has in another shape starts afresh (a new head)
   * instead of refusing the file; weights of the file no layer takes are left.
   */
  partial?: boolean;
}

export type MatchResult =
  | {
      ok: true;
      /** For each target, the index of its source weight, or null where its layer starts afresh. */
      picks: (number | null)[];
      /** Layers that start afresh (partial matching only). */
      fresh: string[];
    }
  | { ok: false; errors: Msg[] };

/** The most problems one match reports; the rest are counted. */
const MOST_PROBLEMS = 5;

const shapeText = (shape: readonly number[]) => `(${shape.join(', ')})`;
const sameShape = (a: readonly number[], b: readonly number[]) =>
  a.length === b.length && a.every((v, i) => v === b[i]);
/** 'conv2d/kernel:0' → 'conv2d/kernel': Keras 2 names a variable's first output. */
const plainName = (name: string) => name.replace(/:\d+$/, '');

function candidates(target: TargetWeight, sources: readonly SourceWeight[]): number[] {
  const named: number[] = [];
  sources.forEach((s, i) => {
    if (s.name === null) return;
    const name = plainName(s.name);
    if (name === target.name || name.endsWith(`/${target.name}`)) named.push(i);
  });
  if (named.length > 0) return named;
  // By layer and position: a file that places weights so (Keras 3).
  const placed: number[] = [];
  sources.forEach((s, i) => {
    if (s.name === null && s.layer === target.layer && s.index === target.index) placed.push(i);
  });
  if (placed.length > 0) return placed;
  // A file that names a layer's weights its own way (an RNN's cell: 'lstm/lstm_cell/kernel'): the layer's
  // weights in the file's order.
  const ofLayer: number[] = [];
  sources.forEach((s, i) => {
    if (s.name !== null && plainName(s.name).split('/').slice(0, -1).includes(target.layer)) ofLayer.push(i);
  });
  const at = ofLayer[target.index];
  return at === undefined ? [] : [at];
}

export function matchWeights(
  targets: readonly TargetWeight[],
  sources: readonly SourceWeight[],
  options: MatchOptions = {},
): MatchResult {
  const picks: (number | null)[] = targets.map(() => null);
  const problems: Msg[] = [];
  const failedLayers = new Set<string>();
  targets.forEach((target, t) => {
    const found = candidates(target, sources);
    const { layer, name } = target;
    const weight = name.split('/').pop() ?? name;
    let problem: Msg | null = null;
    if (found.length === 0) problem = msg('weights.missing', { layer, weight });
    else if (found.length > 1)
      problem = msg('weights.ambiguous', { layer, weight, keys: found.map((i) => sources[i]!.key).join(', ') });
    else if (!sameShape(sources[found[0]!]!.shape, target.shape))
      problem = msg('weights.shapeMismatch', {
        layer,
        weight,
        expected: shapeText(target.shape),
        found: shapeText(sources[found[0]!]!.shape),
      });
    if (problem) {
      failedLayers.add(layer);
      problems.push(problem);
    } else picks[t] = found[0]!;
  });
  if (options.partial) {
    targets.forEach((target, t) => {
      if (failedLayers.has(target.layer)) picks[t] = null;
    });
    return { ok: true, picks, fresh: [...failedLayers] };
  }
  const used = new Set(picks);
  const unused = sources.filter((_, i) => !used.has(i)).map((s) => s.key);
  if (problems.length === 0 && unused.length > 0) {
    const names = unused.slice(0, MOST_PROBLEMS).join(', ') + (unused.length > MOST_PROBLEMS ? ', …' : '');
    problems.push(msg('weights.unused', { count: unused.length, names }));
  }
  if (problems.length === 0) return { ok: true, picks, fresh: [] };
  const shown = problems.slice(0, MOST_PROBLEMS);
  if (problems.length > MOST_PROBLEMS)
    shown.push(msg('weights.moreProblems', { count: problems.length - MOST_PROBLEMS }));
  return { ok: false, errors: shown };
}

/** What to tell the person when a model's network opened but its weights could not come with it. */
export function weightsNotImported(file: string, problems: readonly Msg[]): Msg[] {
  return [msg('weights.notImported', { file }), ...problems];
}

/**
 * Putting weights from a file into the network as TF.js built it: its weights as core's matchWeights sees
 * them (each layer's, with the names files give them), and the matched values set layer by layer. A layer
 * with a weight unmatched keeps all of its own (a layer starting afresh).
 */
import * as tf from '@tensorflow/tfjs';
import type { TargetWeight } from '../../core/index.ts';

export interface LayerTargets {
  layer: tf.layers.Layer;
  targets: TargetWeight[];
}

/** The network's weights, layer by layer, named as TF.js names them ('conv2d/kernel'). */
export function targetWeights(model: tf.LayersModel): LayerTargets[] {
  return model.layers
    .filter((layer) => layer.weights.length > 0)
    .map((layer) => ({
      layer,
      targets: layer.weights.map((w, index) => ({
        layer: layer.name,
        name: w.originalName,
        index,
        shape: w.shape as number[],
      })),
    }));
}

/**
 * Sets each layer whose every weight was matched: `picks` (one per target, in order) index `values`.
 * Returns how many weights were set.
 */
export function setMatchedWeights(
  layers: readonly LayerTargets[],
  picks: readonly (number | null)[],
  values: readonly Float32Array[],
): number {
  let t = 0;
  let set = 0;
  for (const { layer, targets } of layers) {
    const own = picks.slice(t, t + targets.length);
    t += targets.length;
    if (own.some((p) => p === null)) continue;
    const tensors = targets.map((target, i) => tf.tensor(values[own[i]!]!, target.shape));
    layer.setWeights(tensors);
    tf.dispose(tensors);
    set += targets.length;
  }
  return set;
}

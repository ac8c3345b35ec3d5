/**
 * A layer's key settings in one line, as the canvas shows them under its type:
 * Conv2D '32 × 3×3 · s1 · same · ReLU', MaxPooling2D '2×2 · s2', Dense '128 · ReLU', Dropout '0.25'.
 * Each layer module says which settings are key.
 */
import type { LayerNode } from '../document/graph-schema.ts';
import { layerModule } from '../layers/catalogue.ts';

export { activationLabel } from '../layers/key-setting-parts.ts';

export function keySettings(node: LayerNode): string {
  return layerModule(node.type).keySettings(node.params).join(' · ');
}

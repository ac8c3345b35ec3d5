/**
 * A layer's key settings in one line, as the canvas shows them under its type:
 * Conv2D '32 × 3×3 · s1 · same · ReLU', MaxPooling2D '2×2 · s2', Dense '128 · ReLU', Dropout '0.25';
 * in zh-TW the words among them are Chinese ('32 × 3×3 · 步幅 1 · same · ReLU').
 * Each layer module says which settings are key.
 */
import type { LayerNode } from '../document/graph-schema.ts';
import { layerModule } from '../layers/catalogue.ts';
import { msg, translate, type Lang, type Msg } from '../i18n/messages.ts';

export { activationLabel } from '../layers/key-setting-parts.ts';

export function keySettings(node: LayerNode, lang: Lang = 'en'): string {
  return layerModule(node.type)
    .keySettings(node.params)
    .map((part) => (typeof part === 'string' ? part : translate(part, lang)))
    .join(' · ');
}

/** The same line as a message, for a text worded later in its reader's language ('' when there are none). */
export function keySettingsMsg(node: LayerNode): Msg | string {
  const parts = layerModule(node.type).keySettings(node.params);
  if (parts.length === 0) return '';
  return parts.reduceRight((tail, head) => msg('key.join', { head, tail }));
}

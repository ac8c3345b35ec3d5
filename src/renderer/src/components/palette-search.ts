/**
 * Finding a layer in the palette by any part of its name, in either language, whichever the page shows:
 * "dep" finds DepthwiseConv2D, "卷積" every convolution. Matches the Keras class name and both languages'
 * palette labels (not the descriptions, whose prose would match too much).
 */
import { PALETTE, type LayerType, type PaletteGroup } from '@core/index.ts';
import { uiEn } from '../i18n/ui-en.ts';
import { uiZhTW } from '../i18n/ui-zh-TW.ts';

/** Lower case, without spaces, hyphens or the '·' between a label's words. */
const fold = (text: string) => text.toLowerCase().replace(/[\s·\-_()]/g, '');

const NAMES = new Map<LayerType, string[]>(
  PALETTE.flatMap((g) => g.types).map((type) => [
    type,
    [type, ...[uiEn, uiZhTW].map((words) => words[`layer.${type}`])].map(fold),
  ]),
);

/** The palette's groups with only the layers whose names contain the query; all of them for an empty one. */
export function searchPalette(query: string): Array<{ group: PaletteGroup; types: LayerType[] }> {
  const q = fold(query);
  if (q === '') return PALETTE.map((g) => ({ group: g.group, types: [...g.types] }));
  return PALETTE.map((g) => ({
    group: g.group,
    types: g.types.filter((t) => NAMES.get(t)!.some((n) => n.includes(q))),
  })).filter((g) => g.types.length > 0);
}

/** The groups open when nothing is searched: the course's everyday layers; the rest are one click away. */
export const OPEN_GROUPS: ReadonlySet<PaletteGroup> = new Set([
  'input',
  'convolution',
  'pooling',
  'core',
  'normalization',
  'activation',
  'merge',
]);

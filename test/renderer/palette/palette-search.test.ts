/** Finding a layer among forty: any part of its name, in English or Traditional Chinese, whichever is shown. */
import { describe, expect, it } from 'vitest';
import { LAYER_TYPES, PALETTE } from '../../../src/core/index.ts';
import { OPEN_GROUPS, searchPalette } from '../../../src/renderer/src/components/palette-search.ts';
import { uiEn } from '../../../src/renderer/src/i18n/ui-en.ts';
import { uiZhTW } from '../../../src/renderer/src/i18n/ui-zh-TW.ts';

const found = (query: string) => searchPalette(query).flatMap((g) => g.types);

describe('the palette search', () => {
  it('finds DepthwiseConv2D from "dep", in either spelling of the case, and nothing else', () => {
    expect(found('dep')).toEqual(['DepthwiseConv2D']);
    expect(found('DEP')).toEqual(['DepthwiseConv2D']);
    expect(found('深度')).toEqual(['DepthwiseConv2D']);
  });

  it('finds every convolution from 卷積, whichever language the page shows', () => {
    expect(found('卷積').sort()).toEqual(['Conv1D', 'Conv2D', 'Conv2DTranspose', 'DepthwiseConv2D', 'SeparableConv2D']);
    expect(found('max pool')).toEqual(['MaxPooling2D', 'GlobalMaxPooling2D', 'MaxPooling1D', 'GlobalMaxPooling1D']);
    expect(found('lstm')).toEqual(['LSTM']);
    expect(found('random').length).toBe(4);
  });

  it('shows every layer for an empty query, none for one that matches nothing', () => {
    expect(found('  ')).toEqual(PALETTE.flatMap((g) => g.types));
    expect(found('  ').length).toBe(LAYER_TYPES.length);
    expect(searchPalette('zzz')).toEqual([]);
  });

  it('opens the everyday groups and gives every layer its own one-sentence description in both languages', () => {
    expect(PALETTE.slice(0, 7).every((g) => OPEN_GROUPS.has(g.group))).toBe(true);
    for (const catalogue of [uiEn, uiZhTW]) {
      const texts = LAYER_TYPES.map((type) => catalogue[`describe.${type}`]);
      expect(new Set(texts).size).toBe(LAYER_TYPES.length);
      for (const text of texts) expect(text.length).toBeGreaterThan(10);
    }
  });
});

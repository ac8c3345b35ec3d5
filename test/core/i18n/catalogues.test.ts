/** Every message exists in both languages and is worded in each. */
import { describe, expect, it } from 'vitest';
import { en } from '../../../src/core/i18n/en.ts';
import { zhTW } from '../../../src/core/i18n/zh-TW.ts';
import { langFromLocale } from '../../../src/core/index.ts';
import { uiEn } from '../../../src/renderer/src/i18n/ui-en.ts';
import { uiZhTW } from '../../../src/renderer/src/i18n/ui-zh-TW.ts';

/** Arguments that make every message template produce text. */
const SAMPLE = new Proxy(
  {},
  { get: (_t, key) => (key === 'pool' || key === 'padded' ? false : key === 'axis' ? 'height' : 7) },
);

describe('message catalogues', () => {
  it('core: the same keys in English and Traditional Chinese', () => {
    expect(Object.keys(zhTW).sort()).toEqual(Object.keys(en).sort());
  });

  it('core: every Chinese message is worded, and in Chinese', () => {
    const untranslated = Object.entries(zhTW).filter(([key, fn]) => {
      const text = String((fn as (a: unknown) => unknown)(SAMPLE));
      // Joiners put punctuation between two worded parts (' · ' of key settings; '；' of a script's note).
      const languageFree = key.startsWith('schema.other') || key === 'key.join' || key === 'script.noteJoin';
      return text.trim() === '' || (!/[\u4e00-\u9fff]/.test(text) && !languageFree);
    });
    expect(untranslated.map(([key]) => key)).toEqual([]);
  });

  it('app: the same keys in both languages, none empty', () => {
    expect(Object.keys(uiZhTW).sort()).toEqual(Object.keys(uiEn).sort());
    expect(Object.entries(uiZhTW).filter(([, text]) => text.trim() === '')).toEqual([]);
  });

  it('keeps the English Keras name beside the Chinese term', () => {
    expect(uiZhTW['layer.Conv2D']).toBe('卷積層 Conv2D');
    expect(uiZhTW['layer.Dense']).toBe('全連接層 Dense');
  });
});

describe('language from the operating system', () => {
  it.each([
    ['zh_TW.UTF-8', 'zh-TW'],
    ['zh-Hant-TW', 'zh-TW'],
    ['zh-HK', 'zh-TW'],
    ['en_US.UTF-8', 'en'],
    ['de-DE', 'en'],
    [undefined, 'en'],
  ])('%s → %s', (locale, lang) => {
    expect(langFromLocale(locale)).toBe(lang);
  });
});

/** Each language by its own name, as language pickers list them. */
import type { Lang } from '@core/index.ts';

export const LANG_NAMES: Record<Lang, string> = { en: 'English', 'zh-TW': '繁體中文' };

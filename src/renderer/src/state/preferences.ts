/** Preferences kept in the browser's storage: language and theme. */
import { isLang, type Lang } from '@core/index.ts';

export type Theme = 'system' | 'light' | 'dark';

const LANG_KEY = 'convstudio.lang';
const THEME_KEY = 'convstudio.theme';

export function storedLang(): Lang | null {
  const value = localStorage.getItem(LANG_KEY);
  return isLang(value) ? value : null;
}

export function storeLang(lang: Lang): void {
  localStorage.setItem(LANG_KEY, lang);
}

export function storedTheme(): Theme {
  const value = localStorage.getItem(THEME_KEY);
  return value === 'light' || value === 'dark' ? value : 'system';
}

export function storeTheme(theme: Theme): void {
  localStorage.setItem(THEME_KEY, theme);
  applyTheme(theme);
}

export function applyTheme(theme: Theme): void {
  if (theme === 'system') delete document.documentElement.dataset.theme;
  else document.documentElement.dataset.theme = theme;
}

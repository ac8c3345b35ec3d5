/** Preferences kept in the browser's storage: language, theme, and whether the first-start welcome was seen. */
import { isLang, type Lang } from '@core/index.ts';

export type Theme = 'system' | 'light' | 'dark';

const LANG_KEY = 'convstudio.lang';
const THEME_KEY = 'convstudio.theme';
const WELCOMED_KEY = 'convstudio.welcomed';

export const welcomeSeen = (): boolean => localStorage.getItem(WELCOMED_KEY) === '1';
export const storeWelcomeSeen = (): void => localStorage.setItem(WELCOMED_KEY, '1');

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
}

const DARK_QUERY = '(prefers-color-scheme: dark)';

/** Sets the page's theme; 'system' follows the operating system, now and when it changes. Returns the unsubscribe. */
export function applyTheme(theme: Theme): () => void {
  const query = window.matchMedia(DARK_QUERY);
  const apply = () => {
    const dark = theme === 'dark' || (theme === 'system' && query.matches);
    document.documentElement.dataset.theme = dark ? 'dark' : 'light';
  };
  apply();
  if (theme !== 'system') return () => {};
  query.addEventListener('change', apply);
  return () => query.removeEventListener('change', apply);
}

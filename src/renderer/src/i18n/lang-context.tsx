/** The current language for every component, with `t` for the app's strings and `tm` for core messages. */
import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { translate, type Lang, type Msg } from '@core/index.ts';
import { uiEn, type UiKey } from './ui-en.ts';
import { uiZhTW } from './ui-zh-TW.ts';

const UI: Record<Lang, Record<UiKey, string>> = { en: uiEn, 'zh-TW': uiZhTW };

/** One of the app's strings in a given language (for what is made outside the page's language: file names). */
export function uiString(lang: Lang, key: UiKey): string {
  return UI[lang][key];
}

export interface LangTools {
  lang: Lang;
  t: (key: UiKey) => string;
  /** A string with {name} placeholders filled in. */
  tf: (key: UiKey, values: Record<string, string | number>) => string;
  tm: (message: Msg) => string;
}

const LangContext = createContext<LangTools | null>(null);

export function LangProvider({ lang, children }: { lang: Lang; children: ReactNode }) {
  const tools = useMemo<LangTools>(
    () => ({
      lang,
      t: (key) => UI[lang][key],
      tf: (key, values) => UI[lang][key].replace(/\{(\w+)\}/g, (whole, name: string) => String(values[name] ?? whole)),
      tm: (message) => translate(message, lang),
    }),
    [lang],
  );
  return <LangContext.Provider value={tools}>{children}</LangContext.Provider>;
}

export function useLang(): LangTools {
  const tools = useContext(LangContext);
  if (!tools) throw new Error('useLang outside LangProvider');
  return tools;
}

/** The operating system's language, from the locale variables or Intl. */
import { langFromLocale, type Lang } from '../core/index.ts';

export function systemLang(env: NodeJS.ProcessEnv = process.env): Lang {
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || Intl.DateTimeFormat().resolvedOptions().locale;
  return langFromLocale(locale);
}

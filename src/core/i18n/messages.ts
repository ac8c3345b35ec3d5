/**
 * Localised messages as data: a key and its arguments, worded only when shown, in the language of the
 * one who reads it. Diagnostics, explanations and errors that cross a process boundary carry these.
 */
import { en } from './en.ts';
import { zhTW } from './zh-TW.ts';

export const LANGUAGES = ['en', 'zh-TW'] as const;
export type Lang = (typeof LANGUAGES)[number];

type Catalogue = typeof en;
export type MessageKey = keyof Catalogue;
/** A message's arguments; any text argument may itself be a message, worded in the same language. */
export type MessageArgs<K extends MessageKey> = Nestable<Parameters<Catalogue[K]>[0]>;
type Nestable<T> = T extends undefined ? undefined : { [P in keyof T]: T[P] extends string ? string | Msg : T[P] };

/** A message to be worded later: `{ key: 'diag.cycle', args: { layer: "'conv2d' (Conv2D)" } }`. */
export type Msg = {
  [K in MessageKey]: { key: K; args: MessageArgs<K> };
}[MessageKey];

const CATALOGUES: Record<Lang, Catalogue> = { en, 'zh-TW': zhTW };

/**
 * @example msg('diag.cycle', { layer: "'conv2d' (Conv2D)" })
 */
export function msg<K extends MessageKey>(
  key: K,
  ...args: MessageArgs<K> extends undefined ? [] : [MessageArgs<K>]
): Msg {
  return { key, args: args[0] } as Msg;
}

/** Words a message in a language. */
/** The longest name, path or value a message quotes; longer ones are cut in the middle. */
export const MAX_QUOTED_CHARS = 120;

/** A quoted text of at most MAX_QUOTED_CHARS: its start, an ellipsis, and its end (a path's file name stays). */
export function cutQuoted(text: string): string {
  if (text.length <= MAX_QUOTED_CHARS) return text;
  const tail = 30;
  return `${text.slice(0, MAX_QUOTED_CHARS - tail - 1)}…${text.slice(-tail)}`;
}

export function translate(message: Msg, lang: Lang): string {
  const fn = CATALOGUES[lang][message.key] as (a: unknown) => string;
  const args = message.args as Record<string, unknown> | undefined;
  if (!args) return fn(undefined);
  const worded: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(args)) {
    // A file may name a layer with ten million characters: a message quotes at most a line's worth.
    worded[name] = isMsg(value) ? translate(value, lang) : typeof value === 'string' ? cutQuoted(value) : value;
  }
  return fn(worded);
}

export function isMsg(value: unknown): value is Msg {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Msg).key === 'string' &&
    Object.prototype.hasOwnProperty.call(en, (value as Msg).key)
  );
}

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** The language for a locale such as 'zh_TW.UTF-8', 'zh-Hant-TW' or 'en-US'; English when unsure. */
export function langFromLocale(locale: string | undefined): Lang {
  if (!locale) return 'en';
  const l = locale.toLowerCase().replace(/_/g, '-');
  if (l.startsWith('zh-tw') || l.startsWith('zh-hant') || l.startsWith('zh-hk') || l.startsWith('zh-mo')) {
    return 'zh-TW';
  }
  return 'en';
}

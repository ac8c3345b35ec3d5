/**
 * The words of an exported script — its comments, docstrings and what it prints — in the language the
 * person exported it in (core's message catalogue holds them, as 'script.*'). Code stays code: names,
 * keywords and Keras's and PyTorch's own terms are the same in every language.
 */
import { translate, type Lang, type Msg } from '../i18n/messages.ts';

/** Words a script's text: a message in the script's language. */
export type Say = (message: Msg) => string;

export const sayIn =
  (lang: Lang): Say =>
  (message) =>
    translate(message, lang);

/** The language of scripts made for a program rather than a person (the PyTorch backend's). */
export const SAY_EN: Say = sayIn('en');

/**
 * A worded text with the user's names put in its {placeholders}, in one pass and whole: a name may be long
 * (messages cut theirs) or itself contain '{name}'. The names must already be escaped for where they go.
 */
export function fill(template: string, names: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (Object.hasOwn(names, key) ? names[key]! : whole));
}

/** A worded text as Python comment lines, one per line of it. */
export const comment = (text: string, indentBy = ''): string[] =>
  text.split('\n').map((line) => `${indentBy}# ${line}`);

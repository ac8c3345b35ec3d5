/**
 * Reading a model or project file's text as JSON, with the reasons a person can act on: empty, not JSON
 * (with line and column), nested deeper than any model file.
 */
import { msg, type Msg } from '../i18n/messages.ts';

export const MAX_JSON_DEPTH = 100;

export type JsonResult = { ok: true; value: unknown } | { ok: false; error: Msg };

/** Line and column (1-based) of a character offset. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      start = i + 1;
    }
  }
  return { line, column: offset - start + 1 };
}

/** The deepest nesting of brackets and braces outside strings, counted without parsing. */
export function nestingDepth(text: string): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92)
        i++; // backslash: skip the escaped character
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 || c === 91) max = Math.max(max, ++depth);
    else if (c === 125 || c === 93) depth--;
  }
  return max;
}

export function parseJsonText(text: string, path: string): JsonResult {
  if (text.trim().length === 0) return { ok: false, error: msg('file.empty', { path }) };
  if (nestingDepth(text) > MAX_JSON_DEPTH) {
    return {
      ok: false,
      error: msg('file.tooDeep', { path, max: MAX_JSON_DEPTH }),
    };
  }
  try {
    return {
      ok: true,
      value: JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text),
    };
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    const position = /position (\d+)/.exec(detail);
    const offset = position ? Number(position[1]) : text.length;
    const { line, column } = lineColumn(text, offset);
    const cleaned = detail.replace(/ in JSON at position \d+.*$/s, '').replace(/\s*\(line \d+ column \d+\)$/, '');
    return {
      ok: false,
      error: msg('file.notJson', { path, line, column, detail: cleaned }),
    };
  }
}

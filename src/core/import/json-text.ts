/**
 * Reading a model or project file's text as JSON, with the reasons a person can act on: empty, not JSON
 * (with line and column), nested deeper than any model file.
 */
import { parse as parseTolerant, printParseErrorCode, type ParseError } from 'jsonc-parser';
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
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  try {
    return { ok: true, value: JSON.parse(body) };
  } catch {
    // JSON.parse does not always say where; a second, strict parse that reports offsets does.
    const errors: ParseError[] = [];
    parseTolerant(body, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
    const first = errors[0];
    const { line, column } = lineColumn(body, first?.offset ?? body.length);
    return {
      ok: false,
      error: msg('file.notJson', {
        path,
        line,
        column,
        detail: atEnd(body, first) ? msg('json.unexpectedEnd') : jsonProblem(printParseErrorCode(first!.error)),
      }),
    };
  }
}

/** Whether the parse failed because the text stopped: no error, or one at the very end. */
function atEnd(body: string, error: ParseError | undefined): boolean {
  return !error || error.offset >= body.trimEnd().length;
}

function jsonProblem(code: ReturnType<typeof printParseErrorCode>): Msg {
  switch (code) {
    case 'CloseBraceExpected':
    case 'CloseBracketExpected':
    case 'UnexpectedEndOfString':
    case 'UnexpectedEndOfComment':
    case 'UnexpectedEndOfNumber':
      return msg('json.unexpectedEnd');
    case 'CommaExpected':
    case 'ColonExpected':
      return msg('json.punctuation');
    default:
      return msg('json.unexpectedCharacter');
  }
}

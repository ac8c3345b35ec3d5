/** Writing Python source: literals, identifiers, and indentation. */

const KEYWORDS = new Set(
  'False None True and as assert async await break class continue def del elif else except finally for from global if import in is lambda nonlocal not or pass raise return try while with yield'.split(
    ' ',
  ),
);

/** A double-quoted Python string literal. */
export function pyString(text: string): string {
  return JSON.stringify(text);
}

/**
 * Text of the user's (a project's or a nested model's name) inside a docstring: quotes, backslashes and line
 * breaks escaped, so that no name can close the docstring and write code of its own into the script — or into
 * the program the PyTorch backend runs.
 */
export function pyDocText(text: string): string {
  return JSON.stringify(text).slice(1, -1);
}

/** A Python number literal: integers as such, floats with a decimal point. */
export function pyNumber(n: number, float = false): string {
  if (Number.isInteger(n) && !float) return String(n);
  const text = String(n);
  return /[.eE]/.test(text) ? text : `${text}.0`;
}

export function pyTuple(values: readonly (number | string)[]): string {
  const items = values.map((v) => (typeof v === 'number' ? pyNumber(v) : v));
  return items.length === 1 ? `(${items[0]},)` : `(${items.join(', ')})`;
}

export function pyBool(value: boolean): string {
  return value ? 'True' : 'False';
}

/** A valid, unused Python identifier close to `name`. */
export function pyIdentifier(name: string, taken: Set<string>): string {
  let id = name.replace(/[^A-Za-z0-9_]/g, '_').replace(/^(?=\d)/, '_') || 'layer';
  if (KEYWORDS.has(id)) id = `${id}_`;
  let unique = id;
  for (let n = 1; taken.has(unique); n++) unique = `${id}_${n}`;
  taken.add(unique);
  return unique;
}

/** A CamelCase class name from a project name ("textbook mnist" → "TextbookMnist"). */
export function pyClassName(name: string, fallback = 'Network'): string {
  const words = name.match(/[A-Za-z0-9]+/g) ?? [];
  const id = words.map((w) => w[0]!.toUpperCase() + w.slice(1)).join('');
  return !id ? fallback : /^\d/.test(id) ? `${fallback}${id}` : id;
}

/** A file name stem from a project name: lower case, words joined by underscores. */
export function pyModuleName(name: string, fallback = 'network'): string {
  const stem = (name.match(/[A-Za-z0-9]+/g) ?? []).join('_').toLowerCase();
  return !stem ? fallback : /^\d/.test(stem) ? `${fallback}_${stem}` : stem;
}

/** Keyword arguments, dropping those whose value is null. */
export function pyArgs(args: ReadonlyArray<string | [string, string | null]>): string {
  return args
    .filter((a) => typeof a === 'string' || a[1] !== null)
    .map((a) => (typeof a === 'string' ? a : `${a[0]}=${a[1]}`))
    .join(', ');
}

/** Lines indented by `depth` levels of four spaces. */
export function indent(lines: readonly string[], depth = 1): string[] {
  const pad = '    '.repeat(depth);
  return lines.map((line) => (line ? pad + line : line));
}

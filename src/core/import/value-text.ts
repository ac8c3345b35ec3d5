/**
 * A short text for a value read from a file, for messages: JSON (with Infinity and NaN as themselves, not
 * JSON's null), cut at 60 characters.
 */
export function formatShapeValue(value: unknown): string {
  let text: string;
  try {
    const marked = JSON.stringify(value, (_key, v: unknown) =>
      typeof v === 'number' && !Number.isFinite(v) ? `\u0000${v}\u0000` : v,
    );
    text = marked === undefined ? String(value) : marked.replace(/"\\u0000(.*?)\\u0000"/g, '$1');
  } catch {
    text = String(value);
  }
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

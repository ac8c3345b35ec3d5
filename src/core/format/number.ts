/** Number formatting shared by the summary, the explanations and the UI: the same in every language. */

/** 1199882 → '1,199,882' (grouping as Keras's summary prints it). */
export function formatInt(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  const sign = n < 0 ? '−' : '';
  const whole = Math.abs(Math.trunc(n));
  if (whole < 1000) return sign + String(whole);
  // Past 10^21 String() writes '7.9e+28': BigInt writes every digit.
  const digits = whole < 1e21 ? String(whole) : BigInt(whole).toString();
  const head = digits.length % 3 || 3;
  let grouped = digits.slice(0, head);
  for (let i = head; i < digits.length; i += 3) grouped += `,${digits.slice(i, i + 3)}`;
  return sign + grouped;
}

/** 0.9902 → '99.02%' (accuracies). */
export function formatPercent(share: number, decimals = 2): string {
  return `${(share * 100).toFixed(decimals)}%`;
}

/** A number in a formula: integers grouped, others with up to 4 significant decimals. */
export function formatNumber(n: number): string {
  if (Number.isInteger(n)) return formatInt(n);
  return String(Number(n.toPrecision(4))).replace('-', '−');
}

/**
 * A value on a scale that spans `span` (a histogram's range, its axis): as many decimals as three
 * significant digits of the span need, so that 9.624e−9 beside 0.9976 reads 0.000 beside 0.998 — never an
 * exponent on a scale a person reads.
 */
export function formatOnScale(n: number, span: number): string {
  const decimals = span > 0 && Number.isFinite(span) ? Math.min(8, Math.max(0, 2 - Math.floor(Math.log10(span)))) : 3;
  const rounded = Number(n.toFixed(decimals)) || 0;
  return rounded
    .toLocaleString('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals })
    .replace('-', '−');
}

/** A shape without the batch axis: [26, 26, 32] → '26 × 26 × 32'; unknown sizes show as '?'. */
export function formatShape(shape: ReadonlyArray<number | null>): string {
  return shape.map((d) => (d === null ? '?' : formatInt(d))).join(' × ');
}

/** A shape the way Keras prints it, batch axis first: (None, 26, 26, 32). */
export function formatKerasShape(shape: ReadonlyArray<number | null>): string {
  const dims = ['None', ...shape.map((d) => (d === null ? 'None' : String(d)))];
  return `(${dims.join(', ')}${shape.length === 0 ? ',' : ''})`;
}

/** Bytes as B, KB, MB or GB (powers of 1,024), one decimal. */
export function formatBytes(bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB', 'PB', 'EB', 'ZB', 'YB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  if (unit === 0) return `${value} B`;
  return `${value >= 1000 ? formatInt(Math.round(value)) : value.toFixed(1)} ${units[unit]}`;
}

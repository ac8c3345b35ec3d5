/** A time span for a person, in their language: "40 s", "12 min", "1.5 h" / "40 秒"… ("…" while unknown). */
import type { Lang } from '@core/index.ts';

const UNITS: Record<Lang, [string, string, string]> = {
  en: ['s', 'min', 'h'],
  'zh-TW': ['秒', '分鐘', '小時'],
};

export function duration(seconds: number, lang: Lang): string {
  if (!Number.isFinite(seconds)) return '…';
  const [s, min, h] = UNITS[lang];
  if (seconds < 60) return `${Math.max(1, Math.round(seconds))} ${s}`;
  if (seconds < 3600) return `${Math.round(seconds / 60)} ${min}`;
  return `${(seconds / 3600).toFixed(1)} ${h}`;
}

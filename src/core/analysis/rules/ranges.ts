/** Range checks on layer settings, reported as diagnostics on the layer. */
import { msg } from '../../i18n/messages.ts';
import { formatNumber } from '../../format/number.ts';
import type { RuleContext } from './rule.ts';

type Report = RuleContext<never>['report'];

/** Limits from the product's rules: filters and units 1–65,536; kernel, pool and stride 1–4,096. */
export const LIMITS = {
  filters: [1, 65_536],
  units: [1, 65_536],
  kernel: [1, 4_096],
  stride: [1, 4_096],
  dilation: [1, 4_096],
  padding: [0, 4_096],
  groups: [1, 65_536],
  inputSize: [1, 65_536],
  /** Concatenate's axis: -3 … 3 on an image (the inspector's bounds; the analysis checks it against the rank). */
  concatAxis: [-3, 3],
} as const satisfies Record<string, readonly [number, number]>;

export function isIntIn(value: number, [min, max]: readonly [number, number]): boolean {
  return Number.isInteger(value) && value >= min && value <= max;
}

/** Reports `setting` unless it is a whole number within `limits`; returns whether it is. */
export function checkInt(
  report: Report,
  label: string,
  setting: string,
  value: number,
  limits: readonly [number, number],
): boolean {
  if (isIntIn(value, limits)) return true;
  report(
    'error',
    msg('diag.outOfRange', {
      layer: label,
      setting,
      value: formatNumber(value),
      min: limits[0],
      max: limits[1],
    }),
  );
  return false;
}

/** Checks both entries of a [height, width] setting. */
export function checkPair(
  report: Report,
  label: string,
  setting: string,
  pair: readonly [number, number],
  limits: readonly [number, number],
): boolean {
  if (pair[0] === pair[1]) return checkInt(report, label, setting, pair[0], limits);
  const a = checkInt(report, label, `${setting}[0]`, pair[0], limits);
  const b = checkInt(report, label, `${setting}[1]`, pair[1], limits);
  return a && b;
}

/** Weight penalties (L1, L2) must be finite and not negative. */
export function checkPenalty(report: Report, label: string, setting: string, value: number): void {
  if (!(Number.isFinite(value) && value >= 0)) {
    report('error', msg('diag.penalty', { layer: label, setting, value: formatNumber(value) }));
  }
}

/** A number setting that must be finite (a scale, an offset, a slope). */
export function checkFinite(report: Report, label: string, setting: string, value: number): void {
  if (!Number.isFinite(value))
    report('error', msg('diag.badNumber', { layer: label, setting, value: formatNumber(value) }));
}

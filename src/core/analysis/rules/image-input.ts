/** Checks shared by the layers that work on images (height × width × channels). */
import { formatNumber, formatShape } from '../../format/number.ts';
import { msg } from '../../i18n/messages.ts';
import type { Padding } from '../../layers/params.ts';
import type { Shape } from '../types.ts';
import { LIMITS, checkInt } from './ranges.ts';
import type { RuleContext } from './rule.ts';

type Report = RuleContext<never>['report'];

/** The input as [height, width, channels], or null (reported) when it is not an image. */
export function imageInput(shape: Shape, label: string, report: Report): [number, number, number] | null {
  if (shape.length !== 3) {
    report('error', msg('diag.needsImage', { layer: label, shape: formatShape(shape) }));
    return null;
  }
  return shape as [number, number, number];
}

/** A numeric padding must be a whole number of pixels from 0 to 4,096. */
export function checkPadding(report: Report, label: string, padding: Padding): boolean {
  if (typeof padding !== 'number') return true;
  if (!Number.isFinite(padding)) {
    report(
      'error',
      msg('diag.badNumber', {
        layer: label,
        setting: 'padding',
        value: formatNumber(padding),
      }),
    );
    return false;
  }
  return checkInt(report, label, 'padding', padding, LIMITS.padding);
}

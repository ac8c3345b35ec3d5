/** Checks shared by the layers that work on sequences (time steps × features): Conv1D, 1-D pooling, RNNs. */
import { formatShape } from '../../format/number.ts';
import { msg } from '../../i18n/messages.ts';
import type { Shape } from '../types.ts';
import type { Report } from './rule.ts';

/** The input as [steps, features], or null (reported) when it is not a sequence. */
export function sequenceInput(shape: Shape, label: string, report: Report): [number, number] | null {
  if (shape.length !== 2) {
    report('error', msg('diag.needsSequence', { layer: label, shape: formatShape(shape) }));
    return null;
  }
  return shape as [number, number];
}

/** Explanations shared by layers that have no weights. */
import { msg } from '../../i18n/messages.ts';
import type { Explanation } from '../types.ts';

export const NO_PARAMS_EXPLANATION: Explanation = {
  rule: msg('explain.params.none'),
  formula: '0',
};
export const NO_MACS_EXPLANATION: Explanation = {
  rule: msg('explain.macs.none'),
  formula: '0',
};

/**
 * A student's answer, typed the way people type them: '18,496', '18 496', '１８４９６' (full-width, from a
 * Chinese input method), '(None, 26, 26, 32)' as Keras prints shapes, '26x26x32', '5×5' or '5' for a square
 * receptive field.
 */
import { msg, type Msg } from '../i18n/messages.ts';
import type { FigureKind } from './figures.ts';

export type ParsedAnswer = { ok: true; numbers: number[] } | { ok: false; problem: Msg } | { ok: 'blank' };

const MAX_SAFE = Number.MAX_SAFE_INTEGER;

export function parseAnswer(text: string, kind: FigureKind): ParsedAnswer {
  const normal = text.normalize('NFKC').trim();
  if (normal === '') return { ok: 'blank' };
  if (kind === 'count') {
    const digits = normal.replace(/[\s,_'’]/g, '');
    return /^\d+$/.test(digits) && Number(digits) <= MAX_SAFE
      ? { ok: true, numbers: [Number(digits)] }
      : { ok: false, problem: msg('exercise.notACount', { answer: normal }) };
  }
  const parts = normal
    .replace(/^[([{]\s*|\s*[)\]}]$/g, '')
    .replace(/^(none|null|\?)\s*[,×xX*]\s*/i, '')
    .split(/\s*[,×xX*、\s]\s*/)
    .filter((p) => p !== '');
  const numbers = parts.map((p) => (/^\d+$/.test(p) ? Number(p) : NaN));
  const sizes = kind === 'shape' ? [1, 2, 3] : [1, 2];
  if (numbers.some((n) => !Number.isSafeInteger(n)) || !sizes.includes(numbers.length)) {
    return {
      ok: false,
      problem: msg(kind === 'shape' ? 'exercise.notAShape' : 'exercise.notAField', { answer: normal }),
    };
  }
  return { ok: true, numbers };
}

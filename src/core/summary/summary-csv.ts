/** The summary as CSV (RFC 4180), for spreadsheets: one row per layer, then the totals. */
import type { Analysis } from '../analysis/types.ts';
import { summarise } from './summary-rows.ts';

function cell(value: string | number | null): string {
  if (value === null) return '';
  const text = String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function summaryCsv(analysis: Analysis): string {
  const rows: Array<Array<string | number | null>> = [
    ['layer', 'type', 'output_shape', 'params', 'trainable_params', 'macs', 'receptive_field'],
    ...summarise(analysis).rows.map((r) => [
      r.name,
      r.type,
      r.outputShape ? r.outputShape.join('x') : null,
      r.params,
      r.trainableParams,
      r.macs,
      r.receptiveField ? r.receptiveField.join('x') : null,
    ]),
    ['total', '', '', analysis.totals.total, analysis.totals.trainable, analysis.totals.macs, ''],
  ];
  return rows.map((row) => row.map(cell).join(',')).join('\r\n') + '\r\n';
}

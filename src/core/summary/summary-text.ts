/**
 * A text summary in the layout of Keras's model.summary(), with two more columns: multiply-adds and
 * receptive field; 'Connected to' as Keras adds it for branched (functional) models.
 */
import type { Analysis } from '../analysis/types.ts';
import { formatBytes, formatInt, formatKerasShape } from '../format/number.ts';
import { cutQuoted, msg, translate, type Lang } from '../i18n/messages.ts';
import { summaryLines } from './nested-models.ts';
import { summarise } from './summary-rows.ts';
import { displayWidth, padEnd, padStart } from './text-width.ts';

export function summaryText(analysis: Analysis, modelName: string, lang: Lang): string {
  const t = (key: Parameters<typeof msg>[0]): string => translate(msg(key as never), lang);
  const summary = summarise(analysis);
  const header = [
    t('summary.layer'),
    t('summary.outputShape'),
    t('summary.params'),
    t('summary.macs'),
    t('summary.receptiveField'),
  ];
  if (summary.branched) header.push(t('summary.connectedTo'));
  // As Keras prints a model with nested models: one row for each, with every layer inside it counted.
  const body = summaryLines(analysis, summary)
    .filter((l) => l.depth === 0)
    .map((l) => {
      const cells =
        l.kind === 'layer'
          ? [
              `${cutQuoted(l.row.name)} (${l.row.type})`,
              l.row.outputShape ? formatKerasShape(l.row.outputShape) : '?',
              l.row.params === null ? '?' : formatInt(l.row.params),
              l.row.macs === null ? '?' : formatInt(l.row.macs),
              l.row.receptiveField ? `${l.row.receptiveField[0]}×${l.row.receptiveField[1]}` : '—',
            ]
          : [
              `${cutQuoted(l.model.name)} (${l.model.className})`,
              l.outputShape ? formatKerasShape(l.outputShape) : '?',
              l.model.params === null ? '?' : formatInt(l.model.params.total),
              l.macs === null ? '?' : formatInt(l.macs),
              '—',
            ];
      if (summary.branched) cells.push(connections(l.kind === 'layer' ? l.row.connectedTo : l.connectedTo));
      return cells;
    });
  if (summary.branched) {
    const inputs = analysis.nodes.filter((n) => n.type === 'Input');
    body.unshift(
      ...inputs.map((n) => [
        `${cutQuoted(n.name)} (InputLayer)`,
        n.outputShape ? formatKerasShape(n.outputShape) : '?',
        '0',
        '0',
        n.receptiveField ? '1×1' : '—',
        '',
      ]),
    );
  }
  const widths = header.map((h, i) => Math.max(displayWidth(h), ...body.map((cells) => displayWidth(cells[i]!))));
  const numeric = new Set([2, 3]);
  const line = (cells: string[]): string =>
    ' ' +
    cells
      .map((c, i) => (numeric.has(i) ? padStart(c, widths[i]!) : padEnd(c, widths[i]!)))
      .join('   ')
      .trimEnd();
  const ruleWidth = Math.max(displayWidth(line(header)), 40) + 1;
  const totals = analysis.totals;
  const bytes = (n: number): string => ` (${formatBytes(n * 4)})`;
  const out = [
    `${t('summary.model')}: "${cutQuoted(modelName)}"`,
    '_'.repeat(ruleWidth),
    line(header),
    '='.repeat(ruleWidth),
    ...body.map(line),
    '='.repeat(ruleWidth),
    `${t('summary.totalParams')}: ${formatInt(totals.total)}${bytes(totals.total)}`,
    `${t('summary.trainableParams')}: ${formatInt(totals.trainable)}${bytes(totals.trainable)}`,
    `${t('summary.nonTrainableParams')}: ${formatInt(totals.nonTrainable)}${bytes(totals.nonTrainable)}`,
    `${t('summary.totalMacs')}: ${formatInt(totals.macs)}`,
  ];
  if (!totals.complete) out.push(t('summary.incomplete'));
  out.push('_'.repeat(ruleWidth));
  return out.join('\n') + '\n';
}

/** Most sources a 'Connected to' cell names; a Concatenate of 20,000 branches would make every row that wide. */
const CONNECTIONS_LISTED = 4;

function connections(names: string[]): string {
  const listed = names.slice(0, CONNECTIONS_LISTED).map(cutQuoted);
  if (names.length > CONNECTIONS_LISTED) listed.push(`… +${formatInt(names.length - CONNECTIONS_LISTED)}`);
  return listed.join(', ');
}

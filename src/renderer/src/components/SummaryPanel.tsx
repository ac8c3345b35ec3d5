/** The Keras-style summary: one row per layer, then the totals. */
import { useState } from 'react';
import {
  formatBytes,
  formatInt,
  formatShape,
  summarise,
  summaryCsv,
  summaryText,
  trainingMemory,
  type Analysis,
  type MaskedAnalysis,
} from '@core/index.ts';
import { useEditor } from '../state/editor-store.ts';
import { useLang } from '../i18n/lang-context.tsx';

/** With an exercise open, the analysis is masked: its hidden figures and totals show as '?', and nothing is copied out. */
export function SummaryPanel({ analysis }: { analysis: Analysis | MaskedAnalysis }) {
  const { t, lang } = useLang();
  const hidden = 'hidden' in analysis ? analysis.hidden : null;
  const totalsHidden = 'totalsHidden' in analysis && analysis.totalsHidden;
  const total = (n: number) => (totalsHidden ? '?' : formatInt(n));
  const summary = summarise(analysis);
  const totals = analysis.totals;
  const name = useEditor((s) => s.settings.meta.name);
  const batchSize = useEditor((s) => s.settings.training.batchSize);
  const memory = trainingMemory(analysis, batchSize);
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    await navigator.clipboard.writeText(summaryText(analysis, name, lang));
    setCopied(true);
    setTimeout(() => setCopied(false), 1500);
  };
  const exportCsv = () => {
    const url = URL.createObjectURL(new Blob([summaryCsv(analysis)], { type: 'text/csv' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = `${name || 'network'}-summary.csv`;
    a.click();
    URL.revokeObjectURL(url);
  };
  return (
    <section className="panel summary-panel" aria-labelledby="summary-title">
      <div className="panel__head">
        <h2 id="summary-title">{t('summary.title')}</h2>
        {hidden === null && (
          <div className="panel__actions">
            <button type="button" className="small" onClick={() => void copy()} data-testid="copy-summary">
              {copied ? t('summary.copied') : t('summary.copy')}
            </button>
            <button type="button" className="small" onClick={exportCsv} data-testid="export-csv">
              {t('summary.csv')}
            </button>
          </div>
        )}
      </div>
      {summary.inputShape && (
        <p className="summary-input">
          {t('summary.input')}: <strong>{formatShape(summary.inputShape)}</strong>
        </p>
      )}
      <div className="table-scroll">
        <table className="summary-table" data-testid="summary-table">
          <thead>
            <tr>
              <th scope="col">{t('summary.layer')}</th>
              <th scope="col">{t('summary.outputShape')}</th>
              <th scope="col" className="num">
                {t('summary.params')}
              </th>
              <th scope="col" className="num">
                {t('summary.macs')}
              </th>
              <th scope="col">{t('summary.receptiveField')}</th>
            </tr>
          </thead>
          <tbody>
            {summary.rows.map((row) => (
              <tr key={row.id} data-testid={`row-${row.name}`}>
                <td>
                  {row.name}
                  <span className="muted layer-type">{row.type}</span>
                </td>
                <td className="shape">{row.outputShape ? formatShape(row.outputShape).replace(/ /g, '') : '?'}</td>
                <td className="num">{row.params === null ? '?' : formatInt(row.params)}</td>
                <td className="num">{row.macs === null ? '?' : formatInt(row.macs)}</td>
                <td>
                  {row.receptiveField
                    ? `${row.receptiveField[0]}×${row.receptiveField[1]}`
                    : hidden?.has(`${row.id}/receptiveField`)
                      ? '?'
                      : '—'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <dl className="summary-totals">
        <dt>{t('summary.total')}</dt>
        <dd data-testid="total-params">{total(totals.total)}</dd>
        <dt>{t('summary.trainable')}</dt>
        <dd data-testid="trainable-params">{total(totals.trainable)}</dd>
        <dt>{t('summary.nonTrainable')}</dt>
        <dd data-testid="non-trainable-params">{total(totals.nonTrainable)}</dd>
        <dt>{t('summary.totalMacs')}</dt>
        <dd>{total(totals.macs)}</dd>
        <dt>{t('summary.memory')}</dt>
        <dd>{totalsHidden ? '?' : formatBytes(totals.activationBytes)}</dd>
        <dt title={t('summary.batchMemoryHint')}>
          {t('summary.batchMemory')} ({t('summary.batchOf')} {batchSize})
        </dt>
        <dd title={t('summary.batchMemoryHint')} data-testid="batch-memory">
          {totalsHidden ? '?' : formatBytes(memory.total)}
        </dd>
      </dl>
      {!totals.complete && !totalsHidden && <p className="muted">{t('summary.incomplete')}</p>}
    </section>
  );
}

/** The Keras-style summary: one row per layer, then the totals. */
import { useState } from 'react';
import {
  formatBytes,
  formatInt,
  formatShape,
  summarise,
  summaryCsv,
  summaryLines,
  summaryText,
  trainingMemory,
  type Analysis,
  type MaskedAnalysis,
} from '@core/index.ts';
import { useEditor } from '../state/editor-store.ts';
import { useLang } from '../i18n/lang-context.tsx';
import { LockIcon } from './LockIcon.tsx';

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
  // Nested models are one row each, as Keras prints them; a click opens one to its layers.
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const lines = summaryLines(analysis, summary).filter((l) =>
    l.groups.slice(0, l.kind === 'model' ? -1 : undefined).every((g) => open.has(g)),
  );
  const toggle = (id: string) =>
    setOpen((was) => {
      const next = new Set(was);
      if (!next.delete(id)) next.add(id);
      return next;
    });
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
            {lines.map((line) =>
              line.kind === 'model' ? (
                <tr key={`model-${line.model.id}`} className="summary-model" data-testid={`row-${line.model.name}`}>
                  <td style={{ paddingLeft: `${0.5 + line.depth * 1.25}rem` }}>
                    <button
                      type="button"
                      className="link summary-model__toggle"
                      aria-expanded={open.has(line.model.id)}
                      onClick={() => toggle(line.model.id)}
                      data-testid={`open-${line.model.name}`}
                    >
                      <span aria-hidden="true">{open.has(line.model.id) ? '▾' : '▸'}</span> {line.model.name}
                    </button>
                    <span className="muted layer-type">{line.model.className}</span>
                  </td>
                  <td className="shape">{line.outputShape ? formatShape(line.outputShape).replace(/ /g, '') : '?'}</td>
                  <td className="num">{line.model.params === null ? '?' : formatInt(line.model.params.total)}</td>
                  <td className="num">{line.macs === null ? '?' : formatInt(line.macs)}</td>
                  <td>—</td>
                </tr>
              ) : (
                <tr key={line.row.id} data-testid={`row-${line.row.name}`}>
                  <td style={line.depth > 0 ? { paddingLeft: `${0.5 + line.depth * 1.25}rem` } : undefined}>
                    {line.row.name}
                    <span className="muted layer-type">{line.row.type}</span>
                    {analysis.byId.get(line.row.id)?.trainable === false && (
                      <span className="summary-frozen" title={t('node.frozenHint')}>
                        {' '}
                        <LockIcon /> {t('node.frozen')}
                      </span>
                    )}
                  </td>
                  <td className="shape">
                    {line.row.outputShape ? formatShape(line.row.outputShape).replace(/ /g, '') : '?'}
                  </td>
                  <td className="num">{line.row.params === null ? '?' : formatInt(line.row.params)}</td>
                  <td className="num">{line.row.macs === null ? '?' : formatInt(line.row.macs)}</td>
                  <td>
                    {line.row.receptiveField
                      ? `${line.row.receptiveField[0]}×${line.row.receptiveField[1]}`
                      : hidden?.has(`${line.row.id}/receptiveField`)
                        ? '?'
                        : '—'}
                  </td>
                </tr>
              ),
            )}
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

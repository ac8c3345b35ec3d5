/** The Keras-style summary: one row per layer, then the totals. */
import { formatBytes, formatInt, formatShape, summarise, type Analysis } from '@core/index.ts';
import { useLang } from '../i18n/lang-context.tsx';

export function SummaryPanel({ analysis }: { analysis: Analysis }) {
  const { t } = useLang();
  const summary = summarise(analysis);
  const totals = analysis.totals;
  return (
    <section className="panel summary-panel" aria-labelledby="summary-title">
      <h2 id="summary-title">{t('summary.title')}</h2>
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
                <td>{row.receptiveField ? `${row.receptiveField[0]}×${row.receptiveField[1]}` : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <dl className="summary-totals">
        <dt>{t('summary.total')}</dt>
        <dd data-testid="total-params">{formatInt(totals.total)}</dd>
        <dt>{t('summary.trainable')}</dt>
        <dd data-testid="trainable-params">{formatInt(totals.trainable)}</dd>
        <dt>{t('summary.nonTrainable')}</dt>
        <dd data-testid="non-trainable-params">{formatInt(totals.nonTrainable)}</dd>
        <dt>{t('summary.totalMacs')}</dt>
        <dd>{formatInt(totals.macs)}</dd>
        <dt>{t('summary.memory')}</dt>
        <dd>{formatBytes(totals.activationBytes)}</dd>
      </dl>
      {!totals.complete && <p className="muted">{t('summary.incomplete')}</p>}
    </section>
  );
}

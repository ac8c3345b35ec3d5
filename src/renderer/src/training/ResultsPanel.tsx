/**
 * After training: test accuracy and loss, the confusion matrix as a heatmap with counts, accuracy per
 * class, and the test images the network got wrong with the true and predicted labels.
 */
import { formatInt, formatPercent, runMetricsCsv, type RunRecord, type SampleImage as Sample } from '@core/index.ts';
import { useLang } from '../i18n/lang-context.tsx';
import { downloadText } from './export-file.ts';
import { SampleImage } from './SampleImage.tsx';

function ConfusionMatrix({ confusion, classes }: { confusion: number[][]; classes: string[] }) {
  const { t } = useLang();
  return (
    <figure className="confusion" data-testid="confusion-matrix">
      <figcaption>{t('results.confusion')}</figcaption>
      <table>
        <thead>
          <tr>
            <th />
            {classes.map((c) => (
              <th key={c} scope="col">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {confusion.map((row, i) => {
            const total = row.reduce((a, b) => a + b, 0) || 1;
            return (
              <tr key={i}>
                <th scope="row">{classes[i]}</th>
                {row.map((count, j) => {
                  const share = count / total;
                  const hue = i === j ? 'var(--heat-right)' : 'var(--heat-wrong)';
                  return (
                    <td
                      key={j}
                      style={{
                        background: `color-mix(in srgb, ${hue} ${Math.round(Math.sqrt(share) * 100)}%, transparent)`,
                      }}
                      title={`${classes[i]} → ${classes[j]}: ${formatInt(count)}`}
                    >
                      {count > 0 ? formatInt(count) : ''}
                    </td>
                  );
                })}
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="muted small">{t('results.confusionHint')}</p>
    </figure>
  );
}

export function ResultsPanel({
  record,
  gallery,
  shape,
}: {
  record: RunRecord;
  gallery: Sample[];
  shape: readonly [number, number, number] | null;
}) {
  const { t, tf } = useLang();
  const evaluation = record.evaluation;
  const classes = record.dataset?.classes ?? [];
  if (!evaluation) return null;
  return (
    <section className="panel results" aria-labelledby="results-title" data-testid="results">
      <header className="results__header">
        <h2 id="results-title">{t('results.title')}</h2>
        <button
          type="button"
          className="link"
          onClick={() => downloadText(runMetricsCsv(record), `${record.id}-metrics.csv`)}
          data-testid="export-csv"
        >
          {t('results.exportCsv')}
        </button>
      </header>
      <div className="results__numbers">
        <div className="big-number" data-testid="test-accuracy">
          <span>{t('results.accuracy')}</span>
          <strong>{formatPercent(evaluation.testAccuracy)}</strong>
        </div>
        <div className="big-number">
          <span>{t('results.loss')}</span>
          <strong>{evaluation.testLoss.toFixed(4)}</strong>
        </div>
      </div>
      <div className="results__grid">
        <ConfusionMatrix confusion={evaluation.confusion} classes={classes} />
        <figure className="per-class">
          <figcaption>{t('results.perClass')}</figcaption>
          <ul className="class-bars">
            {evaluation.perClassAccuracy.map((a, i) => (
              <li key={i}>
                <span className="class-bars__name">{classes[i]}</span>
                <span className="class-bars__bar" style={{ width: `${a * 100}%` }} />
                <span className="class-bars__count">{formatPercent(a)}</span>
              </li>
            ))}
          </ul>
        </figure>
      </div>
      {gallery.length > 0 && shape && (
        <figure className="mistakes" data-testid="mistakes">
          <figcaption>{t('results.mistakes')}</figcaption>
          <ul className="mistakes__grid">
            {gallery.map((sample) => (
              <li key={sample.index}>
                <SampleImage pixels={sample.pixels} shape={shape} size={56} title={`#${sample.index}`} />
                <span className="small">
                  {tf('results.trueLabel', { label: classes[sample.label] ?? sample.label })}
                </span>
                <span className="small wrong">
                  {tf('results.predicted', { label: classes[sample.predicted ?? 0] ?? sample.predicted ?? '?' })}
                </span>
              </li>
            ))}
          </ul>
        </figure>
      )}
    </section>
  );
}

/** The project's runs, newest first: pick one to show, and one to overlay on its charts. */
import { formatPercent } from '@core/index.ts';
import { useLang } from '../i18n/lang-context.tsx';
import { useEditor } from '../state/editor-store.ts';
import { useTraining } from '../state/training-store.ts';

export function RunHistory() {
  const { t, tf, lang } = useLang();
  const runs = useEditor((s) => s.settings.runs);
  const shown = useTraining((s) => s.shownRunId);
  const compare = useTraining((s) => s.compareRunId);
  const set = useTraining((s) => s.set);
  const when = new Intl.DateTimeFormat(lang, { dateStyle: 'short', timeStyle: 'short' });
  return (
    <section className="panel run-history" aria-labelledby="history-title" data-testid="run-history">
      <h2 id="history-title">{t('history.title')}</h2>
      {runs.length === 0 && <p className="muted small">{t('history.empty')}</p>}
      <ol>
        {[...runs].reverse().map((run) => (
          <li key={run.id} className={run.id === shown ? 'selected' : ''}>
            <button type="button" className="run-history__pick" onClick={() => set({ shownRunId: run.id })}>
              <span>{when.format(new Date(run.startedAt))}</span>
              {run.imported ? (
                <span className="muted small">{tf('history.imported', { file: run.imported.file })}</span>
              ) : run.testOnly ? (
                <span className="muted small">
                  {t('history.test')} · {t(`history.status.${run.status}`)}
                  {run.evaluation && ` · ${formatPercent(run.evaluation.testAccuracy)}`}
                </span>
              ) : (
                <span className="muted small">
                  {t(`history.status.${run.status}`)}
                  {run.evaluation && ` · ${formatPercent(run.evaluation.testAccuracy)}`} · {run.epochs.length}/
                  {run.settings.epochs} {t('chart.epoch')}
                </span>
              )}
            </button>
          </li>
        ))}
      </ol>
      {runs.length > 1 && (
        <label className="field">
          <span>{t('history.compare')}</span>
          <select
            value={compare ?? ''}
            onChange={(e) => set({ compareRunId: e.target.value || null })}
            data-testid="compare-run"
          >
            <option value="">{t('history.noCompare')}</option>
            {runs
              .filter((r) => r.id !== shown)
              .map((r) => (
                <option key={r.id} value={r.id}>
                  {when.format(new Date(r.startedAt))}
                </option>
              ))}
          </select>
        </label>
      )}
    </section>
  );
}

/**
 * Start, Pause/Resume and Stop; progress of the epoch and of the run (then of the test), images per second
 * and time left; the badge naming the backend (BackendBadge.tsx).
 */
import { formatInt } from '@core/index.ts';
import { useLang } from '../i18n/lang-context.tsx';
import type { UiKey } from '../i18n/ui-en.ts';
import { BackendBadge } from './BackendBadge.tsx';
import { duration } from './duration.ts';
import { isRunning, pauseOrResume, startTraining, stopTraining, useTraining } from '../state/training-store.ts';

export function RunBar() {
  const { t, tf, tm, lang } = useLang();
  const live = useTraining((s) => s.live);
  const startErrors = useTraining((s) => s.startErrors);
  const fraction = useTraining((s) => s.sampleFraction);
  const running = isRunning(live);
  const progress = live?.progress ?? null;
  const epochShare = progress ? progress.batch / progress.batches : 0;
  const runShare = progress ? (progress.epoch - 1 + epochShare) / progress.epochs : 0;

  return (
    <section className="run-bar" aria-label={t('view.train')} data-testid="run-bar">
      <div className="run-bar__buttons">
        {!running ? (
          <button type="button" className="primary" onClick={() => void startTraining()} data-testid="train-start">
            ▶ {t('run.start')}
            {fraction !== null && <small> · {Math.round(fraction * 100)}%</small>}
          </button>
        ) : (
          <>
            <button type="button" onClick={pauseOrResume} disabled={live.stopping} data-testid="train-pause">
              {live.paused ? `▶ ${t('run.resume')}` : `❚❚ ${t('run.pause')}`}
            </button>
            <button type="button" onClick={stopTraining} disabled={live.stopping} data-testid="train-stop">
              ■ {t('run.stop')}
            </button>
          </>
        )}
        {live?.record.backend && (
          <BackendBadge
            chosen={live.record.backend}
            threads={live.record.threads}
            device={live.record.device}
            reports={live.reports}
            measured={live.measured}
          />
        )}
      </div>
      {running && (
        <div className="run-bar__progress" data-testid="train-progress">
          {live.testing ? (
            <label data-testid="train-testing">
              <span>{tf('run.testing', { n: formatInt(live.testing.total) })}</span>
              <progress value={live.testing.done} max={Math.max(1, live.testing.total)} />
            </label>
          ) : progress ? (
            <>
              <label>
                <span>{tf('run.epoch', { n: progress.epoch, total: progress.epochs })}</span>
                <progress value={epochShare} max={1} />
              </label>
              <label>
                <span>{tf('run.batch', { n: formatInt(progress.batch), total: formatInt(progress.batches) })}</span>
                <progress value={runShare} max={1} />
              </label>
              <span className="muted small">
                {tf('run.speed', { n: formatInt(Math.round(progress.samplesPerSecond)) })} ·{' '}
                {tf('run.eta', { t: duration(progress.etaSeconds, lang) })}
              </span>
            </>
          ) : live.measuring ? (
            <span className="muted" data-testid="train-measuring">
              {tf('run.measuring', {
                backends: live.measuring.map((b) => t(`backendName.${b}` as UiKey)).join(t('run.measuringAnd')),
              })}
            </span>
          ) : (
            <span className="muted">{t('data.loading')}</span>
          )}
          {live.paused && <strong className="run-bar__state">{t('run.paused')}</strong>}
          {live.stopping && <strong className="run-bar__state">{t('run.stopping')}</strong>}
        </div>
      )}
      {startErrors.length > 0 && (
        <div className="notice notice--error" role="alert" data-testid="train-errors">
          <strong>{t('run.couldNotStart')}</strong>
          {startErrors.map((m, i) => (
            <p key={i}>{tm(m)}</p>
          ))}
        </div>
      )}
    </section>
  );
}

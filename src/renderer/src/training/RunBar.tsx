/**
 * Start, Pause/Resume and Stop; progress of the epoch and of the run, images per second and time left; a
 * badge naming the backend, with why it was chosen and why each faster one was not.
 */
import { formatInt, type BackendReport } from '@core/index.ts';
import { useLang } from '../i18n/lang-context.tsx';
import { duration } from './duration.ts';
import { isRunning, pauseOrResume, startTraining, stopTraining, useTraining } from '../state/training-store.ts';

const BACKEND_NAMES: Record<string, string> = {
  cuda: 'CUDA',
  webgpu: 'WebGPU',
  'tfjs-node': 'TensorFlow (CPU)',
  wasm: 'WebAssembly',
  cpu: 'JavaScript CPU',
};

function BackendBadge({
  chosen,
  threads,
  reports,
}: {
  chosen: string;
  threads: number | null;
  reports: BackendReport[];
}) {
  const { tf, tm } = useLang();
  const why = reports
    .map((r) => `${BACKEND_NAMES[r.backend] ?? r.backend}: ${r.reason ? tm(r.reason) : '✓'}`)
    .join('\n');
  return (
    <span className={`badge badge--${chosen}`} title={why} tabIndex={0} data-testid="backend-badge">
      {threads !== null && threads > 1
        ? tf('run.backendThreads', { name: BACKEND_NAMES[chosen] ?? chosen, n: threads })
        : tf('run.backend', { name: BACKEND_NAMES[chosen] ?? chosen })}
    </span>
  );
}

export function RunBar() {
  const { t, tf, tm } = useLang();
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
          <BackendBadge chosen={live.record.backend} threads={live.record.threads} reports={live.reports} />
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
                {tf('run.eta', { t: duration(progress.etaSeconds) })}
              </span>
            </>
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

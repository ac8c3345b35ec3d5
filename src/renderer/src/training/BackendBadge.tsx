/**
 * The badge naming what a run trains on. Opened, it says so in plain words, which faster ways this computer
 * lacks, and — one click further, for whoever needs it — each backend's technical reason.
 */
import { BACKENDS, formatInt, type BackendName, type BackendReport, type MeasuredSpeed } from '@core/index.ts';
import { useLang } from '../i18n/lang-context.tsx';
import type { UiKey } from '../i18n/ui-en.ts';

/** The names on the badge itself. */
const BADGE_NAMES: Record<BackendName, string> = {
  pytorch: 'PyTorch',
  cuda: 'CUDA',
  webgpu: 'WebGPU',
  webgl: 'WebGL',
  'tfjs-node': 'TensorFlow (CPU)',
  wasm: 'WebAssembly',
  cpu: 'JavaScript CPU',
};

const plainName = (backend: BackendName) => `backendName.${backend}` as UiKey;

export function BackendBadge({
  chosen,
  threads,
  device = null,
  reports,
  measured = [],
}: {
  /** As the run record keeps it: a backend's name (an older file may hold one this version lacks). */
  chosen: string;
  threads: number | null;
  /** What PyTorch trains on ('NVIDIA H100', 'CPU'), for a PyTorch run. */
  device?: string | null;
  reports: BackendReport[];
  /** What an automatic choice measured before the run, to choose between the backends. */
  measured?: MeasuredSpeed[];
}) {
  const { t, tf, tm } = useLang();
  const known = (BACKENDS as readonly string[]).includes(chosen) ? (chosen as BackendName) : null;
  const name = known ? BADGE_NAMES[known] : chosen;
  const skipped = reports.filter((r) => !r.available);
  return (
    <details className="backend-details">
      <summary className={`badge badge--${chosen}`} data-testid="backend-badge">
        {device
          ? tf('run.backendDevice', { name, device })
          : threads !== null && threads > 1
            ? tf('run.backendThreads', { name, n: threads })
            : tf('run.backend', { name })}
      </summary>
      <div className="backend-details__panel" data-testid="backend-details">
        {known && (
          <p>
            {known === 'wasm' && (threads ?? 1) === 1
              ? t('run.backendWhy.wasmOneThread')
              : tf(`run.backendWhy.${known}` as UiKey, { n: threads ?? 1, device: device ?? '' })}
          </p>
        )}
        {measured.length > 1 && (
          <p data-testid="backend-measured">
            {tf('run.backendMeasured', {
              figures: measured
                .map((m) =>
                  tf('run.backendMeasuredFigure', {
                    name: t(plainName(m.backend)),
                    n: formatInt(Math.round(m.samplesPerSecond)),
                  }),
                )
                .join(t('run.backendMeasuredAnd')),
            })}
          </p>
        )}
        {skipped.length > 0 && (
          <p>
            {t('run.backendSkipped')} {skipped.map((r) => t(plainName(r.backend))).join(', ')}.
          </p>
        )}
        <details>
          <summary>{t('run.technical')}</summary>
          <ul className="small" data-testid="backend-technical">
            {reports.map((r) => (
              <li key={r.backend}>
                {BADGE_NAMES[r.backend]}: {r.reason ? tm(r.reason) : '✓'}
              </li>
            ))}
          </ul>
        </details>
      </div>
    </details>
  );
}

/**
 * The run about to start, beside the Train button: the presets (the one the settings match marked), how
 * many epochs of how many images, and how long that takes on this machine (Measure speed: a two-second
 * measurement of the network, train.probe). An edit to the network makes the measurement stale.
 */
import { formatInt, type TrainingSettings } from '@core/index.ts';
import { useLang } from '../i18n/lang-context.tsx';
import type { UiKey } from '../i18n/ui-en.ts';
import { useEditor } from '../state/editor-store.ts';
import { imagesPerEpoch, probeSpeed, selectRunning, useTraining } from '../state/training-store.ts';
import { duration } from './duration.ts';
import { updateTraining } from './SettingsPanel.tsx';

interface Preset {
  id: string;
  label: UiKey;
  /** Why these values, shown while the preset is chosen. */
  why?: UiKey;
  settings: Partial<TrainingSettings>;
  /** The fraction of the training images it trains on; null for all. */
  fraction: number | null;
}

/** A preset shows as chosen while the settings are still its own. */
const PRESETS: Preset[] = [
  { id: 'quick', label: 'settings.presetQuick', settings: { epochs: 1 }, fraction: 0.1 },
  {
    id: 'course',
    label: 'settings.presetCourse',
    settings: { epochs: 10, optimizer: 'adam', learningRate: 0.001, batchSize: 128 },
    fraction: null,
  },
  {
    id: 'fine-tune',
    label: 'settings.presetFineTune',
    why: 'settings.presetFineTuneWhy',
    settings: { epochs: 5, optimizer: 'adam', learningRate: 0.0001, batchSize: 32 },
    fraction: null,
  },
];

function Presets() {
  const { t } = useLang();
  const s = useEditor((state) => state.settings.training);
  const fraction = useTraining((state) => state.sampleFraction);
  const chosen = (preset: Preset) =>
    fraction === preset.fraction && Object.entries(preset.settings).every(([k, v]) => s[k as keyof typeof s] === v);
  return (
    <div className="presets" data-testid="presets">
      <span className="muted small">{t('settings.presets')}</span>
      {PRESETS.map((preset) => (
        <button
          key={preset.id}
          type="button"
          onClick={() => {
            updateTraining(preset.settings);
            useTraining.getState().set({ sampleFraction: preset.fraction });
          }}
          aria-pressed={chosen(preset)}
          title={preset.why ? t(preset.why) : undefined}
          data-testid={`preset-${preset.id}`}
        >
          {t(preset.label)}
        </button>
      ))}
      {PRESETS.filter((p) => p.why && chosen(p)).map((p) => (
        <small key={p.id} className="muted">
          {t(p.why!)}
        </small>
      ))}
    </div>
  );
}

function SpeedEstimate() {
  const { t, tf, tm, lang } = useLang();
  const probe = useTraining((state) => state.probe);
  const images = useTraining(imagesPerEpoch);
  const epochs = useEditor((state) => state.settings.training.epochs);
  const graph = useEditor((state) => state.history.present.graph);
  const measuring = probe?.status === 'measuring';
  const measured = probe?.status === 'done' && probe.graph === graph;
  return (
    <div className="speed-estimate" data-testid="speed-estimate">
      {!measured && (
        <small data-testid="run-plan">
          {tf(epochs === 1 ? 'run.planOneEpoch' : 'run.plan', { epochs, images: formatInt(images) })}
        </small>
      )}
      {probe?.status === 'done' && (
        <small className={measured ? '' : 'muted'} data-testid="probe-result">
          {measured
            ? tf(epochs === 1 ? 'settings.probeResultOneEpoch' : 'settings.probeResult', {
                speed: formatInt(Math.round(probe.samplesPerSecond)),
                time: duration((epochs * images) / probe.samplesPerSecond, lang),
                epochs,
                images: formatInt(images),
              })
            : t('settings.probeStale')}
        </small>
      )}
      {probe?.status === 'failed' && (
        <small className="error" role="alert" data-testid="probe-result">
          {probe.errors.map((m) => tm(m)).join(' ')}
        </small>
      )}
      <button type="button" onClick={() => void probeSpeed()} disabled={measuring} data-testid="probe-speed">
        {measuring ? t('settings.probing') : t('settings.probe')}
      </button>
    </div>
  );
}

/** Shown while no run goes on. */
export function RunPlan() {
  const running = useTraining(selectRunning);
  if (running) return null;
  return (
    <div className="run-plan">
      <Presets />
      <SpeedEstimate />
    </div>
  );
}

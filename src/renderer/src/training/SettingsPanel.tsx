/** The Training panel: every engine setting with a short explanation (presets and the run's time: RunPlan.tsx). */
import type { ReactNode } from 'react';
import type { BackendChoice, TrainingSettings } from '@core/index.ts';
import { StartFromField } from './StartFromField.tsx';
import { useLang } from '../i18n/lang-context.tsx';
import type { UiKey } from '../i18n/ui-en.ts';
import { useEditor } from '../state/editor-store.ts';
import { selectRunning, useTraining } from '../state/training-store.ts';

const OPTIMIZERS: Record<TrainingSettings['optimizer'], string> = {
  adam: 'Adam',
  sgd: 'SGD',
  sgd_momentum: 'SGD + momentum',
  rmsprop: 'RMSprop',
};
/** The losses, each worded in the reader's language ('loss.<id>'). */
const LOSSES: readonly TrainingSettings['loss'][] = ['categorical_crossentropy', 'binary_crossentropy', 'mse', 'mae'];

/** Changes some of the project's training settings (one undo step). */
export function updateTraining(change: Partial<TrainingSettings>): void {
  useEditor.getState().updateSettings((s) => ({ ...s, training: { ...s.training, ...change } }));
}

function Field({ label, help, children }: { label: UiKey; help?: UiKey; children: ReactNode }) {
  const { t } = useLang();
  return (
    <label className="field">
      <span>{t(label)}</span>
      {children}
      {help && <small className="muted">{t(help)}</small>}
    </label>
  );
}

/** A number input that only passes on values its check accepts (the schema's ranges). */
function NumberInput({
  value,
  onValue,
  valid,
  step,
  testId,
}: {
  value: number;
  onValue: (n: number) => void;
  valid: (n: number) => boolean;
  step?: number;
  testId?: string;
}) {
  return (
    <input
      type="number"
      defaultValue={value}
      key={value}
      step={step ?? 'any'}
      data-testid={testId}
      onChange={(e) => {
        const n = Number(e.target.value);
        e.target.setCustomValidity(e.target.value !== '' && valid(n) ? '' : '✗');
        if (e.target.value !== '' && valid(n)) onValue(n);
      }}
    />
  );
}

/** The machine's cores, as the trainer counts them, and the count it takes when left to itself. */
const CORES = Math.max(1, navigator.hardwareConcurrency || 1);
const AUTOMATIC_THREADS = CORES >= 4 ? CORES - 1 : CORES;

/** CPU threads for WebAssembly: this machine's choice (kept for the session), not saved with the project. */
function ThreadsField() {
  const { tf } = useLang();
  const threads = useTraining((state) => state.threads);
  return (
    <Field label="settings.threads" help="settings.threadsHelp">
      <select
        value={threads ?? 'auto'}
        data-testid="settings-threads"
        onChange={(e) =>
          // Another thread count makes an earlier speed measurement meaningless.
          useTraining
            .getState()
            .set({ threads: e.target.value === 'auto' ? null : Number(e.target.value), probe: null })
        }
      >
        <option value="auto">{tf('settings.threadsAuto', { n: AUTOMATIC_THREADS })}</option>
        {Array.from({ length: CORES }, (_, i) => i + 1).map((n) => (
          <option key={n} value={n}>
            {n}
          </option>
        ))}
      </select>
    </Field>
  );
}

/** The backends a person may name; automatic tries them in the order the trainer knows is fastest. */
const CHOOSABLE: BackendChoice[] = ['auto', 'webgpu', 'webgl', 'wasm', 'pytorch', 'cpu'];

/** Where training runs: this machine's choice (kept for the session), not saved with the project. */
function BackendField() {
  const { t } = useLang();
  const backend = useTraining((state) => state.backend);
  return (
    <Field label="settings.backend" help="settings.backendHelp">
      <select
        value={backend}
        data-testid="settings-backend"
        onChange={(e) => useTraining.getState().set({ backend: e.target.value as BackendChoice, probe: null })}
      >
        {CHOOSABLE.map((choice) => (
          <option key={choice} value={choice}>
            {t(
              choice === 'auto'
                ? 'settings.backendAuto'
                : `backendChoice.${choice as 'webgpu' | 'webgl' | 'wasm' | 'pytorch' | 'cpu'}`,
            )}
          </option>
        ))}
      </select>
    </Field>
  );
}

const positiveInt = (n: number) => Number.isInteger(n) && n > 0 && n <= 100_000;

export function SettingsPanel() {
  const { t } = useLang();
  const s = useEditor((state) => state.settings.training);
  const locked = useTraining(selectRunning);
  return (
    <section className="panel settings-panel" aria-labelledby="settings-title" data-testid="settings-panel">
      <h2 id="settings-title">{t('settings.title')}</h2>
      <fieldset disabled={locked}>
        <StartFromField />
        <Field label="settings.optimizer" help="settings.optimizerHelp">
          <select
            value={s.optimizer}
            onChange={(e) => updateTraining({ optimizer: e.target.value as TrainingSettings['optimizer'] })}
          >
            {Object.entries(OPTIMIZERS).map(([id, name]) => (
              <option key={id} value={id}>
                {name}
              </option>
            ))}
          </select>
        </Field>
        <Field label="settings.learningRate" help="settings.learningRateHelp">
          <NumberInput
            value={s.learningRate}
            onValue={(learningRate) => updateTraining({ learningRate })}
            valid={(n) => n > 0 && n <= 10}
          />
        </Field>
        <Field label="settings.batchSize" help="settings.batchSizeHelp">
          <NumberInput
            value={s.batchSize}
            onValue={(batchSize) => updateTraining({ batchSize })}
            valid={positiveInt}
            step={1}
          />
        </Field>
        <Field label="settings.epochs" help="settings.epochsHelp">
          <NumberInput
            value={s.epochs}
            onValue={(epochs) => updateTraining({ epochs })}
            valid={(n) => positiveInt(n) && n <= 1000}
            step={1}
            testId="setting-epochs"
          />
        </Field>
        <Field label="settings.validationSplit" help="settings.validationSplitHelp">
          <NumberInput
            value={s.validationSplit}
            onValue={(validationSplit) => updateTraining({ validationSplit })}
            valid={(n) => n >= 0 && n <= 0.9}
            step={0.05}
          />
        </Field>
        <Field label="settings.loss">
          <select value={s.loss} onChange={(e) => updateTraining({ loss: e.target.value as TrainingSettings['loss'] })}>
            {LOSSES.map((id) => (
              <option key={id} value={id}>
                {t(`loss.${id}`)}
              </option>
            ))}
          </select>
        </Field>
        <label className="check">
          <input
            type="checkbox"
            checked={s.earlyStopping !== null}
            onChange={(e) =>
              updateTraining({
                earlyStopping: e.target.checked ? { monitor: 'val_loss', patience: 3, restoreBestWeights: true } : null,
              })
            }
          />
          {t('settings.earlyStopping')}
        </label>
        {s.earlyStopping && (
          <Field label="settings.patience">
            <NumberInput
              value={s.earlyStopping.patience}
              onValue={(patience) => updateTraining({ earlyStopping: { ...s.earlyStopping!, patience } })}
              valid={(n) => Number.isInteger(n) && n >= 0 && n <= 100}
              step={1}
            />
          </Field>
        )}
        <label className="check">
          <input
            type="checkbox"
            checked={s.augmentation !== null}
            onChange={(e) =>
              updateTraining({
                augmentation: e.target.checked ? { rotation: 10, shift: 0.1, zoom: 0.1, flip: false, noise: 0 } : null,
              })
            }
          />
          {t('settings.augmentation')}
        </label>
        <Field label="settings.seed" help="settings.seedHelp">
          <NumberInput value={s.seed} onValue={(seed) => updateTraining({ seed })} valid={Number.isInteger} step={1} />
        </Field>
        <BackendField />
        <ThreadsField />
      </fieldset>
    </section>
  );
}

/**
 * Fine-tuning's first choice: what the next run's weights start as — random (a new network), or the
 * weights of an earlier run or of an imported model, which the run then trains further.
 */
import { useLang } from '../i18n/lang-context.tsx';
import { useEditor } from '../state/editor-store.ts';
import { startingWeights, useTraining, weightSources } from '../state/training-store.ts';
import { runLabel } from './run-label.ts';

export function StartFromField() {
  const { t, lang } = useLang();
  const runs = useEditor((s) => s.settings.runs);
  const chosen = useTraining((s) => startingWeights(runs, s.startFrom));
  const sources = weightSources(runs);
  if (sources.length === 0) return null;
  return (
    <label className="field">
      <span>{t('settings.startFrom')}</span>
      <select
        value={chosen?.id ?? ''}
        data-testid="settings-start-from"
        onChange={(e) => useTraining.getState().set({ startFrom: e.target.value || null })}
      >
        <option value="">{t('settings.startFromRandom')}</option>
        {sources.map((run) => (
          <option key={run.id} value={run.id}>
            {runLabel(run, lang)}
          </option>
        ))}
      </select>
      <small className="muted">{t(chosen ? 'settings.startFromHelpChosen' : 'settings.startFromHelp')}</small>
    </label>
  );
}

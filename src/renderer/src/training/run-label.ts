/**
 * A run in one line, for choosing weights to start from and saying where a run started: its date (a test's
 * said so) and test accuracy, or its file.
 */
import { formatPercent, type Lang, type RunRecord } from '@core/index.ts';
import { uiString } from '../i18n/lang-context.tsx';

export function runLabel(run: RunRecord, lang: Lang): string {
  if (run.imported) return uiString(lang, 'history.imported').replace('{file}', run.imported.file);
  const when = new Intl.DateTimeFormat(lang, { dateStyle: 'short', timeStyle: 'short' }).format(
    new Date(run.startedAt),
  );
  const what = run.testOnly ? `${uiString(lang, 'history.test')} · ${when}` : when;
  return run.evaluation ? `${what} · ${formatPercent(run.evaluation.testAccuracy)}` : what;
}

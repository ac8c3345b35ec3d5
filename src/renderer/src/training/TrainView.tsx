/**
 * The Train view: data and settings on the left; the run bar, live charts and results in the middle; the
 * project's runs on the right. Shows the run in progress, or the finished run picked in the history.
 */
import { useMemo } from 'react';
import { formatInt, overfittingStart, type RunRecord } from '@core/index.ts';
import { useLang } from '../i18n/lang-context.tsx';
import { useEditor } from '../state/editor-store.ts';
import { isRunning, useTraining } from '../state/training-store.ts';
import { DataPanel } from './DataPanel.tsx';
import { ImportedWeights } from './ImportedWeights.tsx';
import { MetricChart } from './MetricChart.tsx';
import { ResultsPanel } from './ResultsPanel.tsx';
import { RunBar } from './RunBar.tsx';
import { RunHistory } from './RunHistory.tsx';
import { RunPlan } from './RunPlan.tsx';
import { runLabel } from './run-label.ts';
import { SettingsPanel } from './SettingsPanel.tsx';
import { TryNetwork } from './TryNetwork.tsx';

/** Where a fine-tuning run's weights came from, and which layers started afresh. */
function StartedFrom({ record, runs }: { record: RunRecord; runs: RunRecord[] }) {
  const { tf, lang } = useLang();
  const from = record.startedFrom!;
  const source = runs.find((r) => r.id === from.runId);
  const label = source ? runLabel(source, lang) : from.runId;
  if (record.testOnly) {
    const test = record.dataset ? formatInt(record.dataset.test) : '…';
    const dataset = record.dataset?.name ?? '…';
    return (
      <p className="notice" data-testid="started-from">
        {tf('run.testedFrom', { from: label, n: test, dataset })}
      </p>
    );
  }
  return (
    <p className="notice" data-testid="started-from">
      {tf('run.startedFrom', { from: label })}
      {from.fresh.length > 0 && <> {tf('run.startedFresh', { layers: from.fresh.join(', ') })}</>}
    </p>
  );
}

export function TrainView() {
  const { t, tf, tm } = useLang();
  const live = useTraining((s) => s.live);
  const shownId = useTraining((s) => s.shownRunId);
  const compareId = useTraining((s) => s.compareRunId);
  const images = useTraining((s) => s.images);
  const dataset = useTraining((s) => s.data.dataset);
  const runs = useEditor((s) => s.settings.runs);

  const running = isRunning(live) ? live : null;
  const record = running?.record ?? runs.find((r) => r.id === shownId) ?? live?.record ?? null;
  const compare = runs.find((r) => r.id === compareId && r.id !== record?.id) ?? null;
  const overfitting = useMemo(() => (record ? overfittingStart(record.epochs) : null), [record]);

  return (
    <div className="train-view" data-testid="train-view">
      <div className="train-view__left">
        <DataPanel />
        <SettingsPanel />
      </div>
      <div className="train-view__main">
        <RunBar />
        {/* Under the bar, not in it: the bar stays in sight while the results scroll, and stays short. */}
        <RunPlan />
        {!record && <p className="muted train-view__empty">{t('run.notStarted')}</p>}
        {record && (
          <>
            {record.status === 'stopped' && <p className="notice">{t('run.stopped')}</p>}
            {record.status === 'failed' && record.error && (
              <div className="notice notice--error" role="alert" data-testid="run-failed">
                <strong>{t('run.failed')}</strong>
                <p>{tm(record.error)}</p>
              </div>
            )}
            {record.startedFrom && <StartedFrom record={record} runs={runs} />}
            {overfitting !== null && (
              <p className="notice notice--warn" data-testid="overfitting">
                {tf('chart.overfitting', { n: overfitting })}
              </p>
            )}
            {record.imported ? (
              <ImportedWeights run={record} />
            ) : (
              <>
                {!record.testOnly && (
                  <div className="charts">
                    <MetricChart record={record} compare={compare} metric="loss" overfittingFrom={overfitting} />
                    <MetricChart record={record} compare={compare} metric="accuracy" overfittingFrom={overfitting} />
                  </div>
                )}
                <ResultsPanel
                  record={record}
                  gallery={images[record.id]?.mistakes ?? []}
                  shape={dataset?.shape ?? null}
                />
              </>
            )}
            {record.status === 'done' && record.modelDir && (
              <TryNetwork
                key={record.id}
                record={record}
                images={[...(images[record.id]?.examples ?? []), ...(images[record.id]?.mistakes ?? [])]}
              />
            )}
          </>
        )}
      </div>
      <div className="train-view__right">
        <RunHistory />
      </div>
    </div>
  );
}

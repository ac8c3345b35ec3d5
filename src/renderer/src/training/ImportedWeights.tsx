/**
 * A run that is a trained model's imported weights, not a training here: where they came from, how many,
 * and the class names that came with them. The network is tried and looked inside below, as after a run.
 */
import { formatInt, type RunRecord } from '@core/index.ts';
import { useLang } from '../i18n/lang-context.tsx';
import { selectRunning, testWeights, useTraining } from '../state/training-store.ts';

/** Tests the weights on the chosen dataset's test images (a confusion matrix), without training them. */
function TestWeights({ run }: { run: RunRecord }) {
  const { t, tf } = useLang();
  const { dataset, loading } = useTraining((s) => s.data);
  const running = useTraining(selectRunning);
  const label = dataset
    ? tf('imported.test', { dataset: dataset.name })
    : t(loading ? 'imported.testLoading' : 'imported.testNoData');
  return (
    <p className="test-weights">
      <button
        type="button"
        onClick={() => void testWeights(run.id)}
        disabled={!dataset || running}
        data-testid="test-weights"
      >
        {label}
      </button>
    </p>
  );
}

const FORMAT_NAMES = { tfjs: 'TensorFlow.js', keras: 'Keras 3 (.keras)', h5: 'Keras 2 (.h5)' } as const;

export function ImportedWeights({ run }: { run: RunRecord }) {
  const imported = run.imported!;
  const { t, tf } = useLang();
  return (
    <section className="panel imported-weights" aria-labelledby="imported-title" data-testid="imported-weights">
      <h2 id="imported-title">{t('imported.title')}</h2>
      <p>
        {tf('imported.from', {
          file: imported.file,
          format: FORMAT_NAMES[imported.format],
          params: formatInt(run.network.params),
        })}
      </p>
      <p className="muted small">
        {imported.labels ? tf('imported.labels', { labels: imported.labels.join(', ') }) : t('imported.noLabels')}
      </p>
      <TestWeights run={run} />
      <p className="muted small">{t('imported.next')}</p>
    </section>
  );
}

/**
 * The Data panel: built-in MNIST or a folder (IDX, CIFAR-10, image folders), its classes, counts per class,
 * a grid of samples, and whether its images fit the network's Input, with an offer to make them fit.
 */
import { useEffect, useMemo, useState } from 'react';
import {
  analyse,
  classCountFix,
  datasetFitProblems,
  formatInt,
  formatShape,
  type DatasetBinding,
} from '@core/index.ts';
import { api, droppedPath } from '../api/api.ts';
import { useLang } from '../i18n/lang-context.tsx';
import { useEditor } from '../state/editor-store.ts';
import { useUi } from '../state/ui-store.ts';
import { describeData, describeDataOnce, selectRunning, useTraining } from '../state/training-store.ts';
import { PixelRangeField } from './PixelRangeField.tsx';
import { SampleImage } from './SampleImage.tsx';

function setBinding(dataset: DatasetBinding): void {
  useEditor.getState().updateSettings((s) => ({ ...s, dataset }));
  void describeData();
}

/** Folders are recognised by what they hold, as the CLI does; the host tells which kind on loading. */
function folderBinding(path: string): DatasetBinding {
  return { kind: 'folder', path, testSplit: 0.2 };
}

export function DataPanel() {
  const { t, tf, tm } = useLang();
  const binding = useEditor((s) => s.settings.dataset);
  const graph = useEditor((s) => s.history.present.graph);
  const data = useTraining((s) => s.data);
  const locked = useTraining(selectRunning);
  const nativeDialogs = useUi((s) => s.info?.nativeDialogs ?? false);
  const [path, setPath] = useState(binding && binding.kind !== 'builtin' ? binding.path : '');
  const [dropping, setDropping] = useState(false);
  const [dropFailed, setDropFailed] = useState(false);
  const analysis = useMemo(() => analyse(graph), [graph]);
  const input = analysis.nodes.find((n) => n.type === 'Input');

  useEffect(() => {
    describeDataOnce();
  }, [data]);

  const dataset = data.dataset;
  const inputShape = input?.outputShape ?? null;
  const problems = dataset
    ? datasetFitProblems(analysis, { name: dataset.name, shape: dataset.shape, classes: dataset.classes.length })
    : [];
  // A wrong shape has its own notice below, with the offer to take the images' shape.
  const fits = !inputShape || !problems.some((m) => m.key === 'data.shapeMismatch');
  const classProblem = problems.find((m) => m.key === 'data.classMismatch');
  const classFix = classProblem && dataset ? classCountFix(graph, analysis, dataset.classes.length) : null;
  const largest = dataset ? Math.max(...dataset.classCounts, 1) : 1;

  const useShape = () => {
    if (!input || !dataset) return;
    useEditor.getState().perform({ kind: 'setParam', nodeId: input.id, key: 'shape', value: [...dataset.shape] });
  };
  const browse = async () => {
    const picked = await api['dataset.pickFolder']({});
    if (picked.ok && picked.value) {
      setPath(picked.value);
      setBinding(folderBinding(picked.value));
    }
  };

  const drop = (e: React.DragEvent) => {
    const file = e.dataTransfer.files[0];
    if (!file) return;
    // A folder dropped here is a dataset, not a network to open.
    e.preventDefault();
    e.stopPropagation();
    setDropping(false);
    if (locked) return;
    const dropped = droppedPath(file);
    setDropFailed(dropped === null);
    if (dropped) {
      setPath(dropped);
      setBinding(folderBinding(dropped));
    }
  };

  return (
    <section
      className={`panel data-panel${dropping ? ' data-panel--dropping' : ''}`}
      aria-labelledby="data-title"
      data-testid="data-panel"
      onDragOver={(e) => {
        if (!e.dataTransfer.types.includes('Files')) return;
        e.preventDefault();
        setDropping(true);
      }}
      onDragLeave={() => setDropping(false)}
      onDrop={drop}
    >
      <h2 id="data-title">{t('data.title')}</h2>
      <fieldset disabled={locked}>
        <label className="radio">
          <input
            type="radio"
            name="dataset-kind"
            checked={binding?.kind === 'builtin'}
            onChange={() => setBinding({ kind: 'builtin', name: 'mnist' })}
          />
          {t('data.builtin')}
        </label>
        <label className="radio">
          <input
            type="radio"
            name="dataset-kind"
            checked={binding !== null && binding.kind !== 'builtin'}
            onChange={() => path && setBinding(folderBinding(path))}
            data-testid="data-folder-radio"
          />
          {t('data.folder')}
        </label>
        <form
          className="data-panel__path"
          onSubmit={(e) => {
            e.preventDefault();
            if (path.trim()) setBinding(folderBinding(path.trim()));
          }}
        >
          <input
            aria-label={t('data.pathLabel')}
            value={path}
            onChange={(e) => setPath(e.target.value)}
            placeholder="/home/…/fashion-mnist"
            spellCheck={false}
            data-testid="data-path"
          />
          {nativeDialogs && (
            <button type="button" onClick={() => void browse()}>
              {t('data.browse')}
            </button>
          )}
          <button type="submit" data-testid="data-load">
            {t('data.load')}
          </button>
        </form>
        <p className="muted small">{t('data.folderHint')}</p>
        <p className="muted small">{t('data.dropHint')}</p>
        {dropFailed && (
          <p className="notice" role="status" data-testid="data-drop-no-path">
            {t('data.dropNoPath')}
          </p>
        )}
        <PixelRangeField />
      </fieldset>

      {data.loading && <p className="muted">{t('data.loading')}</p>}
      {data.errors.length > 0 && (
        <div className="notice notice--error" role="alert" data-testid="data-errors">
          {data.errors.map((m, i) => (
            <p key={i}>{tm(m)}</p>
          ))}
        </div>
      )}
      {dataset && (
        <div data-testid="data-summary">
          <dl className="facts">
            <dt>{t('data.classes')}</dt>
            <dd>{formatInt(dataset.classes.length)}</dd>
            <dt>{t('data.split')}</dt>
            <dd>
              {formatInt(dataset.train)} / {formatInt(dataset.validation)} / {formatInt(dataset.test)}
            </dd>
            <dt>{t('data.shape')}</dt>
            <dd>{formatShape(dataset.shape)}</dd>
          </dl>
          {fits ? (
            <p className="ok small">✓ {t('data.fits')}</p>
          ) : (
            <div className="notice notice--warn" data-testid="data-misfit">
              <p>
                {tf('data.doesNotFit', {
                  input: inputShape ? formatShape(inputShape) : '?',
                  data: formatShape(dataset.shape),
                })}
              </p>
              <button type="button" onClick={useShape} disabled={locked}>
                {tf('data.useShape', { data: formatShape(dataset.shape) })}
              </button>
            </div>
          )}
          {classProblem && (
            <div className="notice notice--warn" data-testid="data-class-misfit">
              <p>{tm(classProblem)}</p>
              {classFix && (
                <button
                  type="button"
                  onClick={() => useEditor.getState().perform({ kind: 'replaceGraph', graph: classFix.graph })}
                  disabled={locked}
                  data-testid="data-class-fix"
                >
                  {tm(classFix.what)}
                </button>
              )}
            </div>
          )}
          <h3>{t('data.perClass')}</h3>
          <ul className="class-bars">
            {dataset.classes.map((name, i) => (
              <li key={name}>
                <span className="class-bars__name">{name}</span>
                <span className="class-bars__bar" style={{ width: `${(dataset.classCounts[i]! / largest) * 100}%` }} />
                <span className="class-bars__count">{formatInt(dataset.classCounts[i]!)}</span>
              </li>
            ))}
          </ul>
          <div className="sample-grid" data-testid="data-preview">
            {dataset.preview.map((sample) => (
              <SampleImage
                key={sample.index}
                pixels={sample.pixels}
                shape={dataset.shape}
                size={36}
                title={dataset.classes[sample.label]}
              />
            ))}
          </div>
        </div>
      )}
    </section>
  );
}

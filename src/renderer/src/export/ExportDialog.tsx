/**
 * Export: the network as a runnable Keras, PyTorch or PyTorch Lightning script (shown before it is saved),
 * and the weights of its latest finished run, for Keras and PyTorch (.npz) or as a TensorFlow.js model.
 */
import { useEffect, useMemo, useState } from 'react';
import {
  analyse,
  datasetFitProblems,
  formatPercent,
  kerasScript,
  npzBytes,
  pyModuleName,
  pytorchScripts,
  tfjsModelZip,
  trainedWeights,
  type Lang,
  type Project,
} from '@core/index.ts';
import { api } from '../api/api.ts';
import { Modal } from '../components/Modal.tsx';
import { useLang } from '../i18n/lang-context.tsx';
import type { UiKey } from '../i18n/ui-en.ts';
import { currentProject, useEditor } from '../state/editor-store.ts';
import { describeDataOnce, useTraining, weightSources } from '../state/training-store.ts';
import { useUi } from '../state/ui-store.ts';
import { downloadBytes, downloadText } from '../training/export-file.ts';

type Flavour = 'keras' | 'pytorch' | 'lightning';
const FLAVOURS: Flavour[] = ['keras', 'pytorch', 'lightning'];

/** The script of a flavour, its comments in the app's language. */
function exported(project: Project, flavour: Flavour, lang: Lang) {
  if (flavour === 'keras') {
    const keras = kerasScript(project, '', lang);
    return keras.ok ? { ok: true as const, file: { fileName: keras.fileName, text: keras.text } } : keras;
  }
  const torch = pytorchScripts(project, lang);
  return torch.ok ? { ok: true as const, file: torch.files[flavour === 'pytorch' ? 0 : 1]! } : torch;
}

/** The run whose weights are exported: the one on screen if it finished, else the latest that did. */
function weightsRun(project: Project, shownRunId: string | null) {
  const done = weightSources(project.runs);
  return done.find((r) => r.id === shownRunId) ?? done[0] ?? null;
}

/**
 * The script trains on the project's dataset: where that does not fit the network (the Data panel's
 * description of it, asked for here if the Train view has not yet), say so before it is exported.
 */
function DataMisfit({ project }: { project: Project }) {
  const { t, tm } = useLang();
  const data = useTraining((s) => s.data);
  useEffect(() => {
    if (project.dataset) describeDataOnce();
  }, [project.dataset, data]);
  const problems = useMemo(() => {
    const dataset = data.dataset;
    if (!project.dataset || !dataset) return [];
    const shape = { name: dataset.name, shape: dataset.shape, classes: dataset.classes.length };
    return datasetFitProblems(analyse(project.graph), shape);
  }, [project, data.dataset]);
  if (problems.length === 0) return null;
  return (
    <div className="notice notice--warn" data-testid="export-data-misfit">
      <p>{t('export.dataMisfit')}</p>
      <ul>
        {problems.map((m, i) => (
          <li key={i}>{tm(m)}</li>
        ))}
      </ul>
    </div>
  );
}

function TrainedWeights({ project }: { project: Project }) {
  const { t, tf } = useLang();
  const shownRunId = useTraining((s) => s.shownRunId);
  const run = weightsRun(project, shownRunId);
  const [missing, setMissing] = useState(false);
  const stem = pyModuleName(project.meta.name);
  const save = async (kind: 'npz' | 'tfjs') => {
    if (!run) return;
    const result = await api['train.model']({ runId: run.id });
    if (!result.ok || !result.value) return setMissing(true);
    setMissing(false);
    if (kind === 'npz') downloadBytes(npzBytes(trainedWeights(result.value)), `${stem}_weights.npz`);
    else downloadBytes(tfjsModelZip(result.value), `${stem}_tfjs.zip`, 'application/zip');
  };
  return (
    <section className="export__weights" data-testid="export-weights">
      <h3>{t('export.weights')}</h3>
      {!run ? (
        <p className="muted">{t('export.noRun')}</p>
      ) : (
        <>
          <p className="muted small">
            {tf('export.weightsOf', {
              when: new Date(run.startedAt).toLocaleString(),
              accuracy: run.evaluation ? formatPercent(run.evaluation.testAccuracy) : '—',
            })}
          </p>
          <div className="export__buttons">
            <button type="button" onClick={() => void save('npz')} data-testid="export-weights-npz">
              {tf('export.weightsNpz', { file: `${stem}_weights.npz` })}
            </button>
            <button type="button" onClick={() => void save('tfjs')} data-testid="export-weights-tfjs">
              {tf('export.weightsTfjs', { file: `${stem}_tfjs.zip` })}
            </button>
          </div>
          <p className="muted small">{t('export.weightsHint')}</p>
          <p className="muted small">
            {t('export.convertHint')}{' '}
            <code>
              tensorflowjs_converter --input_format=tfjs_layers_model --output_format=keras model.json model.h5
            </code>
          </p>
          {missing && (
            <p className="notice notice--error" role="alert">
              {t('try.missing')}
            </p>
          )}
        </>
      )}
    </section>
  );
}

export function ExportDialog() {
  const { t, tf, tm, lang } = useLang();
  const [flavour, setFlavour] = useState<Flavour>('keras');
  const [copied, setCopied] = useState(false);
  const history = useEditor((s) => s.history);
  const settings = useEditor((s) => s.settings);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the project is rebuilt when its parts change
  const project = useMemo(() => currentProject(useEditor.getState()), [history, settings]);
  const result = useMemo(() => exported(project, flavour, lang), [project, flavour, lang]);
  const close = () => useUi.getState().set({ exportOpen: false });
  const copy = async (text: string) => {
    try {
      await navigator.clipboard.writeText(text);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  };
  return (
    <Modal title={t('export.title')} onCancel={close} testId="export-dialog">
      <div className="export">
        <div className="export__tabs" role="tablist">
          {FLAVOURS.map((f) => (
            <button
              key={f}
              type="button"
              role="tab"
              aria-selected={flavour === f}
              className={flavour === f ? 'selected' : ''}
              onClick={() => {
                setFlavour(f);
                setCopied(false);
              }}
              data-testid={`export-${f}`}
            >
              {t(`export.${f}` as UiKey)}
            </button>
          ))}
        </div>
        <p className="muted small">{t(`export.${flavour}Hint` as UiKey)}</p>
        <DataMisfit project={project} />
        {result.ok ? (
          <>
            <pre className="export__code" data-testid="export-preview" tabIndex={0}>
              {result.file.text}
            </pre>
            <div className="export__buttons">
              <button
                type="button"
                className="primary"
                onClick={() => downloadText(result.file.text, result.file.fileName, 'text/x-python')}
                data-testid="export-download"
              >
                {tf('export.download', { file: result.file.fileName })}
              </button>
              <button type="button" onClick={() => void copy(result.file.text)}>
                {copied ? t('export.copied') : t('export.copy')}
              </button>
            </div>
          </>
        ) : (
          <div className="notice notice--error" role="alert" data-testid="export-errors">
            {result.errors.map((m, i) => (
              <p key={i}>{tm(m)}</p>
            ))}
          </div>
        )}
        <TrainedWeights project={project} />
      </div>
      <div className="modal__actions">
        <button type="button" onClick={close} data-testid="export-close">
          {t('export.close')}
        </button>
      </div>
    </Modal>
  );
}

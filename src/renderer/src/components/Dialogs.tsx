/** The dialogs that wait for an answer: unsaved changes, and Save As where the host has no native dialog. */
import { useState } from 'react';
import { useLang } from '../i18n/lang-context.tsx';
import { stopTraining, useTraining } from '../state/training-store.ts';
import { selectStudent, useExercise } from '../state/exercise-store.ts';
import { useUi } from '../state/ui-store.ts';
import { ExportDialog } from '../export/ExportDialog.tsx';
import { Modal } from './Modal.tsx';

export function Dialogs() {
  const unsaved = useUi((s) => s.unsavedPrompt);
  const replace = useUi((s) => s.replacePrompt);
  const saveAs = useUi((s) => s.saveAsPrompt);
  const stopToEdit = useTraining((s) => s.stopToEditAsked);
  const exporting = useUi((s) => s.exportOpen);
  // Never for a student: the exported code states the counts an exercise asks.
  const student = useExercise(selectStudent);
  return (
    <>
      {exporting && !student && <ExportDialog />}
      {stopToEdit && <StopToEditDialog />}
      {unsaved && <UnsavedDialog answer={unsaved.answer} />}
      {saveAs && <SaveAsDialog suggestedPath={saveAs.suggestedPath} answer={saveAs.answer} />}
      {replace && <ReplaceDialog path={replace.path} answer={replace.answer} />}
    </>
  );
}

function StopToEditDialog() {
  const { t } = useLang();
  const close = () => useTraining.getState().set({ stopToEditAsked: false });
  return (
    <Modal title={t('run.stopToEdit')} onCancel={close} testId="stop-to-edit-dialog">
      <p>{t('run.stopToEditBody')}</p>
      <div className="modal__actions">
        <button type="button" className="primary" onClick={close} autoFocus>
          {t('run.keepTraining')}
        </button>
        <button
          type="button"
          onClick={() => {
            close();
            stopTraining();
          }}
          data-testid="stop-to-edit-confirm"
        >
          {t('run.stopAndEdit')}
        </button>
      </div>
    </Modal>
  );
}

function UnsavedDialog({ answer }: { answer: (choice: 'save' | 'discard' | 'cancel') => void }) {
  const { t } = useLang();
  return (
    <Modal title={t('unsaved.title')} onCancel={() => answer('cancel')} testId="unsaved-dialog">
      <p>{t('unsaved.body')}</p>
      <div className="modal__actions">
        <button type="button" onClick={() => answer('cancel')}>
          {t('dialog.cancel')}
        </button>
        <button type="button" onClick={() => answer('discard')} data-testid="unsaved-discard">
          {t('unsaved.discard')}
        </button>
        <button type="button" className="primary" onClick={() => answer('save')} autoFocus data-testid="unsaved-save">
          {t('unsaved.save')}
        </button>
      </div>
    </Modal>
  );
}

/** Saving would replace a file that ConvStudio did not write: only on an explicit yes. */
function ReplaceDialog({ path, answer }: { path: string; answer: (replace: boolean) => void }) {
  const { t, tf } = useLang();
  return (
    <Modal title={t('replace.title')} onCancel={() => answer(false)} testId="replace-dialog">
      <p>{tf('replace.body', { path })}</p>
      <div className="modal__actions">
        <button type="button" className="primary" onClick={() => answer(false)} autoFocus>
          {t('dialog.cancel')}
        </button>
        <button type="button" onClick={() => answer(true)} data-testid="replace-confirm">
          {t('replace.confirm')}
        </button>
      </div>
    </Modal>
  );
}

function SaveAsDialog({ suggestedPath, answer }: { suggestedPath: string; answer: (path: string | null) => void }) {
  const { t } = useLang();
  const [path, setPath] = useState(suggestedPath);
  return (
    <Modal title={t('saveAs.title')} onCancel={() => answer(null)} testId="save-as-dialog">
      <form
        method="dialog"
        onSubmit={(e) => {
          e.preventDefault();
          if (path.trim()) answer(path.trim());
        }}
      >
        <label className="field">
          <span>{t('saveAs.path')}</span>
          <input
            value={path}
            onChange={(e) => setPath(e.target.value)}
            autoFocus
            spellCheck={false}
            data-testid="save-as-path"
          />
        </label>
        <p className="muted small">{t('saveAs.pathHint')}</p>
        <div className="modal__actions">
          <button type="button" onClick={() => answer(null)}>
            {t('dialog.cancel')}
          </button>
          <button type="submit" className="primary" data-testid="save-as-confirm">
            {t('saveAs.save')}
          </button>
        </div>
      </form>
    </Modal>
  );
}

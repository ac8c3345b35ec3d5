/**
 * The window title names the document and marks unsaved work; closing with unsaved work, or while the
 * network trains, asks first.
 */
import { useEffect } from 'react';
import { useLang } from '../i18n/lang-context.tsx';
import { selectDirty, useEditor } from '../state/editor-store.ts';
import { selectUnsavedAnswers, useExercise } from '../state/exercise-store.ts';
import { selectRunning, useTraining } from '../state/training-store.ts';

export function useDocumentTitle(): string {
  const { t } = useLang();
  const title = useEditor((s) => s.title) || t('file.untitled');
  // A student's unsaved answers are unsaved work as much as an edited network.
  const networkEdited = useEditor(selectDirty);
  const answersUnsaved = useExercise(selectUnsavedAnswers);
  const dirty = networkEdited || answersUnsaved;
  const shown = `${dirty ? '• ' : ''}${title}`;
  useEffect(() => {
    document.title = `${shown} — ConvStudio`;
  }, [shown]);
  const training = useTraining(selectRunning);
  useEffect(() => {
    if (!dirty && !training) return;
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      e.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [dirty, training]);
  return shown;
}

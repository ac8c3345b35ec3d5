/** The window title names the document and marks unsaved work; closing with unsaved work asks first. */
import { useEffect } from 'react';
import { useLang } from '../i18n/lang-context.tsx';
import { selectDirty, useEditor } from '../state/editor-store.ts';

export function useDocumentTitle(): string {
  const { t } = useLang();
  const title = useEditor((s) => s.title) || t('file.untitled');
  const dirty = useEditor(selectDirty);
  const shown = `${dirty ? '• ' : ''}${title}`;
  useEffect(() => {
    document.title = `${shown} — ConvStudio`;
  }, [shown]);
  useEffect(() => {
    if (!dirty) return;
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      e.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [dirty]);
  return shown;
}

/**
 * Keyboard shortcuts (Ctrl on Windows and Linux, ⌘ on macOS): undo, redo, copy, paste, duplicate, select
 * all, save, save as, open. Text fields keep their own editing keys. Delete and Backspace are the canvas's.
 */
import { useEffect } from 'react';
import { openWithDialog, save, saveAs } from '../files/file-actions.ts';
import { useEditor } from '../state/editor-store.ts';

function inTextField(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return (
    !!el && (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT' || el.isContentEditable)
  );
}

export function useShortcuts(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey) return;
      const key = e.key.toLowerCase();
      const editor = useEditor.getState();
      const text = inTextField(e.target);
      const run = (action: () => unknown) => {
        e.preventDefault();
        void action();
      };
      if (key === 's') return run(e.shiftKey ? saveAs : save);
      if (key === 'o') return run(openWithDialog);
      if (text) return;
      if (key === 'z' && !e.shiftKey) return run(editor.undo);
      if ((key === 'z' && e.shiftKey) || key === 'y') return run(editor.redo);
      if (key === 'c') return run(editor.copy);
      if (key === 'v') return run(editor.paste);
      if (key === 'd') return run(editor.duplicate);
      if (key === 'a') return run(editor.selectAll);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}

/**
 * Every few seconds, unsaved work goes to the app's data folder — the project, or a student's answers to an
 * open exercise; once the work is saved (or back to what was saved) the copy is removed. A crash or a killed
 * process therefore loses at most a few seconds.
 */
import { useEffect } from 'react';
import { api } from '../api/api.ts';
import { currentProject, selectDirty, useEditor } from '../state/editor-store.ts';
import { useExercise } from '../state/exercise-store.ts';

export const AUTOSAVE_INTERVAL_MS = 2_000;

/** What the autosave last looked at: when none of it changed, there is nothing to write. */
function snapshot(): unknown[] {
  const editor = useEditor.getState();
  const student = useExercise.getState().student;
  return [editor.history.present, editor.settings, student?.answers, student?.saved];
}

export function useAutosave(enabled: boolean): void {
  useEffect(() => {
    if (!enabled) return;
    let written: unknown[] | null = null;
    let busy = false;
    const tick = async () => {
      const now = snapshot();
      if (busy || (written && now.every((part, i) => part === written![i]))) return;
      busy = true;
      try {
        const editor = useEditor.getState();
        const student = useExercise.getState().student;
        if (student && !student.saved) {
          await api['autosave.write']({
            project: currentProject(editor),
            path: student.filePath,
            exercise: { ...student.exercise, answers: student.answers },
          });
        } else if (!student && selectDirty(editor)) {
          await api['autosave.write']({ project: currentProject(editor), path: editor.filePath });
        } else if (written !== null) {
          await api['autosave.clear']({});
        }
        written = now;
      } finally {
        busy = false;
      }
    };
    const timer = setInterval(() => void tick(), AUTOSAVE_INTERVAL_MS);
    return () => clearInterval(timer);
  }, [enabled]);
}

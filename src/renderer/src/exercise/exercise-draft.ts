/**
 * The exercise a teacher is making of the open network. It is part of the project (saved, autosaved and
 * marked unsaved with it), so these read and change the editor's project settings.
 */
import { useMemo } from 'react';
import { projectDraft, toggleQuestion, type ExerciseDraft, type Question } from '@core/index.ts';
import { useEditor } from '../state/editor-store.ts';

export function useDraft(): ExerciseDraft {
  const kept = useEditor((s) => s.settings.exercise);
  const name = useEditor((s) => s.settings.meta.name);
  return useMemo(() => projectDraft({ exercise: kept, meta: { name } }), [kept, name]);
}

export function currentDraft(): ExerciseDraft {
  return projectDraft(useEditor.getState().settings);
}

export function changeDraft(change: Partial<ExerciseDraft>): void {
  useEditor
    .getState()
    .updateSettings((settings) => ({ ...settings, exercise: { ...projectDraft(settings), ...change } }));
}

/** Asks or stops asking one figure. */
export function toggleAsked(question: Question): void {
  changeDraft({ questions: toggleQuestion(currentDraft().questions, question) });
}

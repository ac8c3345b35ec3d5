/** What the exercise buttons do: save the teacher's exercise file, and print a worksheet or its answer key. */
import {
  EXERCISE_EXTENSION,
  makeExercise,
  variantByCode,
  variantsOf,
  type Analysis,
  type Graph,
  type Lang,
} from '@core/index.ts';
import { api } from '../api/api.ts';
import { askSavePath, stem, writeExercise } from '../files/file-actions.ts';
import { currentProject, useEditor } from '../state/editor-store.ts';
import { useExercise, type PrintKind } from '../state/exercise-store.ts';
import { currentDraft } from './exercise-draft.ts';
import { useUi } from '../state/ui-store.ts';
import { uiString } from '../i18n/lang-context.tsx';

function baseTitle(): string {
  return currentDraft().title.trim() || stem(useEditor.getState().title) || 'exercise';
}

/**
 * Asks where and writes the teacher's exercise of the open network (and its analysis, as the page has it);
 * its path, or null when cancelled or it failed (a banner says why).
 */
export async function saveExerciseFile(graph: Graph, analysis: Analysis): Promise<string | null> {
  const exercise = makeExercise(graph, analysis, currentDraft());
  const path = await askSavePath(`${fileSafe(baseTitle())}${EXERCISE_EXTENSION}`);
  return path ? writeExercise(path, exercise) : null;
}

/** 'Ex 1: CNN?' → 'Ex 1 CNN' */
function fileSafe(name: string): string {
  return (
    name
      .replace(/[\\/:*?"<>|]+/g, ' ')
      .replace(/\s+/g, ' ')
      .trim() || 'exercise'
  );
}

/** The outcome of printing, for the page to say. */
export type PrintOutcome =
  { kind: 'saved'; path: string } | { kind: 'printed' } | { kind: 'cancelled' } | { kind: 'failed' };

/**
 * Lays the sheet out for printing and prints it: to a PDF file the host writes (Electron's printToPDF),
 * or through the browser's print dialog, where "Save as PDF" is one of the printers.
 */
export async function printSheet(kind: PrintKind, lang: Lang): Promise<PrintOutcome> {
  useExercise.getState().setPrint(kind, lang);
  await nextPaint();
  const suffix = uiString(lang, kind === 'answerKey' ? 'print.answerKey' : 'print.worksheet');
  if (useUi.getState().info?.printsPdf) {
    const result = await api['print.pdf']({ suggestedName: `${fileSafe(baseTitle())} - ${suffix}.pdf` });
    if (!result.ok) {
      useUi.getState().set({ banner: { kind: 'saveError', messages: result.error.messages } });
      return { kind: 'failed' };
    }
    if (!result.value) return { kind: 'cancelled' };
    if (!result.value.ok) {
      useUi.getState().set({ banner: { kind: 'saveError', messages: result.value.errors } });
      return { kind: 'failed' };
    }
    return { kind: 'saved', path: result.value.path };
  }
  window.print();
  return { kind: 'printed' };
}

/** Resolves once the page has drawn what was just rendered. */
function nextPaint(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())));
}

/** Opens the variant of a code the student typed, read-only as the exercise's network; false if no variant has it. */
export function chooseVariant(typed: string): boolean {
  const student = useExercise.getState().student;
  const variant = student && variantByCode(variantsOf(student.exercise), typed);
  if (!variant) return false;
  const editor = useEditor.getState();
  const project = { ...currentProject(editor), graph: variant.graph };
  if (!editor.load(project, { filePath: editor.filePath, title: editor.title, saved: true, readOnly: true }))
    return false;
  useExercise.getState().setVariant(variant.code);
  return true;
}

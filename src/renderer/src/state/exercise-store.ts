/**
 * Exercises in the page: the teacher's choices for the open network (which figures to ask, the title and
 * instructions), or — when an exercise file is open — the student's answers; and the sheet being printed.
 */
import { create } from 'zustand';
import { toggleQuestion, type Exercise, type ExerciseDraft, type Lang, type Question } from '@core/index.ts';

export interface StudentWork {
  exercise: Exercise;
  /** The exercise file it came from; null when it was picked in a browser (Save asks where). */
  filePath: string | null;
  fileName: string;
  answers: Record<string, string>;
  /** Answers are marked right or wrong from the first check on. */
  checking: boolean;
  /** False when answers changed since the last save. */
  saved: boolean;
}

export type PrintKind = 'worksheet' | 'answerKey';

export interface ExerciseState {
  draft: ExerciseDraft;
  student: StudentWork | null;
  /** The sheet laid out for printing; it stays rendered (invisible on screen) until the next one. */
  print: { kind: PrintKind; lang: Lang; epoch: number } | null;

  setDraft(change: Partial<ExerciseDraft>): void;
  toggle(question: Question): void;
  /** Opens an exercise file for a student (saved: false for answers restored after a crash). */
  startStudent(exercise: Exercise, filePath: string | null, fileName: string, saved?: boolean): void;
  answer(key: string, text: string): void;
  check(): void;
  markSaved(filePath: string, fileName: string): void;
  /** A new document: no student work, a fresh draft. */
  reset(title?: string): void;
  setPrint(kind: PrintKind, lang: Lang): void;
}

const emptyDraft = (title = ''): ExerciseDraft => ({ title, instructions: '', questions: [] });

export const useExercise = create<ExerciseState>()((set) => ({
  draft: emptyDraft(),
  student: null,
  print: null,

  setDraft: (change) => set((s) => ({ draft: { ...s.draft, ...change } })),
  toggle: (question) => set((s) => ({ draft: { ...s.draft, questions: toggleQuestion(s.draft.questions, question) } })),
  startStudent: (exercise, filePath, fileName, saved = true) =>
    set({
      student: { exercise, filePath, fileName, answers: { ...exercise.answers }, checking: false, saved },
      draft: emptyDraft(),
      print: null,
    }),
  answer: (key, text) =>
    set((s) =>
      s.student ? { student: { ...s.student, answers: { ...s.student.answers, [key]: text }, saved: false } } : {},
    ),
  check: () => set((s) => (s.student ? { student: { ...s.student, checking: true } } : {})),
  markSaved: (filePath, fileName) =>
    set((s) => (s.student ? { student: { ...s.student, filePath, fileName, saved: true } } : {})),
  reset: (title = '') => set({ student: null, draft: emptyDraft(title), print: null }),
  setPrint: (kind, lang) => set((s) => ({ print: { kind, lang, epoch: (s.print?.epoch ?? 0) + 1 } })),
}));

export const selectStudent = (s: ExerciseState): boolean => s.student !== null;
export const selectUnsavedAnswers = (s: ExerciseState): boolean => s.student !== null && !s.student.saved;

/**
 * Exercises in the page: when an exercise file is open, the student's answers; and the sheet being printed.
 * (The exercise a teacher is making is part of the project: exercise/exercise-draft.ts.)
 */
import { create } from 'zustand';
import type { Exercise, Lang } from '@core/index.ts';

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
  student: StudentWork | null;
  /** The sheet laid out for printing; it stays rendered (invisible on screen) until the next one. */
  print: { kind: PrintKind; lang: Lang; epoch: number } | null;

  /** Opens an exercise file for a student (saved: false for answers restored after a crash). */
  startStudent(exercise: Exercise, filePath: string | null, fileName: string, saved?: boolean): void;
  answer(key: string, text: string): void;
  /** The variant whose code the student typed in (saved with their answers). */
  setVariant(code: string): void;
  check(): void;
  markSaved(filePath: string, fileName: string): void;
  /** A new document: no student work. */
  reset(): void;
  setPrint(kind: PrintKind, lang: Lang): void;
}

export const useExercise = create<ExerciseState>()((set) => ({
  student: null,
  print: null,

  startStudent: (exercise, filePath, fileName, saved = true) =>
    set({
      student: { exercise, filePath, fileName, answers: { ...exercise.answers }, checking: false, saved },
      print: null,
    }),
  answer: (key, text) =>
    set((s) =>
      s.student ? { student: { ...s.student, answers: { ...s.student.answers, [key]: text }, saved: false } } : {},
    ),
  setVariant: (code) =>
    set((s) =>
      s.student
        ? {
            student: {
              ...s.student,
              exercise: { ...s.student.exercise, variantCode: code },
              checking: false,
              saved: false,
            },
          }
        : {},
    ),
  check: () => set((s) => (s.student ? { student: { ...s.student, checking: true } } : {})),
  markSaved: (filePath, fileName) =>
    set((s) => (s.student ? { student: { ...s.student, filePath, fileName, saved: true } } : {})),
  reset: () => set({ student: null, print: null }),
  setPrint: (kind, lang) => set((s) => ({ print: { kind, lang, epoch: (s.print?.epoch ?? 0) + 1 } })),
}));

export const selectStudent = (s: ExerciseState): boolean => s.student !== null;
export const selectUnsavedAnswers = (s: ExerciseState): boolean => s.student !== null && !s.student.saved;

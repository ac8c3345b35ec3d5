/** The Exercise tab: the student's sheet when an exercise file is open, otherwise the teacher's for the open network. */
import type { Analysis, Graph } from '@core/index.ts';
import { useExercise } from '../state/exercise-store.ts';
import { StudentSheet } from './StudentSheet.tsx';
import { TeacherSheet } from './TeacherSheet.tsx';

export function ExerciseView({ graph, analysis }: { graph: Graph; analysis: Analysis }) {
  const student = useExercise((s) => s.student);
  return student ? (
    <StudentSheet work={student} graph={graph} analysis={analysis} />
  ) : (
    <TeacherSheet graph={graph} analysis={analysis} />
  );
}

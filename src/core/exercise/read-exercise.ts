/** Reading an exercise file's JSON: refuses newer versions, validates, and names where a damaged file is damaged. */
import { msg, type Msg } from '../i18n/messages.ts';
import { issuePath, issueProblem } from '../document/schema-issues.ts';
import { EXERCISE_VERSION, exerciseSchema, type Exercise } from './exercise-schema.ts';

export type ExerciseResult = { ok: true; exercise: Exercise } | { ok: false; errors: Msg[] };

const MAX_REPORTED_ISSUES = 5;

export function readExercise(value: Record<string, unknown>, path: string): ExerciseResult {
  const version = value.version;
  if (typeof version === 'number' && Number.isInteger(version) && version > EXERCISE_VERSION) {
    return { ok: false, errors: [msg('file.newerVersion', { path, version, supported: EXERCISE_VERSION })] };
  }
  const parsed = exerciseSchema.safeParse(value, { reportInput: true });
  if (parsed.success) return { ok: true, exercise: parsed.data };
  return {
    ok: false,
    errors: parsed.error.issues
      .slice(0, MAX_REPORTED_ISSUES)
      .map((issue) =>
        msg('file.invalidExercise', { path, where: issuePath(issue.path), problem: issueProblem(issue) }),
      ),
  };
}

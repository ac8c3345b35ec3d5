/**
 * Reading a project file's JSON: refuses files from a newer ConvStudio, brings older versions up to date
 * through the migrations, validates with the schema and names where a damaged file is damaged.
 */
import { msg, type Msg } from '../i18n/messages.ts';
import { PROJECT_VERSION, projectSchema, type Project } from './project-schema.ts';
import { formatShapeValue } from '../import/value-text.ts';
import { issuePath, issueProblem } from './schema-issues.ts';

/** Each migration takes a project of version v (the key) to version v + 1. */
export const MIGRATIONS: Record<number, (old: Record<string, unknown>) => Record<string, unknown>> = {
  /** Version 2 keeps training runs with the project; a version 1 file has none. */
  1: (old) => ({ ...old, runs: [] }),
  /** Version 3 keeps a teacher's exercise in the making with the project; a version 2 file has none. */
  2: (old) => ({ ...old, exercise: null }),
  /** Version 4 has frozen layers and nested models; a version 3 file has neither, so it reads as it is. */
  3: (old) => old,
};

export type ProjectResult = { ok: true; project: Project } | { ok: false; errors: Msg[] };

const MAX_REPORTED_ISSUES = 5;

export function readProject(value: Record<string, unknown>, path: string): ProjectResult {
  let data = value;
  const version = data.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return {
      ok: false,
      errors: [
        msg('file.invalidProject', {
          path,
          where: 'version',
          problem:
            version === undefined
              ? msg('schema.missing')
              : msg('schema.invalidType', { expected: 'version', received: formatShapeValue(version) }),
        }),
      ],
    };
  }
  if (version > PROJECT_VERSION) {
    return {
      ok: false,
      errors: [msg('file.newerVersion', { path, version, supported: PROJECT_VERSION })],
    };
  }
  for (let v = version; v < PROJECT_VERSION; v++) {
    const migrate = MIGRATIONS[v];
    if (!migrate) throw new Error(`No migration from project version ${v}`);
    data = { ...migrate(data), version: v + 1 };
  }
  const parsed = projectSchema.safeParse(data, { reportInput: true });
  if (parsed.success) return { ok: true, project: parsed.data };
  return {
    ok: false,
    errors: parsed.error.issues.slice(0, MAX_REPORTED_ISSUES).map((issue) =>
      msg('file.invalidProject', {
        path,
        where: issuePath(issue.path),
        problem: issueProblem(issue),
      }),
    ),
  };
}

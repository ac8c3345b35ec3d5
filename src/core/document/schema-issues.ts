/** zod validation issues as localised messages that name where in the file the problem is. */
import type { z } from 'zod';
import { msg, type Msg } from '../i18n/messages.ts';
import { formatShapeValue } from '../import/value-text.ts';

/** ['graph', 'nodes', 3, 'params', 'filters'] → 'graph.nodes[3].params.filters' */
export function issuePath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const part of path) {
    out += typeof part === 'number' ? `[${part}]` : `${out ? '.' : ''}${String(part)}`;
  }
  return out || '(top level)';
}

export function issueProblem(issue: z.core.$ZodIssue): Msg {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined
        ? msg('schema.missing')
        : msg('schema.invalidType', {
            expected: issue.expected,
            received: formatShapeValue(issue.input),
          });
    case 'invalid_value':
      return msg('schema.invalidValue', {
        options: issue.values.map((v) => formatShapeValue(v)).join(', '),
      });
    case 'invalid_union': {
      const options = (issue as { options?: unknown[] }).options;
      if (Array.isArray(options)) {
        return msg('schema.invalidValue', { options: options.map((v) => formatShapeValue(v)).join(', ') });
      }
      return msg('schema.noForm');
    }
    case 'too_small':
      return msg('schema.tooSmall', { min: String(issue.minimum) });
    case 'too_big':
      return msg('schema.tooBig', { max: String(issue.maximum) });
    case 'custom': {
      const params = issue.params as { message?: Msg } | undefined;
      return params?.message ?? msg('schema.noForm');
    }
    default:
      // zod's own wording is English for developers: a reader gets ours.
      return msg('schema.noForm');
  }
}

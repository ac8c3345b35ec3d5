/**
 * Runs one API call from an untrusted caller: checks the method, validates the params, runs the handler,
 * and turns every failure into an ApiResult. Electron main and the browser host both use it.
 */
import { msg } from '../i18n/messages.ts';
import { issuePath, issueProblem } from '../document/schema-issues.ts';
import { apiParams, type ApiHandlers, type ApiMethod, type ApiResult } from './api-schema.ts';

export async function dispatch(
  handlers: ApiHandlers,
  method: unknown,
  params: unknown,
  onInternalError: (error: unknown) => void,
): Promise<ApiResult<unknown>> {
  if (typeof method !== 'string' || !Object.prototype.hasOwnProperty.call(apiParams, method)) {
    return {
      ok: false,
      error: {
        code: 'unknown-method',
        messages: [msg('api.unknownMethod', { method: String(method).slice(0, 100) })],
      },
    };
  }
  const name = method as ApiMethod;
  const parsed = apiParams[name].safeParse(params ?? {}, { reportInput: true });
  if (!parsed.success) {
    return {
      ok: false,
      error: {
        code: 'bad-request',
        messages: parsed.error.issues.slice(0, 5).map((issue) =>
          msg('api.badRequest', {
            method: name,
            where: issuePath(issue.path),
            problem: issueProblem(issue),
          }),
        ),
      },
    };
  }
  try {
    const handler = handlers[name] as (p: unknown) => Promise<unknown>;
    return { ok: true, value: await handler(parsed.data) };
  } catch (error) {
    onInternalError(error);
    return {
      ok: false,
      error: { code: 'internal', messages: [msg('api.internal')] },
    };
  }
}

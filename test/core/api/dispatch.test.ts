/** Errors cross the API boundary as values; a handler's exception never reaches the caller as a stack. */
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { MAX_UPLOAD_BASE64, dispatch, translate, type ApiHandlers } from '../../../src/core/index.ts';

const handlers: ApiHandlers = {
  'app.info': async () => ({
    version: '1',
    host: 'browser',
    systemLang: 'en',
    nativeDialogs: false,
    printsPdf: false,
    projectsFolder: '/p',
  }),
  'project.initial': async () => {
    throw new Error('disk on fire at /secret/path');
  },
  'project.readText': async () => ({ ok: false, errors: [] }),
  'project.openPath': async ({ path }) => ({ path, result: { ok: false, errors: [] } }),
  'project.openPretrained': async () => ({ path: '', result: { ok: false, errors: [] } }),
  'project.openFiles': async () => ({ path: '', result: { ok: false, errors: [] } }),
  'project.openDialog': async () => null,
  'project.save': async ({ path }) => ({ ok: true, path }),
  'project.saveDialog': async () => null,
  'exercise.save': async ({ path }) => ({ ok: true, path }),
  'print.pdf': async () => null,
  'recent.list': async () => [],
  'autosave.write': async () => null,
  'autosave.read': async () => null,
  'autosave.clear': async () => null,
  'train.start': async () => ({ ok: true, runId: 'run-1' }),
  'train.probe': async () => ({ ok: false, errors: [] }),
  'train.gpuEngine': async () => false,
  'train.prepare': async () => ({ ok: false, errors: [] }),
  'train.data': async () => null,
  'train.saveModel': async () => ({ ok: false, errors: [] }),
  'train.release': async () => null,
  'train.pause': async () => null,
  'train.resume': async () => null,
  'train.stop': async () => null,
  'train.model': async () => null,
  'dataset.describe': async () => ({ ok: false, errors: [] }),
  'dataset.pickFolder': async () => null,
};

describe('dispatch', () => {
  it('returns the value of a valid call', async () => {
    expect(await dispatch(handlers, 'app.info', {}, () => {})).toEqual({
      ok: true,
      value: {
        version: '1',
        host: 'browser',
        systemLang: 'en',
        nativeDialogs: false,
        printsPdf: false,
        projectsFolder: '/p',
      },
    });
  });

  it('turns a thrown error into an internal-error value and logs it for developers only', async () => {
    const log = vi.fn();
    const result = await dispatch(handlers, 'project.initial', {}, log);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('internal');
    expect(JSON.stringify(result)).not.toMatch(/disk on fire|secret|at .*\.ts/);
    expect(translate(result.error.messages[0]!, 'zh-TW')).toBe(
      'ConvStudio 內部發生問題。您的作品沒有改變；請再試一次。',
    );
    expect(log).toHaveBeenCalledWith(expect.objectContaining({ message: 'disk on fire at /secret/path' }));
  });

  it('refuses unknown methods and invalid params before any handler runs', async () => {
    const spy = vi.fn(handlers['project.readText']);
    const guarded = { ...handlers, 'project.readText': spy };
    const unknown = await dispatch(guarded, 'constructor', {}, () => {});
    expect(unknown).toMatchObject({ ok: false, error: { code: 'unknown-method' } });
    const invalid = await dispatch(guarded, 'project.readText', { fileName: '', text: 'x' }, () => {});
    expect(invalid).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    if (!invalid.ok) {
      expect(translate(invalid.error.messages[0]!, 'en')).toBe(
        'The app sent a malformed request to project.readText (fileName: the value must be at least 1).',
      );
    }
    expect(spy).not.toHaveBeenCalled();
  });

  it('refuses uploaded file names that are paths, and uploads larger than a model ConvStudio opens', async () => {
    const spy = vi.fn(handlers['project.openFiles']);
    const guarded = { ...handlers, 'project.openFiles': spy };
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.constantFrom('..', '.', '', 'a/b', '../model.json', 'C:\\x\\model.json', '/etc/passwd', 'x\0y'),
          fc.tuple(fc.string(), fc.constantFrom('/', '\\', '\0'), fc.string()).map(([a, b, c]) => a + b + c),
        ),
        async (name) => {
          const result = await dispatch(guarded, 'project.openFiles', { files: [{ name, base64: '' }] }, () => {});
          expect(result).toMatchObject({ ok: false, error: { code: 'bad-request' } });
        },
      ),
    );
    const big = 'A'.repeat(MAX_UPLOAD_BASE64 / 2 + 8);
    const tooBig = await dispatch(
      guarded,
      'project.openFiles',
      {
        files: [
          { name: 'a.bin', base64: big },
          { name: 'b.bin', base64: big },
        ],
      },
      () => {},
    );
    expect(tooBig).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(spy).not.toHaveBeenCalled();
  });
});

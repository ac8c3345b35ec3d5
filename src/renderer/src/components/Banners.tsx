/** Messages above the workspace: a file that could not be opened or saved, unsaved work to restore. */
import { api } from '../api/api.ts';
import { baseName, openDocument } from '../files/file-actions.ts';
import { useLang } from '../i18n/lang-context.tsx';
import { useUi } from '../state/ui-store.ts';

export function Banners() {
  const { t, tm, lang } = useLang();
  const banner = useUi((s) => s.banner);
  const restore = useUi((s) => s.restore);
  const set = useUi((s) => s.set);
  return (
    <>
      {restore && (
        <div className="banner banner--info" role="status" data-testid="restore-banner">
          <div>
            <strong>{t(restore.exercise ? 'restore.foundAnswers' : 'restore.found')}</strong>{' '}
            <span className="muted">
              ({restore.path ? baseName(restore.path) : restore.exercise?.title || t('file.untitled')},{' '}
              {new Date(restore.savedAt).toLocaleString(lang)})
            </span>
          </div>
          <div className="banner__actions">
            <button
              type="button"
              onClick={() => {
                set({ restore: null });
                void api['autosave.clear']({});
              }}
            >
              {t('restore.discard')}
            </button>
            <button
              type="button"
              className="primary"
              data-testid="restore-button"
              onClick={() => {
                const title = restore.path ? baseName(restore.path) : (restore.exercise?.title ?? '');
                openDocument(restore.project, { filePath: restore.path, title, saved: false }, restore.exercise);
                set({ restore: null });
              }}
            >
              {t('restore.restore')}
            </button>
          </div>
        </div>
      )}
      {banner?.kind === 'openNotice' && (
        <div className="banner banner--info" role="status" data-testid="open-notice">
          <ul className="banner__notices">
            {banner.messages.map((m, i) => (
              <li key={i}>{tm(m)}</li>
            ))}
          </ul>
          <button type="button" onClick={() => set({ banner: null })}>
            {t('file.dismiss')}
          </button>
        </div>
      )}
      {banner && banner.kind !== 'openNotice' && (
        <div className="banner banner--error" role="alert" data-testid="open-error">
          <div>
            <strong>{t(banner.kind === 'openError' ? 'file.couldNotOpen' : 'file.couldNotSave')}</strong>
            <ul>
              {banner.messages.map((m, i) => (
                <li key={i}>{tm(m)}</li>
              ))}
            </ul>
          </div>
          <button type="button" onClick={() => set({ banner: null })}>
            {t('file.dismiss')}
          </button>
        </div>
      )}
    </>
  );
}

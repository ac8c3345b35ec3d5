/** The top bar: files, undo and redo, tidying, templates, language and theme. */
import { LANGUAGES, PRETRAINED, TEMPLATES, canRedo, canUndo, makeProject, type Lang } from '@core/index.ts';
import {
  baseName,
  confirmDiscard,
  newDocument,
  openDocument,
  openFiles,
  openPath,
  openPretrained,
  openWithDialog,
  OPEN_INPUT_ID,
  save,
  saveAs,
} from '../files/file-actions.ts';
import { useDocumentTitle } from '../hooks/use-document-title.ts';
import { useLang } from '../i18n/lang-context.tsx';
import { LANG_NAMES } from '../i18n/lang-names.ts';
import { useEditor } from '../state/editor-store.ts';
import type { Theme } from '../state/preferences.ts';
import { useUi } from '../state/ui-store.ts';
import { selectStudent, useExercise } from '../state/exercise-store.ts';

export interface ToolbarProps {
  onLang: (lang: Lang) => void;
  theme: Theme;
  onTheme: (theme: Theme) => void;
}

export const MOD = typeof navigator !== 'undefined' && /Mac/.test(navigator.platform) ? '⌘' : 'Ctrl+';

async function startFromTemplate(id: string, lang: Lang): Promise<void> {
  const template = TEMPLATES.find((t) => t.id === id);
  if (!template || !(await confirmDiscard())) return;
  openDocument(makeProject(template.build(), template.name.en), {
    filePath: null,
    title: template.name[lang],
    saved: true,
  });
}

/** Template list values: a template's id, or a trained network's after this. */
const PRETRAINED_PREFIX = 'trained:';

export function Toolbar({ onLang, theme, onTheme }: ToolbarProps) {
  const { t, lang } = useLang();
  const title = useDocumentTitle();
  const undoable = useEditor((s) => canUndo(s.history));
  const redoable = useEditor((s) => canRedo(s.history));
  const recent = useUi((s) => s.recent);
  const view = useUi((s) => s.view);
  const student = useExercise(selectStudent);
  const readOnly = useEditor((s) => s.readOnly);
  const editor = useEditor.getState();
  return (
    <header className="toolbar">
      <div className="toolbar__brand">
        <span className="toolbar__logo" aria-hidden="true" />
        <span className="toolbar__app">{t('app.title')}</span>
        <span className="toolbar__doc" data-testid="doc-title">
          {title}
        </span>
      </div>
      <div className="toolbar__end">
        <div className="toolbar__views" role="tablist" aria-label={t('app.title')}>
          {(student ? (['design', 'exercise'] as const) : (['design', 'train', 'exercise'] as const)).map((v) => (
            <button
              key={v}
              type="button"
              role="tab"
              aria-selected={view === v}
              className={view === v ? 'active' : ''}
              onClick={() => useUi.getState().set({ view: v })}
              data-testid={`view-${v}`}
            >
              {t(`view.${v}`)}
            </button>
          ))}
        </div>
        {/* Help beside the views: it stays in sight on the top row at every width. */}
        <button
          type="button"
          className="toolbar__help"
          onClick={() => useUi.getState().set({ helpOpen: true })}
          title={t('help.title')}
          aria-label={t('help.title')}
          data-testid="help-button"
        >
          ?
        </button>
      </div>
      <div className="toolbar__actions">
        <div className="toolbar__group" role="group" aria-label="File">
          <button type="button" onClick={() => void newDocument()} data-testid="new-button">
            {t('toolbar.new')}
          </button>
          <button
            type="button"
            onClick={() => void openWithDialog()}
            title={`${t('toolbar.openHint')} (${MOD}O)`}
            data-testid="open-button"
          >
            {t('toolbar.open')}
          </button>
          <input
            id={OPEN_INPUT_ID}
            type="file"
            accept=".json,application/json,.keras,.h5,.hdf5,.bin,.txt"
            multiple
            hidden
            data-testid="open-input"
            onChange={(e) => {
              const files = [...(e.target.files ?? [])];
              e.target.value = '';
              void openFiles(files, false);
            }}
          />
          <select
            className="toolbar__recent"
            aria-label={t('toolbar.recent')}
            value=""
            data-testid="recent-select"
            onChange={(e) => {
              if (e.target.value) void openPath(e.target.value);
            }}
          >
            <option value="">{t('toolbar.recent')}</option>
            {recent.length === 0 && <option disabled>{t('toolbar.recentNone')}</option>}
            {recent.map((path) => (
              <option key={path} value={path} title={path}>
                {baseName(path)}
              </option>
            ))}
          </select>
          <button type="button" onClick={() => void save()} title={`${MOD}S`} data-testid="save-button">
            {t('toolbar.save')}
          </button>
          <button type="button" onClick={() => void saveAs()} title={`${MOD}Shift+S`} data-testid="save-as-button">
            {t('toolbar.saveAs')}
          </button>
        </div>
        <div className="toolbar__group" role="group" aria-label="Edit">
          <button type="button" onClick={editor.undo} disabled={!undoable} title={`${MOD}Z`} data-testid="undo-button">
            {t('toolbar.undo')}
          </button>
          <button
            type="button"
            onClick={editor.redo}
            disabled={!redoable}
            title={`${MOD}Shift+Z`}
            data-testid="redo-button"
          >
            {t('toolbar.redo')}
          </button>
          <button
            type="button"
            onClick={editor.autoLayout}
            disabled={readOnly}
            title={t('toolbar.layoutHint')}
            data-testid="layout-button"
          >
            {t('toolbar.layout')}
          </button>
          {/* A student's network is an exercise: its code and totals would be the answers. */}
          {!student && (
            <button
              type="button"
              onClick={() => useUi.getState().set({ exportOpen: true })}
              title={t('toolbar.exportHint')}
              data-testid="export-button"
            >
              {t('toolbar.export')}
            </button>
          )}
        </div>
        <select
          className="toolbar__template"
          aria-label={t('toolbar.template')}
          value=""
          data-testid="template-select"
          onChange={(e) => {
            const value = e.target.value;
            const trained = PRETRAINED.find((p) => PRETRAINED_PREFIX + p.id === value);
            if (trained) void openPretrained(trained.id, trained.name[lang]);
            else if (value) void startFromTemplate(value, lang);
          }}
        >
          <option value="">{t('toolbar.templatePick')}</option>
          {TEMPLATES.map((tpl) => (
            // A template's description states its count: a student's exercise may be that very network.
            <option key={tpl.id} value={tpl.id} title={student ? undefined : tpl.description[lang]}>
              {tpl.name[lang]}
            </option>
          ))}
          <optgroup label={t('toolbar.templateTrained')}>
            {PRETRAINED.map((p) => (
              <option key={p.id} value={PRETRAINED_PREFIX + p.id} title={student ? undefined : p.description[lang]}>
                {p.name[lang]}
              </option>
            ))}
          </optgroup>
        </select>
        <select
          aria-label={t('toolbar.language')}
          value={lang}
          onChange={(e) => onLang(e.target.value as Lang)}
          data-testid="lang-select"
        >
          {LANGUAGES.map((l) => (
            <option key={l} value={l}>
              {LANG_NAMES[l]}
            </option>
          ))}
        </select>
        <select
          aria-label={t('toolbar.theme')}
          value={theme}
          onChange={(e) => onTheme(e.target.value as Theme)}
          data-testid="theme-select"
        >
          <option value="system">{t('theme.system')}</option>
          <option value="light">{t('theme.light')}</option>
          <option value="dark">{t('theme.dark')}</option>
        </select>
      </div>
    </header>
  );
}

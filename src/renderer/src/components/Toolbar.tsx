/** The top bar: open a file, start from a template, language and theme. */
import { useRef } from 'react';
import { LANGUAGES, TEMPLATES, type Lang } from '@core/index.ts';
import { useLang } from '../i18n/lang-context.tsx';
import type { Theme } from '../state/preferences.ts';

export interface ToolbarProps {
  title: string;
  onOpenFile: (file: File) => void;
  onTemplate: (id: string) => void;
  onLang: (lang: Lang) => void;
  theme: Theme;
  onTheme: (theme: Theme) => void;
}

const LANG_NAMES: Record<Lang, string> = { en: 'English', 'zh-TW': '繁體中文' };

export function Toolbar({ title, onOpenFile, onTemplate, onLang, theme, onTheme }: ToolbarProps) {
  const { t, lang } = useLang();
  const input = useRef<HTMLInputElement>(null);
  return (
    <header className="toolbar">
      <div className="toolbar__brand">
        <span className="toolbar__logo" aria-hidden="true" />
        <span className="toolbar__app">{t('app.title')}</span>
        <span className="toolbar__doc" data-testid="doc-title">
          {title}
        </span>
      </div>
      <div className="toolbar__actions">
        <button
          type="button"
          onClick={() => input.current?.click()}
          title={t('toolbar.openHint')}
          data-testid="open-button"
        >
          {t('toolbar.open')}
        </button>
        <input
          ref={input}
          type="file"
          accept=".json,application/json"
          hidden
          data-testid="open-input"
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) onOpenFile(file);
            e.target.value = '';
          }}
        />
        <label className="toolbar__field">
          <span>{t('toolbar.template')}</span>
          <select
            value=""
            data-testid="template-select"
            onChange={(e) => {
              if (e.target.value) onTemplate(e.target.value);
            }}
          >
            <option value="">{t('toolbar.templatePick')}</option>
            {TEMPLATES.map((tpl) => (
              <option key={tpl.id} value={tpl.id}>
                {tpl.name[lang]}
              </option>
            ))}
          </select>
        </label>
        <label className="toolbar__field">
          <span>{t('toolbar.language')}</span>
          <select value={lang} onChange={(e) => onLang(e.target.value as Lang)} data-testid="lang-select">
            {LANGUAGES.map((l) => (
              <option key={l} value={l}>
                {LANG_NAMES[l]}
              </option>
            ))}
          </select>
        </label>
        <label className="toolbar__field">
          <span>{t('toolbar.theme')}</span>
          <select value={theme} onChange={(e) => onTheme(e.target.value as Theme)}>
            <option value="system">{t('theme.system')}</option>
            <option value="light">{t('theme.light')}</option>
            <option value="dark">{t('theme.dark')}</option>
          </select>
        </label>
      </div>
    </header>
  );
}

/**
 * Help: the welcome and the guided tour again, convolution step by step, what each layer is, the lessons, and
 * the keyboard shortcuts.
 */
import { useLang } from '../i18n/lang-context.tsx';
import type { UiKey } from '../i18n/ui-en.ts';
import { Modal } from '../components/Modal.tsx';
import { MOD } from '../components/Toolbar.tsx';
import { useUi } from '../state/ui-store.ts';
import { LESSONS } from '@core/index.ts';
import { startLesson, startTour } from './help-actions.ts';

const SHORTCUTS: [string, UiKey][] = [
  [`${MOD}Z`, 'help.undo'],
  [`${MOD}Shift+Z · ${MOD}Y`, 'help.redo'],
  [`${MOD}C · ${MOD}V`, 'help.copyPaste'],
  [`${MOD}D`, 'help.duplicate'],
  [`${MOD}A`, 'help.selectAll'],
  ['Delete · Backspace', 'help.delete'],
  [`${MOD}S · ${MOD}Shift+S`, 'help.save'],
  [`${MOD}O`, 'help.open'],
  ['Enter', 'help.enter'],
];

export function HelpDialog() {
  const { t, lang } = useLang();
  const open = useUi((s) => s.helpOpen);
  if (!open) return null;
  const close = () => useUi.getState().set({ helpOpen: false });
  return (
    <Modal title={t('help.title')} onCancel={close} testId="help-dialog">
      <div className="help__actions">
        <button type="button" className="primary" onClick={() => void startTour()} data-testid="help-tour">
          {t('welcome.tour')}
        </button>
        <button
          type="button"
          onClick={() => useUi.getState().set({ welcome: true, helpOpen: false })}
          data-testid="help-welcome"
        >
          {t('help.welcome')}
        </button>
        <button
          type="button"
          onClick={() =>
            useUi.getState().set({
              helpOpen: false,
              playground: { operation: 'conv', window: 3, stride: 1, padding: 'valid' },
            })
          }
          data-testid="help-playground"
        >
          {t('help.playground')}
        </button>
        <button
          type="button"
          onClick={() => useUi.getState().set({ helpOpen: false, layerPage: 'Conv2D' })}
          data-testid="help-layer-pages"
        >
          {t('help.layerPages')}
        </button>
      </div>
      <h3>{t('help.lessons')}</h3>
      <ul className="help__lessons" data-testid="help-lessons">
        {LESSONS.map((lesson) => (
          <li key={lesson.id}>
            <button
              type="button"
              className="link"
              onClick={() => void startLesson(lesson.id, lang)}
              data-testid={`help-lesson-${lesson.id}`}
            >
              {lesson.title[lang]}
            </button>
          </li>
        ))}
      </ul>
      <h3>{t('help.shortcuts')}</h3>
      <table className="help__shortcuts" data-testid="help-shortcuts">
        <tbody>
          {SHORTCUTS.map(([keys, what]) => (
            <tr key={what}>
              <th scope="row">
                <kbd>{keys}</kbd>
              </th>
              <td>{t(what)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="modal__actions">
        <button type="button" onClick={close} data-testid="help-close">
          {t('help.close')}
        </button>
      </div>
    </Modal>
  );
}

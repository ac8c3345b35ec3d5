/**
 * The first-start welcome, above the workspace (it blocks nothing): build the course's first CNN step by
 * step, follow the lessons, start from a template, or open a file. Help shows it again.
 */
import { useLang } from '../i18n/lang-context.tsx';
import { useUi } from '../state/ui-store.ts';
import { LESSONS } from '@core/index.ts';
import { chooseTemplate, notNow, openFromWelcome, startLesson, startTour } from './help-actions.ts';

export function Welcome() {
  const { t, lang } = useLang();
  const shown = useUi((s) => s.welcome);
  if (!shown) return null;
  return (
    <section className="welcome" aria-labelledby="welcome-title" data-testid="welcome">
      <div>
        <h2 id="welcome-title">{t('welcome.title')}</h2>
        <p>{t('welcome.intro')}</p>
      </div>
      <div className="welcome__choices">
        <button type="button" className="primary" onClick={() => void startTour()} data-testid="welcome-tour">
          {t('welcome.tour')}
        </button>
        <button type="button" onClick={() => void startLesson(LESSONS[0]!.id, lang)} data-testid="welcome-lessons">
          {t('welcome.lessons')}
        </button>
        <button type="button" onClick={chooseTemplate} data-testid="welcome-template">
          {t('welcome.template')}
        </button>
        <button type="button" onClick={openFromWelcome} data-testid="welcome-open">
          {t('welcome.open')}
        </button>
        <button type="button" className="link" onClick={notNow} data-testid="welcome-skip">
          {t('welcome.skip')}
        </button>
      </div>
    </section>
  );
}

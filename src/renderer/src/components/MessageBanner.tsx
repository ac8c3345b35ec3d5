/** A dismissible banner that explains why a file could not be opened. */
import type { Msg } from '@core/index.ts';
import { useLang } from '../i18n/lang-context.tsx';

export function MessageBanner({ messages, onDismiss }: { messages: Msg[]; onDismiss: () => void }) {
  const { t, tm } = useLang();
  return (
    <div className="banner banner--error" role="alert" data-testid="open-error">
      <div>
        <strong>{t('file.couldNotOpen')}</strong>
        <ul>
          {messages.map((m, i) => (
            <li key={i}>{tm(m)}</li>
          ))}
        </ul>
      </div>
      <button type="button" onClick={onDismiss}>
        {t('file.dismiss')}
      </button>
    </div>
  );
}

/** Says, above the canvas, that the network is locked while it trains. */
import { useLang } from '../i18n/lang-context.tsx';

export function LockedNote() {
  const { t } = useLang();
  return (
    <p className="locked-note" role="status" data-testid="locked-note">
      {t('run.locked')}
    </p>
  );
}

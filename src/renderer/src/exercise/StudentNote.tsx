/** Says, above the canvas, that this network is an exercise: figures marked ? are the student's to work out. */
import { useLang } from '../i18n/lang-context.tsx';
import { useUi } from '../state/ui-store.ts';

export function StudentNote() {
  const { t } = useLang();
  return (
    <p className="locked-note student-note" role="status" data-testid="student-note">
      {t('exercise.studentNote')}{' '}
      <button type="button" className="small link" onClick={() => useUi.getState().set({ view: 'exercise' })}>
        {t('exercise.toSheet')}
      </button>
    </p>
  );
}

/**
 * The guided tour beside the canvas: what to add next to the person's own network, or what is not yet
 * right about a layer (core's tourState, checked on every edit), the steps done, and the end with Keras's count.
 */
import { useMemo } from 'react';
import { tourState } from '@core/index.ts';
import { useLang } from '../i18n/lang-context.tsx';
import { useEditor } from '../state/editor-store.ts';
import { useUi } from '../state/ui-store.ts';
import { leaveTour } from './help-actions.ts';

export function TourPanel() {
  const { t, tf, tm } = useLang();
  const on = useUi((s) => s.tour);
  const graph = useEditor((s) => s.history.present.graph);
  const state = useMemo(() => tourState(graph), [graph]);
  if (!on) return null;
  return (
    <section
      className={`panel tour${state.finished !== null ? ' tour--done' : ''}`}
      aria-labelledby="tour-title"
      data-testid="tour"
      data-done={state.done}
    >
      <div className="panel__head">
        <h2 id="tour-title">{t('tour.title')}</h2>
        <button type="button" className="small" onClick={leaveTour} data-testid="tour-leave">
          {t(state.finished !== null ? 'tour.close' : 'tour.leave')}
        </button>
      </div>
      <progress
        value={state.done}
        max={state.total}
        aria-label={tf('tour.progress', { done: state.done, total: state.total })}
      />
      <p className="muted small">{tf('tour.progress', { done: state.done, total: state.total })}</p>
      <p role="status" data-testid="tour-say">
        {tm(state.say)}
      </p>
    </section>
  );
}

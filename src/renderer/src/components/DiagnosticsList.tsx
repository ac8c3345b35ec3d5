/**
 * Every problem the analysis found, errors first; a layer's problem, clicked, selects and shows the layer.
 * Under a problem, its one-click fixes (core's fixes.ts), each saying what it changes: one step, undone
 * with Undo. None while the network cannot be edited (training, a student's exercise).
 */
import { useMemo } from 'react';
import { fixesFor, type Analysis, type Diagnostic, type Fix } from '@core/index.ts';
import { useLang } from '../i18n/lang-context.tsx';
import { newId, useEditor } from '../state/editor-store.ts';

function showLayer(nodeId: string): void {
  const { select, requestView } = useEditor.getState();
  select({ nodes: [nodeId], edges: [] });
  requestView(nodeId);
}

function applyFix(fix: Fix): void {
  useEditor.getState().perform({ kind: 'replaceGraph', graph: fix.graph });
}

export function DiagnosticsList({
  diagnostics,
  fixable,
}: {
  diagnostics: Diagnostic[];
  /** The analysis of the network to offer fixes for; null where it cannot be edited now. */
  fixable: Analysis | null;
}) {
  const { t, tf, tm } = useLang();
  const graph = useEditor((s) => s.history.present.graph);
  const fixes = useMemo(() => (fixable ? fixesFor(graph, fixable, newId) : []), [graph, fixable]);
  const sorted = [...diagnostics].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
  return (
    <section className="panel diagnostics" aria-labelledby="diagnostics-title" data-testid="diagnostics">
      <h2 id="diagnostics-title">{t('diagnostics.title')}</h2>
      {sorted.length === 0 ? (
        <p className="muted">{t('diagnostics.none')}</p>
      ) : (
        <ul>
          {sorted.map((d, i) => (
            <li key={i} className={`diagnostic diagnostic--${d.severity}`}>
              <span className="diagnostic__badge">
                {t(d.severity === 'error' ? 'diagnostics.error' : 'diagnostics.warning')}
              </span>
              {d.nodeId === null ? (
                <span>{tm(d.message)}</span>
              ) : (
                <button
                  type="button"
                  className="diagnostic__text"
                  title={t('diagnostics.show')}
                  onClick={() => showLayer(d.nodeId!)}
                  data-testid="diagnostic-show"
                >
                  {tm(d.message)}
                </button>
              )}
              {fixes
                .filter((f) => f.nodeId === d.nodeId && f.problem === d.message.key)
                .map((fix, j) => (
                  <button
                    key={j}
                    type="button"
                    className="diagnostic__fix"
                    onClick={() => applyFix(fix)}
                    data-testid="diagnostic-fix"
                  >
                    {tf('diagnostics.fix', { what: tm(fix.what) })}
                  </button>
                ))}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

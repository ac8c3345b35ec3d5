/** Every problem the analysis found, errors first; a layer's problem, clicked, selects and shows the layer. */
import type { Diagnostic } from '@core/index.ts';
import { useLang } from '../i18n/lang-context.tsx';
import { useEditor } from '../state/editor-store.ts';

function showLayer(nodeId: string): void {
  const { select, requestView } = useEditor.getState();
  select({ nodes: [nodeId], edges: [] });
  requestView(nodeId);
}

export function DiagnosticsList({ diagnostics }: { diagnostics: Diagnostic[] }) {
  const { t, tm } = useLang();
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
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

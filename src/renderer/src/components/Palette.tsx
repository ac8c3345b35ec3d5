/**
 * Every layer of the catalogue, grouped. Drag one onto the canvas, or double-click (or press Enter) to add it
 * after the selected layer, connected, and go on from there.
 */
import { useCallback, type DragEvent } from 'react';
import { PALETTE, ROW_HEIGHT, type LayerType } from '@core/index.ts';
import { LAYER_DRAG_TYPE } from '../canvas/Canvas.tsx';
import { kindOf } from '../canvas/layer-flow-node.ts';
import { useLang } from '../i18n/lang-context.tsx';
import { newId, useEditor } from '../state/editor-store.ts';

/** Adds a layer after the selected one, or after the network's only last layer, or below everything. */
export function addLayerAfterSelection(type: LayerType): void {
  const { history, selection, perform, select, requestView } = useEditor.getState();
  const graph = history.present.graph;
  const id = newId();
  const sinks = graph.nodes.filter((n) => !graph.edges.some((e) => e.source === n.id));
  const afterId = selection.nodes.length === 1 ? selection.nodes[0] : sinks.length === 1 ? sinks[0]!.id : undefined;
  if (afterId && type !== 'Input') {
    perform({ kind: 'appendAfter', afterId, type, id, edgeId: newId() });
  } else {
    const lowest = Math.max(0, ...graph.nodes.map((n) => n.position.y + ROW_HEIGHT));
    perform({ kind: 'addNode', type, id, position: { x: 0, y: graph.nodes.length === 0 ? 0 : lowest } });
  }
  select({ nodes: [id], edges: [] });
  requestView(id);
}

export function Palette() {
  const { t } = useLang();
  const onDragStart = useCallback((event: DragEvent, type: LayerType) => {
    event.dataTransfer.setData(LAYER_DRAG_TYPE, type);
    event.dataTransfer.effectAllowed = 'copy';
  }, []);
  return (
    <nav className="palette" aria-label={t('palette.title')} data-testid="palette">
      <h2 className="palette__title">{t('palette.title')}</h2>
      <p className="palette__hint">{t('palette.hint')}</p>
      {PALETTE.map(({ group, types }) => (
        <section key={group} className="palette__group">
          <h3>{t(`palette.group.${group}`)}</h3>
          <ul>
            {types.map((type) => (
              <li key={type}>
                <button
                  type="button"
                  className={`palette__item layer-kind--${kindOf(type)}`}
                  draggable
                  data-testid={`palette-${type}`}
                  onDragStart={(e) => onDragStart(e, type)}
                  onDoubleClick={() => addLayerAfterSelection(type)}
                  onKeyDown={(e) => {
                    if (e.key === 'Enter' || e.key === ' ') {
                      e.preventDefault();
                      addLayerAfterSelection(type);
                    }
                  }}
                  title={t('palette.itemHint')}
                >
                  {t(`layer.${type}`)}
                </button>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </nav>
  );
}

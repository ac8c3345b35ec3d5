/**
 * Every layer of the catalogue, grouped. Drag one onto the canvas, or double-click (or press Enter) to add it
 * after the selected layer, connected, and go on from there.
 */
import { useCallback, useState, type DragEvent } from 'react';
import { ROW_HEIGHT, type LayerType, type PaletteGroup } from '@core/index.ts';
import { LAYER_DRAG_TYPE } from '../canvas/Canvas.tsx';
import { kindOf } from '../canvas/layer-flow-node.ts';
import { useLang } from '../i18n/lang-context.tsx';
import { newId, useEditor } from '../state/editor-store.ts';
import { OPEN_GROUPS, searchPalette } from './palette-search.ts';

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
  const { t, tf } = useLang();
  const [query, setQuery] = useState('');
  // Groups the user opened or closed; the others follow OPEN_GROUPS.
  const [toggled, setToggled] = useState<ReadonlyMap<PaletteGroup, boolean>>(new Map());
  const onDragStart = useCallback((event: DragEvent, type: LayerType) => {
    event.dataTransfer.setData(LAYER_DRAG_TYPE, type);
    event.dataTransfer.effectAllowed = 'copy';
  }, []);
  const groups = searchPalette(query);
  const searching = query.trim() !== '';
  return (
    <nav className="palette" aria-label={t('palette.title')} data-testid="palette">
      <h2 className="palette__title">{t('palette.title')}</h2>
      <p className="palette__hint">{t('palette.hint')}</p>
      <input
        type="search"
        className="palette__search"
        placeholder={t('palette.search')}
        aria-label={t('palette.search')}
        title={t('palette.searchHint')}
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') setQuery('');
          // Enter adds the first match, as a launcher would.
          if (e.key === 'Enter' && groups[0]) addLayerAfterSelection(groups[0].types[0]!);
        }}
        data-testid="palette-search"
      />
      {searching && groups.length === 0 && (
        <p className="palette__none" role="status">
          {tf('palette.noMatch', { query: query.trim() })}
        </p>
      )}
      {groups.map(({ group, types }) => {
        const open = searching || (toggled.get(group) ?? OPEN_GROUPS.has(group));
        return (
          <details
            key={group}
            className="palette__group"
            open={open}
            data-testid={`palette-group-${group}`}
            onToggle={(e) => {
              const now = (e.currentTarget as HTMLDetailsElement).open;
              if (!searching && now !== open) setToggled((m) => new Map(m).set(group, now));
            }}
          >
            <summary>
              {t(`palette.group.${group}`)} <span className="palette__count">{types.length}</span>
            </summary>
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
                    title={`${t(`describe.${type}`)}\n${t('palette.itemHint')}`}
                  >
                    {t(`layer.${type}`)}
                  </button>
                </li>
              ))}
            </ul>
          </details>
        );
      })}
    </nav>
  );
}

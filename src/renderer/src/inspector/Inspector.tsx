/**
 * The selected layer: its name, its problems, the arithmetic behind its figures, then every setting with a short
 * explanation (the rarely changed ones folded under "More settings").
 */
import { useState } from 'react';
import { adjacency, reachable, type Analysis, type LayerNode, type Padding, type SettingSpec } from '@core/index.ts';
import { useLang } from '../i18n/lang-context.tsx';
import { useEditor } from '../state/editor-store.ts';
import { useUi } from '../state/ui-store.ts';
import type { PlaygroundStart } from '../help/WindowPlayground.tsx';
import { Formulas } from './Formulas.tsx';
import { settingGroups } from './setting-words.ts';
import { SettingField } from './SettingField.tsx';
import { LockIcon } from '../components/LockIcon.tsx';

/** `readOnly`: an exercise's network, shown with its settings but not to be changed. */
export function Inspector({ analysis, readOnly = false }: { analysis: Analysis; readOnly?: boolean }) {
  const { t, tm } = useLang();
  const selection = useEditor((s) => s.selection);
  const graph = useEditor((s) => s.history.present.graph);
  const node = selection.nodes.length === 1 ? graph.nodes.find((n) => n.id === selection.nodes[0]) : undefined;
  if (!node) {
    return (
      <section className="panel inspector" data-testid="inspector">
        <h2>{t('inspector.title')}</h2>
        <p className="muted">
          {selection.nodes.length > 1 ? `${selection.nodes.length} ${t('inspector.many')}` : t('inspector.nothing')}
        </p>
      </section>
    );
  }
  const result = analysis.byId.get(node.id);
  const { main, more } = settingGroups(node.type, node.params as Record<string, unknown>);
  const field = (spec: SettingSpec) => (
    <SettingField
      key={`${node.id}.${spec.key}`}
      node={node}
      spec={spec}
      onChange={(key, value) =>
        useEditor.getState().perform({ kind: 'setParam', nodeId: node.id, key, value }, `${node.id}.${key}`)
      }
    />
  );
  return (
    <section className="panel inspector" data-testid="inspector" aria-labelledby="inspector-title">
      <div className="inspector__title">
        <h2 id="inspector-title">{t(`layer.${node.type}`)}</h2>
        <button
          type="button"
          className="link small"
          onClick={() => useUi.getState().set({ layerPage: node.type })}
          data-testid="inspector-what-is"
        >
          {t('layerPage.what')}
        </button>
      </div>
      <fieldset className="inspector__fields" disabled={readOnly}>
        <NameField key={node.id} node={node} />
        {result && result.diagnostics.length > 0 && (
          <ul className="inspector__problems" aria-label={t('inspector.problems')}>
            {result.diagnostics.map((d, i) => (
              <li key={i} className={`diagnostic diagnostic--${d.severity}`}>
                {tm(d.message)}
              </li>
            ))}
          </ul>
        )}
      </fieldset>
      {/* The arithmetic first: it is what the inspector is read for; the settings follow. */}
      {result && <Formulas analysis={result} hidden={readOnly && result.explanations === null} />}
      <StepThroughButton node={node} />
      <fieldset className="inspector__fields" disabled={readOnly}>
        {((result?.params?.total ?? 0) > 0 || node.trainable === false) && <FreezeField node={node} />}
        {node.type !== 'Input' && <FreezeUpToButton node={node} />}
        <h3>{t('inspector.settings')}</h3>
        {main.length + more.length === 0 && <p className="muted">{t('inspector.noSettings')}</p>}
        {main.map(field)}
        {more.length > 0 && (
          <details className="inspector__more" data-testid="inspector-more">
            <summary>{t('inspector.more')}</summary>
            {more.map(field)}
          </details>
        )}
      </fieldset>
    </section>
  );
}

/**
 * For a convolution or pooling layer: its window, stride and padding step by step on the course's 6×6 image
 * (never on this network's own numbers, so nothing an exercise asks is shown).
 */
function StepThroughButton({ node }: { node: LayerNode }) {
  const { t } = useLang();
  const start = playgroundStart(node);
  if (!start) return null;
  return (
    <button
      type="button"
      className="link inspector__step-through"
      onClick={() => useUi.getState().set({ playground: start })}
      data-testid="inspector-step-through"
    >
      {t('inspector.stepThrough')}
    </button>
  );
}

function playgroundStart(node: LayerNode): PlaygroundStart | null {
  const p = node.params as {
    kernel_size?: [number, number];
    pool_size?: [number, number];
    strides?: [number, number] | null;
    padding?: Padding;
  };
  if (node.type === 'Conv2D') {
    return { operation: 'conv', window: p.kernel_size![0], stride: p.strides![0], padding: p.padding! };
  }
  if (node.type === 'MaxPooling2D' || node.type === 'AveragePooling2D') {
    const window = p.pool_size![0];
    return {
      operation: node.type === 'MaxPooling2D' ? 'max' : 'average',
      window,
      stride: p.strides?.[0] ?? window,
      padding: p.padding!,
    };
  }
  return null;
}

function NameField({ node }: { node: LayerNode }) {
  const { t } = useLang();
  const [draft, setDraft] = useState<string | null>(null);
  return (
    <label className="name-field">
      <span>{t('inspector.name')}</span>
      <input
        value={draft ?? node.name}
        data-testid="layer-name"
        onChange={(e) => {
          setDraft(e.target.value);
          if (e.target.value.trim()) {
            useEditor
              .getState()
              .perform({ kind: 'rename', nodeId: node.id, name: e.target.value.trim() }, `${node.id}.name`);
          }
        }}
        onBlur={() => setDraft(null)}
      />
    </label>
  );
}

/** The layer and every layer before it (what feeds it, at any distance), Inputs aside: a base to freeze. */
function upToHere(nodeId: string): string[] {
  const graph = useEditor.getState().history.present.graph;
  const before = reachable([nodeId], adjacency(graph).incoming);
  return graph.nodes.filter((n) => before.has(n.id) && n.type !== 'Input').map((n) => n.id);
}

/** Freezing a layer: its weights stay as they are in training, and Keras counts them as non-trainable. */
function FreezeField({ node }: { node: LayerNode }) {
  const { t } = useLang();
  return (
    <label className="check freeze-field">
      <input
        type="checkbox"
        checked={node.trainable === false}
        data-testid="layer-frozen"
        onChange={(e) =>
          useEditor.getState().perform({ kind: 'setTrainable', nodeIds: [node.id], trainable: !e.target.checked })
        }
      />
      <span>
        <LockIcon /> {t('inspector.freeze')}
        <span className="setting__help">{t('inspector.freezeHelp')}</span>
      </span>
    </label>
  );
}

/** Fine-tuning freezes a whole base at once: this layer and all before it, in one step of undo. */
function FreezeUpToButton({ node }: { node: LayerNode }) {
  const { t } = useLang();
  return (
    <button
      type="button"
      className="freeze-up-to"
      data-testid="freeze-up-to-here"
      title={t('inspector.freezeUpToHelp')}
      onClick={() =>
        useEditor.getState().perform({ kind: 'setTrainable', nodeIds: upToHere(node.id), trainable: false })
      }
    >
      <LockIcon /> {t('inspector.freezeUpTo')}
    </button>
  );
}

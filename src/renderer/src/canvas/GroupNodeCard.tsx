/**
 * A nested model on the canvas: open, a labelled frame around its layers; collapsed, one node with its
 * parameter total and output shape. Its button switches between the two (one undoable edit).
 */
import { Handle, Position, type NodeProps } from '@xyflow/react';
import { formatInt } from '@core/index.ts';
import { useLang } from '../i18n/lang-context.tsx';
import { useEditor } from '../state/editor-store.ts';
import type { GroupFlowNode } from './layer-flow-node.ts';
import { LockIcon } from '../components/LockIcon.tsx';

export function GroupNodeCard({ data }: NodeProps<GroupFlowNode>) {
  const { t } = useLang();
  const { group, collapsed, params, layerCount, outputShape, errors } = data;
  const toggle = () =>
    useEditor.getState().perform({ kind: 'setGroupCollapsed', groupId: group.id, collapsed: !collapsed });
  const total = params ? formatInt(params.total) : '?';
  const frozen = params !== null && params.total > 0 && params.trainable === 0;
  const button = (
    <button
      type="button"
      className="small group-node__toggle nodrag"
      onClick={toggle}
      data-testid={`group-toggle-${group.name}`}
      aria-expanded={!collapsed}
    >
      {collapsed ? t('group.expand') : t('group.collapse')}
    </button>
  );
  if (!collapsed) {
    return (
      <div className="group-frame" data-testid={`group-${group.name}`}>
        <div className="group-frame__title">
          <span className="group-frame__name">{group.name}</span>
          <span className="muted">
            {group.className} · {formatInt(layerCount)} {t('group.layers')} · {total} {t('node.params')}
            {frozen && (
              <>
                {' · '}
                <LockIcon /> {t('node.frozen')}
              </>
            )}
          </span>
          {button}
        </div>
      </div>
    );
  }
  return (
    <div
      className={`layer-node group-node${errors > 0 ? ' layer-node--error' : ''}${frozen ? ' layer-node--frozen' : ''}`}
      data-testid={`group-${group.name}`}
    >
      <Handle type="target" position={Position.Top} isConnectable={false} />
      <div className="layer-node__head">
        <span className="layer-node__type">{group.className}</span>
        <span className="layer-node__name">{group.name}</span>
        {frozen && (
          <span className="layer-node__frozen" title={t('node.frozenHint')}>
            <LockIcon /> {t('node.frozen')}
          </span>
        )}
      </div>
      <div className="layer-node__settings">
        {formatInt(layerCount)} {t('group.layers')} {button}
      </div>
      <div className="layer-node__figures">
        <span className="layer-node__shape">{outputShape ?? '?'}</span>
        <span className="layer-node__params">
          {total} {t('node.params')}
        </span>
      </div>
      <Handle type="source" position={Position.Bottom} isConnectable={false} />
    </div>
  );
}

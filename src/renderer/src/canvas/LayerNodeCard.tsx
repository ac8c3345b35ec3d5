/** One layer on the canvas: its type, key settings, output shape and parameter count; red or yellow when it has problems. */
import { Handle, Position, type NodeProps } from '@xyflow/react';
import { formatInt, formatShape, keySettings } from '@core/index.ts';
import { useLang } from '../i18n/lang-context.tsx';
import { kindOf, type LayerFlowNode } from './layer-flow-node.ts';
import { LockIcon } from '../components/LockIcon.tsx';

export function LayerNodeCard({ data, selected }: NodeProps<LayerFlowNode>) {
  const { t, tm, lang } = useLang();
  const { layer, analysis } = data;
  const errors = analysis?.diagnostics.filter((d) => d.severity === 'error') ?? [];
  const warnings = analysis?.diagnostics.filter((d) => d.severity === 'warning') ?? [];
  const state = errors.length > 0 ? 'error' : warnings.length > 0 ? 'warning' : 'ok';
  const settings = keySettings(layer, lang);
  const frozen = layer.trainable === false;
  return (
    <div
      className={`layer-node layer-node--${state} layer-kind--${kindOf(layer.type)}${selected ? ' layer-node--selected' : ''}${frozen ? ' layer-node--frozen' : ''}`}
      data-testid={`node-${layer.name}`}
      title={[...errors, ...warnings].map((d) => tm(d.message)).join('\n') || undefined}
    >
      {layer.type !== 'Input' && <Handle type="target" position={Position.Top} aria-label={t('canvas.inputHandle')} />}
      <div className="layer-node__head">
        <span className="layer-node__type">{t(`card.${layer.type}`)}</span>
        <span className="layer-node__name">{layer.name}</span>
        {frozen && (
          <span className="layer-node__frozen" data-testid="node-frozen" title={t('node.frozenHint')}>
            <LockIcon /> {t('node.frozen')}
          </span>
        )}
      </div>
      <div className="layer-node__settings">{settings || '\u00a0'}</div>
      <div className="layer-node__figures">
        <span className="layer-node__shape" data-testid="node-shape">
          {analysis?.outputShape ? formatShape(analysis.outputShape) : '?'}
        </span>
        <span className="layer-node__params" data-testid="node-params">
          {analysis?.params ? formatInt(analysis.params.total) : '?'} {t('node.params')}
        </span>
      </div>
      <Handle type="source" position={Position.Bottom} aria-label={t('canvas.outputHandle')} />
    </div>
  );
}

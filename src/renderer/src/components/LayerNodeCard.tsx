/** One layer on the canvas: its type, key settings, output shape and parameter count. */
import { Handle, Position, type Node, type NodeProps } from '@xyflow/react';
import { formatInt, formatShape, keySettings, type LayerNode, type LayerType, type NodeAnalysis } from '@core/index.ts';
import { useLang } from '../i18n/lang-context.tsx';

/** The colour family of a layer type on the canvas. */
export function kindOf(type: LayerType): 'input' | 'conv' | 'pool' | 'core' | 'norm' | 'merge' {
  switch (type) {
    case 'Input':
      return 'input';
    case 'Conv2D':
    case 'ZeroPadding2D':
      return 'conv';
    case 'MaxPooling2D':
    case 'AveragePooling2D':
    case 'GlobalAveragePooling2D':
    case 'GlobalMaxPooling2D':
      return 'pool';
    case 'BatchNormalization':
      return 'norm';
    case 'Add':
    case 'Concatenate':
      return 'merge';
    default:
      return 'core';
  }
}

export type LayerFlowNode = Node<{ layer: LayerNode; analysis: NodeAnalysis | undefined }, 'layer'>;

export function LayerNodeCard({ data }: NodeProps<LayerFlowNode>) {
  const { t, tm } = useLang();
  const { layer, analysis } = data;
  const errors = analysis?.diagnostics.filter((d) => d.severity === 'error') ?? [];
  const warnings = analysis?.diagnostics.filter((d) => d.severity === 'warning') ?? [];
  const state = errors.length > 0 ? 'error' : warnings.length > 0 ? 'warning' : 'ok';
  const settings = keySettings(layer);
  return (
    <div
      className={`layer-node layer-node--${state} layer-kind--${kindOf(layer.type)}`}
      data-testid={`node-${layer.name}`}
      title={[...errors, ...warnings].map((d) => tm(d.message)).join('\n') || undefined}
    >
      {layer.type !== 'Input' && <Handle type="target" position={Position.Top} isConnectable={false} />}
      <div className="layer-node__head">
        <span className="layer-node__type">{t(`card.${layer.type}`)}</span>
        <span className="layer-node__name">{layer.name}</span>
      </div>
      {settings && <div className="layer-node__settings">{settings}</div>}
      <div className="layer-node__figures">
        <span className="layer-node__shape" data-testid="node-shape">
          {analysis?.outputShape ? formatShape(analysis.outputShape) : '?'}
        </span>
        <span className="layer-node__params" data-testid="node-params">
          {analysis?.params ? formatInt(analysis.params.total) : '?'} {t('node.params')}
        </span>
      </div>
      <Handle type="source" position={Position.Bottom} isConnectable={false} />
    </div>
  );
}

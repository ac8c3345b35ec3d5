/** The xyflow node type of a layer, and the colour family of each layer type. */
import type { Node } from '@xyflow/react';
import type { LayerNode, LayerType, NodeAnalysis } from '@core/index.ts';

export type LayerFlowNode = Node<{ layer: LayerNode; analysis: NodeAnalysis | undefined }, 'layer'>;

export type LayerKind = 'input' | 'conv' | 'pool' | 'core' | 'norm' | 'merge' | 'activation';

export function kindOf(type: LayerType): LayerKind {
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
    case 'Activation':
      return 'activation';
    case 'Add':
    case 'Concatenate':
      return 'merge';
    default:
      return 'core';
  }
}

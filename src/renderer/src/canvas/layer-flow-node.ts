/** The xyflow node type of a layer, and the colour family of each layer type (its palette group's). */
import type { Node } from '@xyflow/react';
import { layerModule, type LayerNode, type LayerType, type NodeAnalysis, type PaletteGroup } from '@core/index.ts';

export type LayerFlowNode = Node<{ layer: LayerNode; analysis: NodeAnalysis | undefined }, 'layer'>;

export type LayerKind = 'input' | 'conv' | 'pool' | 'core' | 'norm' | 'merge' | 'activation';

const KINDS: Record<PaletteGroup, LayerKind> = {
  input: 'input',
  convolution: 'conv',
  pooling: 'pool',
  core: 'core',
  normalization: 'norm',
  activation: 'activation',
  merge: 'merge',
};

export function kindOf(type: LayerType): LayerKind {
  const group = layerModule(type).palette?.group;
  return group ? KINDS[group] : 'core';
}

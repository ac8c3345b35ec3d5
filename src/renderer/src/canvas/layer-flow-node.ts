/** The xyflow node types of the canvas (layers and nested models), and the colour family of each layer type. */
import type { Node } from '@xyflow/react';
import {
  layerModule,
  type Group,
  type LayerNode,
  type LayerType,
  type NodeAnalysis,
  type PaletteGroup,
  type ParamCount,
} from '@core/index.ts';

export type LayerFlowNode = Node<{ layer: LayerNode; analysis: NodeAnalysis | undefined }, 'layer'>;

/** A nested model: a frame around its layers, or one node standing for them (collapsed). */
export type GroupFlowNode = Node<
  {
    group: Group;
    collapsed: boolean;
    params: ParamCount | null;
    layerCount: number;
    outputShape: string | null;
    /** How many of its layers have errors. */
    errors: number;
  },
  'model'
>;

export type CanvasNode = LayerFlowNode | GroupFlowNode;

/** Ids of nested-model nodes on the canvas: the prefix, then the group's id. */
export const GROUP_PREFIX = 'group:';

export type LayerKind = 'input' | 'conv' | 'pool' | 'core' | 'norm' | 'merge' | 'activation';

const KINDS: Record<PaletteGroup, LayerKind> = {
  input: 'input',
  convolution: 'conv',
  pooling: 'pool',
  core: 'core',
  normalization: 'norm',
  activation: 'activation',
  merge: 'merge',
  reshaping: 'core',
  preprocessing: 'norm',
  sequence: 'conv',
};

export function kindOf(type: LayerType): LayerKind {
  const group = layerModule(type).palette?.group;
  return group ? KINDS[group] : 'core';
}

/**
 * What the inspector shows for each layer type: each setting, the control it needs and its bounds
 * (the same limits the analysis checks).
 */
import { LIMITS } from '../analysis/rules/ranges.ts';
import type { LayerType } from './catalogue.ts';

export type SettingKind =
  | { control: 'int'; min: number; max: number }
  | { control: 'pair'; min: number; max: number }
  | { control: 'optionalPair'; min: number; max: number }
  | { control: 'rate' }
  | { control: 'padding' }
  | { control: 'activation' }
  | { control: 'bool' }
  | { control: 'shape' }
  | { control: 'zeroPadding' }
  | { control: 'number' };

export interface SettingSpec {
  key: string;
  kind: SettingKind;
}

const int = (min: number, max: number): SettingKind => ({ control: 'int', min, max });
const pair = ([min, max]: readonly [number, number]): SettingKind => ({ control: 'pair', min, max });

export const SETTINGS: Record<LayerType, SettingSpec[]> = {
  Input: [{ key: 'shape', kind: { control: 'shape' } }],
  Conv2D: [
    { key: 'filters', kind: int(...LIMITS.filters) },
    { key: 'kernel_size', kind: pair(LIMITS.kernel) },
    { key: 'strides', kind: pair(LIMITS.stride) },
    { key: 'padding', kind: { control: 'padding' } },
    { key: 'activation', kind: { control: 'activation' } },
    { key: 'use_bias', kind: { control: 'bool' } },
    { key: 'dilation_rate', kind: pair(LIMITS.dilation) },
    { key: 'groups', kind: int(...LIMITS.groups) },
    { key: 'kernel_l1', kind: { control: 'number' } },
    { key: 'kernel_l2', kind: { control: 'number' } },
  ],
  MaxPooling2D: [
    { key: 'pool_size', kind: pair(LIMITS.kernel) },
    { key: 'strides', kind: { control: 'optionalPair', min: LIMITS.stride[0], max: LIMITS.stride[1] } },
    { key: 'padding', kind: { control: 'padding' } },
  ],
  AveragePooling2D: [
    { key: 'pool_size', kind: pair(LIMITS.kernel) },
    { key: 'strides', kind: { control: 'optionalPair', min: LIMITS.stride[0], max: LIMITS.stride[1] } },
    { key: 'padding', kind: { control: 'padding' } },
  ],
  GlobalAveragePooling2D: [{ key: 'keepdims', kind: { control: 'bool' } }],
  GlobalMaxPooling2D: [{ key: 'keepdims', kind: { control: 'bool' } }],
  Flatten: [],
  Dense: [
    { key: 'units', kind: int(...LIMITS.units) },
    { key: 'activation', kind: { control: 'activation' } },
    { key: 'use_bias', kind: { control: 'bool' } },
    { key: 'kernel_l1', kind: { control: 'number' } },
    { key: 'kernel_l2', kind: { control: 'number' } },
  ],
  Dropout: [{ key: 'rate', kind: { control: 'rate' } }],
  BatchNormalization: [
    { key: 'center', kind: { control: 'bool' } },
    { key: 'scale', kind: { control: 'bool' } },
    { key: 'momentum', kind: { control: 'number' } },
    { key: 'epsilon', kind: { control: 'number' } },
  ],
  Activation: [{ key: 'activation', kind: { control: 'activation' } }],
  ZeroPadding2D: [{ key: 'padding', kind: { control: 'zeroPadding' } }],
  Add: [],
  Concatenate: [{ key: 'axis', kind: int(-3, 3) }],
};

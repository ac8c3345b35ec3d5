/**
 * The layers ConvStudio knows, with Keras's class names, their settings' schemas and their palette group.
 */
import type { z } from 'zod';
import {
  activationParams,
  batchNormalizationParams,
  concatenateParams,
  conv2dParams,
  denseParams,
  dropoutParams,
  emptyParams,
  globalPooling2dParams,
  inputParams,
  pooling2dParams,
  zeroPadding2dParams,
} from './params.ts';

export const LAYER_SCHEMAS = {
  Input: inputParams,
  Conv2D: conv2dParams,
  MaxPooling2D: pooling2dParams,
  AveragePooling2D: pooling2dParams,
  GlobalAveragePooling2D: globalPooling2dParams,
  GlobalMaxPooling2D: globalPooling2dParams,
  Flatten: emptyParams,
  Dense: denseParams,
  Dropout: dropoutParams,
  BatchNormalization: batchNormalizationParams,
  Activation: activationParams,
  ZeroPadding2D: zeroPadding2dParams,
  Add: emptyParams,
  Concatenate: concatenateParams,
} as const;

export type LayerType = keyof typeof LAYER_SCHEMAS;
export type LayerParams<T extends LayerType> = z.infer<(typeof LAYER_SCHEMAS)[T]>;
export const LAYER_TYPES = Object.keys(LAYER_SCHEMAS) as LayerType[];

export function isLayerType(value: string): value is LayerType {
  return Object.prototype.hasOwnProperty.call(LAYER_SCHEMAS, value);
}

export type PaletteGroup = 'input' | 'convolution' | 'pooling' | 'core' | 'normalization' | 'activation' | 'merge';

export const PALETTE: ReadonlyArray<{
  group: PaletteGroup;
  types: LayerType[];
}> = [
  { group: 'input', types: ['Input'] },
  { group: 'convolution', types: ['Conv2D', 'ZeroPadding2D'] },
  {
    group: 'pooling',
    types: ['MaxPooling2D', 'AveragePooling2D', 'GlobalAveragePooling2D', 'GlobalMaxPooling2D'],
  },
  { group: 'core', types: ['Flatten', 'Dense', 'Dropout'] },
  { group: 'normalization', types: ['BatchNormalization'] },
  { group: 'activation', types: ['Activation'] },
  { group: 'merge', types: ['Add', 'Concatenate'] },
];

/**
 * Settings a layer starts with when it is added from the palette, where they differ from Keras's defaults:
 * Conv2D and Dense start with ReLU (Keras's default is linear, yet the course's networks use ReLU in every
 * hidden layer: building them took four changes). Layers read from Keras files keep the file's settings.
 */
const PALETTE_START: Partial<Record<LayerType, Record<string, unknown>>> = {
  Conv2D: { activation: 'relu' },
  Dense: { activation: 'relu' },
};

/** The settings given to a new layer of this type added from the palette (the rest are Keras's defaults). */
export function paletteParams(type: LayerType): Record<string, unknown> {
  return { ...PALETTE_START[type] };
}

/** Layers that take two or more inputs. */
export const MERGE_TYPES: ReadonlySet<LayerType> = new Set(['Add', 'Concatenate']);

/** The default settings of a new layer of this type. */
export function defaultParams<T extends LayerType>(type: T): LayerParams<T> {
  return LAYER_SCHEMAS[type].parse({}) as LayerParams<T>;
}

/** Keras's automatic layer name stems; Keras appends _1, _2 … for the second, third … layer of a class. */
export const KERAS_NAME_STEMS: Readonly<Record<LayerType, string>> = {
  Input: 'input_layer',
  Conv2D: 'conv2d',
  MaxPooling2D: 'max_pooling2d',
  AveragePooling2D: 'average_pooling2d',
  GlobalAveragePooling2D: 'global_average_pooling2d',
  GlobalMaxPooling2D: 'global_max_pooling2d',
  Flatten: 'flatten',
  Dense: 'dense',
  Dropout: 'dropout',
  BatchNormalization: 'batch_normalization',
  Activation: 'activation',
  ZeroPadding2D: 'zero_padding2d',
  Add: 'add',
  Concatenate: 'concatenate',
};

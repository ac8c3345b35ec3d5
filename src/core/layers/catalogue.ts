/**
 * What the rest of ConvStudio asks of the layer types, derived from the registry (registry.ts): their
 * names, settings' schemas, palette, defaults, Keras class names and name stems.
 */
import type { z } from 'zod';
import type { LayerModule, PaletteGroup } from './layer-module.ts';
import { LAYER_MODULES } from './registry.ts';
import type { SettingSpec } from './settings-kinds.ts';

type Modules = (typeof LAYER_MODULES)[number];
export type LayerType = Modules['type'];
type ModuleOf<T extends LayerType> = Extract<Modules, { type: T }>;
export type LayerParams<T extends LayerType> = z.infer<ModuleOf<T>['schema']>;

const BY_TYPE = new Map<string, LayerModule>(LAYER_MODULES.map((m) => [m.type, m as unknown as LayerModule]));

/** The module of a layer type. */
export function layerModule(type: LayerType): LayerModule {
  return BY_TYPE.get(type)!;
}

export const LAYER_TYPES: LayerType[] = LAYER_MODULES.map((m) => m.type);

export function isLayerType(value: string): value is LayerType {
  return BY_TYPE.has(value);
}

export type { PaletteGroup };
/** In the palette's order: the course's everyday layers first. */
const GROUPS: PaletteGroup[] = [
  'input',
  'convolution',
  'pooling',
  'core',
  'normalization',
  'activation',
  'merge',
  'reshaping',
  'sequence',
  'preprocessing',
];

export const PALETTE: ReadonlyArray<{ group: PaletteGroup; types: LayerType[] }> = GROUPS.map((group) => ({
  group,
  types: LAYER_MODULES.filter((m) => m.palette?.group === group).map((m) => m.type),
})).filter((g) => g.types.length > 0);

/**
 * The settings given to a new layer of this type added from the palette, where they differ from Keras's
 * defaults: Conv2D and Dense start with ReLU (Keras's default is linear, yet the course's networks use
 * ReLU in every hidden layer). Layers read from Keras files keep the file's settings.
 */
export function paletteParams(type: LayerType): Record<string, unknown> {
  return { ...layerModule(type).palette?.start };
}

/** Layers that take two or more inputs. */
export const MERGE_TYPES: ReadonlySet<LayerType> = new Set(
  LAYER_MODULES.filter((m) => m.inputs === 'many').map((m) => m.type),
);

const DEFAULTS = new Map<string, unknown>(LAYER_MODULES.map((m) => [m.type, m.schema.parse({})]));

/** The default settings of a new layer of this type (a fresh copy: a graph's layers share no arrays). */
export function defaultParams<T extends LayerType>(type: T): LayerParams<T> {
  const copy: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(DEFAULTS.get(type) as Record<string, unknown>)) {
    copy[key] = typeof value === 'object' && value !== null ? structuredClone(value) : value;
  }
  return copy as LayerParams<T>;
}

/** Keras's automatic layer name stems; Keras appends _1, _2 … for the second, third … layer of a class. */
export const KERAS_NAME_STEMS = Object.fromEntries(LAYER_MODULES.map((m) => [m.type, m.keras.nameStem])) as Readonly<
  Record<LayerType, string>
>;

/** What the inspector shows for each layer type: each setting and its control. */
export const SETTINGS = Object.fromEntries(LAYER_MODULES.map((m) => [m.type, m.settings])) as Readonly<
  Record<LayerType, readonly SettingSpec[]>
>;

const BY_KERAS_CLASS = new Map<string, LayerModule>(
  LAYER_MODULES.flatMap((m) => m.keras.classNames.map((c) => [c, m as unknown as LayerModule] as const)),
);

/** The module that reads a Keras class name ('Conv2D', 'Convolution2D' …), if any. */
export function moduleForKerasClass(className: string): LayerModule | undefined {
  return BY_KERAS_CLASS.get(className);
}

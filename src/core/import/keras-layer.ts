/**
 * One Keras layer config ({class_name, config}) to a ConvStudio layer. Reads tf.keras 2.x, Keras 2.2,
 * Keras 3 and TensorFlow.js configs alike: they share snake_case setting names; tuples may be written as
 * one number; Keras 3 wraps dtypes in DTypePolicy objects, which are ignored.
 */
import type { LayerSpec } from '../document/build.ts';
import { formatShapeValue } from './value-text.ts';
import { msg, type Msg } from '../i18n/messages.ts';
import { ACTIVATIONS, type ActivationName, type Pair } from '../layers/params.ts';

export type Config = Record<string, unknown>;
export type LayerResult = { ok: true; spec: LayerSpec } | { ok: false; error: Msg };

/** Keras class names (and their aliases) for each ConvStudio layer. */
const CLASS_ALIASES: Record<string, LayerSpec['type']> = {
  InputLayer: 'Input',
  Conv2D: 'Conv2D',
  Convolution2D: 'Conv2D',
  MaxPooling2D: 'MaxPooling2D',
  MaxPool2D: 'MaxPooling2D',
  AveragePooling2D: 'AveragePooling2D',
  AvgPool2D: 'AveragePooling2D',
  GlobalAveragePooling2D: 'GlobalAveragePooling2D',
  GlobalAvgPool2D: 'GlobalAveragePooling2D',
  GlobalMaxPooling2D: 'GlobalMaxPooling2D',
  GlobalMaxPool2D: 'GlobalMaxPooling2D',
  Flatten: 'Flatten',
  Dense: 'Dense',
  Dropout: 'Dropout',
  BatchNormalization: 'BatchNormalization',
  Activation: 'Activation',
  ZeroPadding2D: 'ZeroPadding2D',
  Add: 'Add',
  Concatenate: 'Concatenate',
};

/** Keras's activation layers, read as an Activation layer with that function. */
const ACTIVATION_LAYERS: Record<string, ActivationName> = {
  ReLU: 'relu',
  LeakyReLU: 'leaky_relu',
  ELU: 'elu',
  Softmax: 'softmax',
};

/** Other spellings of activations (TensorFlow.js camelCase, Keras aliases). */
const ACTIVATION_ALIASES: Record<string, ActivationName> = {
  hardSigmoid: 'hard_sigmoid',
  silu: 'swish',
  leakyReLU: 'leaky_relu',
  leakyrelu: 'leaky_relu',
};

const MODEL_CLASSES = new Set(['Sequential', 'Functional', 'Model']);

/** A table's own entry: a file's class name 'constructor' or '__proto__' must not find Object's members. */
const own = <T>(table: Record<string, T>, key: string): T | undefined =>
  Object.hasOwn(table, key) ? table[key] : undefined;

class SettingError extends Error {
  constructor(
    readonly setting: string,
    readonly value: unknown,
  ) {
    super(setting);
  }
}

function isObject(value: unknown): value is Config {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function num(config: Config, key: string, fallback?: number): number {
  const value = config[key];
  if (value === undefined || value === null) {
    if (fallback !== undefined) return fallback;
    throw new SettingError(key, value);
  }
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new SettingError(key, value);
  return value;
}

function bool(config: Config, key: string, fallback: boolean): boolean {
  const value = config[key];
  if (value === undefined || value === null) return fallback;
  if (typeof value !== 'boolean') throw new SettingError(key, value);
  return value;
}

/** 3 or [3, 3] → [3, 3]. */
function pair(config: Config, key: string, fallback?: Pair): Pair {
  const value = config[key];
  if ((value === undefined || value === null) && fallback) return fallback;
  if (typeof value === 'number' && Number.isFinite(value)) return [value, value];
  if (Array.isArray(value) && value.length === 2 && value.every((v) => typeof v === 'number' && Number.isFinite(v))) {
    return [value[0] as number, value[1] as number];
  }
  throw new SettingError(key, value);
}

function padding(config: Config): 'valid' | 'same' {
  const value = config.padding ?? 'valid';
  if (value === 'valid' || value === 'same') return value;
  throw new SettingError('padding', value);
}

function activation(config: Config, key = 'activation', fallback: ActivationName = 'linear'): ActivationName {
  const value = config[key] ?? fallback;
  const name = typeof value === 'string' ? value : isObject(value) ? value.class_name : undefined;
  if (typeof name === 'string') {
    const lower = own(ACTIVATION_ALIASES, name) ?? name;
    if ((ACTIVATIONS as readonly string[]).includes(lower)) return lower as ActivationName;
    const snake = name.replace(/([a-z])([A-Z])/g, '$1_$2').toLowerCase();
    if ((ACTIVATIONS as readonly string[]).includes(snake)) return snake as ActivationName;
  }
  throw new SettingError(key, value);
}

/** Keras's kernel_regularizer (L1, L2 or L1L2, as tf.keras 2 and Keras 3 write it) as two penalties. */
function penalties(config: Config): { kernel_l1: number; kernel_l2: number } {
  const value = config.kernel_regularizer;
  if (value === undefined || value === null) return { kernel_l1: 0, kernel_l2: 0 };
  if (!isObject(value) || !isObject(value.config)) throw new SettingError('kernel_regularizer', value);
  const read = (key: 'l1' | 'l2') => {
    const v = (value.config as Config)[key];
    if (v === undefined || v === null) return 0;
    if (typeof v !== 'number' || !Number.isFinite(v)) throw new SettingError(`kernel_regularizer.${key}`, v);
    return Number(v.toPrecision(6));
  };
  return { kernel_l1: read('l1'), kernel_l2: read('l2') };
}

/** The last-axis check Keras layers with an `axis` need here (BatchNormalization, Concatenate). */
function lastAxis(config: Config, rank: number | undefined): number {
  const raw = config.axis ?? -1;
  const value = Array.isArray(raw) && raw.length === 1 ? raw[0] : raw;
  if (typeof value !== 'number') throw new SettingError('axis', raw);
  if (value === -1 || (rank !== undefined && value === rank)) return -1;
  throw new SettingError('axis', raw);
}

/** The shape of one sample from batch_shape / batch_input_shape (batch axis first) or input_shape. */
export function declaredInputShape(config: Config): Array<number | null> | undefined {
  for (const key of ['batch_shape', 'batch_input_shape'] as const) {
    const value = config[key];
    if (Array.isArray(value)) return value.slice(1).map((d) => (typeof d === 'number' ? d : null));
  }
  const value = config.input_shape ?? config.shape;
  if (Array.isArray(value)) return value.map((d) => (typeof d === 'number' ? d : null));
  return undefined;
}

/** Converts one layer; `rank` is the rank of its input when known (for `axis` settings). */
export function convertKerasLayer(className: string, name: string, config: Config, rank?: number): LayerResult {
  if (MODEL_CLASSES.has(className)) return { ok: false, error: msg('import.nestedModel', { className, name }) };
  if (config.data_format === 'channels_first') return { ok: false, error: msg('import.channelsFirst', { name }) };
  try {
    const spec = specFor(className, config, rank);
    if (!spec)
      return {
        ok: false,
        error: msg('import.unsupportedLayer', { className, name }),
      };
    return { ok: true, spec: { ...spec, name } as LayerSpec };
  } catch (error) {
    if (!(error instanceof SettingError)) throw error;
    if (error.value === undefined) {
      return {
        ok: false,
        error: msg('import.missingSetting', {
          name,
          className,
          setting: error.setting,
        }),
      };
    }
    return {
      ok: false,
      error: msg('import.badSetting', {
        name,
        className,
        setting: error.setting,
        value: formatShapeValue(error.value),
      }),
    };
  }
}

function specFor(className: string, c: Config, rank: number | undefined): LayerSpec | null {
  const fromActivationLayer = own(ACTIVATION_LAYERS, className);
  if (fromActivationLayer) return { type: 'Activation', params: { activation: fromActivationLayer } };
  const type = own(CLASS_ALIASES, className);
  switch (type) {
    case undefined:
      return null;
    case 'Input':
      return { type, params: { shape: declaredInputShape(c) ?? [] } };
    case 'Conv2D':
      return {
        type,
        params: {
          filters: num(c, 'filters'),
          kernel_size: pair(c, 'kernel_size'),
          strides: pair(c, 'strides', [1, 1]),
          padding: padding(c),
          dilation_rate: pair(c, 'dilation_rate', [1, 1]),
          groups: num(c, 'groups', 1),
          activation: activation(c),
          use_bias: bool(c, 'use_bias', true),
          ...penalties(c),
        },
      };
    case 'MaxPooling2D':
    case 'AveragePooling2D': {
      const poolSize = pair(c, 'pool_size', [2, 2]);
      return {
        type,
        params: {
          pool_size: poolSize,
          strides: c.strides === null || c.strides === undefined ? null : pair(c, 'strides'),
          padding: padding(c),
        },
      };
    }
    case 'GlobalAveragePooling2D':
    case 'GlobalMaxPooling2D':
      return { type, params: { keepdims: bool(c, 'keepdims', false) } };
    case 'Dense':
      return {
        type,
        params: {
          units: num(c, 'units'),
          activation: activation(c),
          use_bias: bool(c, 'use_bias', true),
          ...penalties(c),
        },
      };
    case 'Dropout':
      return { type, params: { rate: num(c, 'rate') } };
    case 'BatchNormalization':
      lastAxis(c, rank);
      return {
        type,
        params: {
          center: bool(c, 'center', true),
          scale: bool(c, 'scale', true),
          momentum: num(c, 'momentum', 0.99),
          epsilon: num(c, 'epsilon', 0.001),
        },
      };
    case 'Activation':
      return {
        type,
        params: { activation: activation(c, 'activation', 'linear') },
      };
    case 'ZeroPadding2D':
      return { type, params: { padding: zeroPadding(c) } };
    case 'Flatten':
    case 'Add':
      return { type };
    case 'Concatenate':
      return { type, params: { axis: lastAxis(c, rank) } };
    default:
      return null;
  }
}

/** 1 → [[1,1],[1,1]]; [1,2] → [[1,1],[2,2]]; [[1,2],[3,4]] as it is. */
function zeroPadding(c: Config): [Pair, Pair] {
  const value = c.padding ?? 1;
  if (typeof value === 'number')
    return [
      [value, value],
      [value, value],
    ];
  if (Array.isArray(value) && value.length === 2) {
    const [h, w] = value as unknown[];
    if (typeof h === 'number' && typeof w === 'number')
      return [
        [h, h],
        [w, w],
      ];
    const asPair = (v: unknown): Pair | null =>
      Array.isArray(v) && v.length === 2 && v.every((x) => typeof x === 'number')
        ? [v[0] as number, v[1] as number]
        : null;
    const ph = asPair(h);
    const pw = asPair(w);
    if (ph && pw) return [ph, pw];
  }
  throw new SettingError('padding', value);
}

export { isObject };

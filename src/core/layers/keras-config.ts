/**
 * Reading and writing Keras layer configs. Reading takes tf.keras 2.x, Keras 2.2, Keras 3 and TensorFlow.js
 * configs alike: they share snake_case setting names; tuples may be written as one number; `null` means
 * the default (tfjs-layers writes `"rate": null`). Writing gives each setting twice: its JSON value, which
 * the trainer hands to TensorFlow.js, and its Python text, which the Keras script prints — one call, so the
 * two cannot differ.
 */
import { pyBool, pyNumber, pyString, pyTuple } from '../export/python-text.ts';
import { ACTIVATIONS, type ActivationName, type Pair } from './params.ts';

export type Config = Record<string, unknown>;

/** What reading a layer's config may need to know about its input. */
export interface ReadContext {
  /** The class name the file gives (one of the module's classNames). */
  className: string;
  /** The rank of its input without the batch axis, when known. */
  rank: number | undefined;
}

/** A setting the reader cannot take: its name and the value the file gives (undefined: missing). */
export class SettingError extends Error {
  constructor(
    readonly setting: string,
    readonly value: unknown,
  ) {
    super(setting);
  }
}

export function isObject(value: unknown): value is Config {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A table's own entry: a file's class name 'constructor' or '__proto__' must not find Object's members. */
export const ownEntry = <T>(table: Readonly<Record<string, T>>, key: string): T | undefined =>
  Object.hasOwn(table, key) ? table[key] : undefined;

export function readNumber(config: Config, key: string, fallback?: number): number {
  const value = config[key];
  if (value === undefined || value === null) {
    if (fallback !== undefined) return fallback;
    throw new SettingError(key, value);
  }
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new SettingError(key, value);
  return value;
}

/** A number that may be absent (null): ReLU's max_value. */
export function readOptionalNumber(config: Config, key: string): number | null {
  const value = config[key];
  if (value === undefined || value === null) return null;
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new SettingError(key, value);
  return value;
}

export function readBool(config: Config, key: string, fallback: boolean): boolean {
  const value = config[key];
  if (value === undefined || value === null) return fallback;
  if (typeof value !== 'boolean') throw new SettingError(key, value);
  return value;
}

/** A one-axis size: 3, [3] or (3,) → 3 (Conv1D's kernel_size, strides). */
export function readOne(config: Config, key: string, fallback?: number): number {
  const value = config[key];
  if (Array.isArray(value) && value.length === 1) return readNumber({ [key]: value[0] }, key, fallback);
  if (Array.isArray(value)) throw new SettingError(key, value);
  return readNumber(config, key, fallback);
}

/** One of a few words (Keras's padding modes, fill modes…); absent: `fallback`. */
export function readChoice<T extends string>(
  config: Config,
  key: string,
  options: readonly T[],
  fallback: T = options[0]!,
): T {
  const value = config[key] ?? fallback;
  if (typeof value === 'string' && (options as readonly string[]).includes(value)) return value as T;
  throw new SettingError(key, value);
}

/** 3 or [3, 3] → [3, 3]. */
export function readPair(config: Config, key: string, fallback?: Pair): Pair {
  const value = config[key];
  if ((value === undefined || value === null) && fallback) return fallback;
  if (typeof value === 'number' && Number.isFinite(value)) return [value, value];
  if (Array.isArray(value) && value.length === 2 && value.every((v) => typeof v === 'number' && Number.isFinite(v))) {
    return [value[0] as number, value[1] as number];
  }
  throw new SettingError(key, value);
}

export function readPadding(config: Config): 'valid' | 'same' {
  const value = config.padding ?? 'valid';
  if (value === 'valid' || value === 'same') return value;
  throw new SettingError('padding', value);
}

/** Other spellings of activations (TensorFlow.js camelCase, Keras aliases). */
const ACTIVATION_ALIASES: Record<string, ActivationName> = {
  hardSigmoid: 'hard_sigmoid',
  silu: 'swish',
  leakyReLU: 'leaky_relu',
  leakyrelu: 'leaky_relu',
};

export function readActivation(
  config: Config,
  key = 'activation',
  fallback: ActivationName = 'linear',
): ActivationName {
  const value = config[key] ?? fallback;
  const name = typeof value === 'string' ? value : isObject(value) ? value.class_name : undefined;
  if (typeof name === 'string') {
    const lower = ownEntry(ACTIVATION_ALIASES, name) ?? name;
    if ((ACTIVATIONS as readonly string[]).includes(lower)) return lower as ActivationName;
    const snake = name.replace(/([a-z])([A-Z])/g, '$1_$2').toLowerCase();
    if ((ACTIVATIONS as readonly string[]).includes(snake)) return snake as ActivationName;
  }
  throw new SettingError(key, value);
}

/** Keras's kernel_regularizer (L1, L2 or L1L2, as tf.keras 2 and Keras 3 write it) as two penalties. */
export function readPenalties(config: Config): { kernel_l1: number; kernel_l2: number } {
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

/** An `axis` setting that must be the last axis (BatchNormalization, Concatenate here): -1 or the rank. */
export function readLastAxis(config: Config, rank: number | undefined): number {
  const raw = config.axis ?? -1;
  const value = Array.isArray(raw) && raw.length === 1 ? raw[0] : raw;
  if (typeof value !== 'number') throw new SettingError('axis', raw);
  if (value === -1 || (rank !== undefined && value === rank)) return -1;
  throw new SettingError('axis', raw);
}

// ---- Writing ----

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** One setting of a Keras layer call. */
export interface KerasArg {
  key: string;
  /** As a Keras config holds it. */
  value: Json;
  /** As a Python script writes it; null where it is Keras's default and the script leaves it out. */
  python: string | null;
  /** Written without its key, first (Activation("relu")). */
  positional?: boolean;
}

/** One Keras layer: its class, its name, its settings. */
export interface KerasCall {
  className: string;
  name: string;
  args: KerasArg[];
}

const same = (a: Json, b: Json | undefined) => b !== undefined && JSON.stringify(a) === JSON.stringify(b);

/** Keras setting writers; each leaves the setting out of the script where it equals `fallback`. */
export const kerasArg = {
  int: (key: string, value: number, fallback?: number): KerasArg => ({
    key,
    value,
    python: same(value, fallback) ? null : pyNumber(value),
  }),
  float: (key: string, value: number, fallback?: number): KerasArg => ({
    key,
    value,
    python: same(value, fallback) ? null : pyNumber(value, true),
  }),
  /** A float setting whose absence (null) is its default. */
  optionalFloat: (key: string, value: number | null): KerasArg => ({
    key,
    value,
    python: value === null ? null : pyNumber(value, true),
  }),
  tuple: (key: string, value: readonly number[] | null, fallback?: readonly number[] | null): KerasArg => ({
    key,
    value: value === null ? null : [...value],
    python: value === null || (fallback != null && same([...value], [...fallback])) ? null : pyTuple(value),
  }),
  text: (key: string, value: string, fallback?: string): KerasArg => ({
    key,
    value,
    python: same(value, fallback) ? null : pyString(value),
  }),
  bool: (key: string, value: boolean, fallback?: boolean): KerasArg => ({
    key,
    value,
    python: same(value, fallback) ? null : pyBool(value),
  }),
  /** Keras's L1L2 kernel regularizer; none when both penalties are 0. */
  regularizer: (l1: number, l2: number): KerasArg => {
    const none = l1 === 0 && l2 === 0;
    const args = [...(l1 > 0 ? [`l1=${pyNumber(l1, true)}`] : []), ...(l2 > 0 ? [`l2=${pyNumber(l2, true)}`] : [])];
    return {
      key: 'kernel_regularizer',
      value: none ? null : { class_name: 'L1L2', config: { l1, l2 } },
      python: none ? null : `regularizers.L1L2(${args.join(', ')})`,
    };
  },
  /** Any other value, with its Python text. */
  raw: (key: string, value: Json, python: string | null): KerasArg => ({ key, value, python }),
};

/** A Keras layer call as Python: `Conv2D(filters=32, kernel_size=(3, 3), name="conv2d")`. */
export function pythonCall(call: KerasCall, named = true): string {
  const positional = call.args.filter((a) => a.positional).map((a) => a.python ?? 'None');
  const settings = call.args.filter((a) => !a.positional && a.python !== null).map((a) => `${a.key}=${a.python}`);
  const name = named ? [`name=${pyString(call.name)}`] : [];
  return `${call.className}(${[...positional, ...settings, ...name].join(', ')})`;
}

/** The call's settings as a Keras config (every setting, defaults included), with its name. */
export function kerasConfig(call: KerasCall): Record<string, Json> {
  const config: Record<string, Json> = { name: call.name };
  for (const a of call.args) config[a.key] = a.value;
  return config;
}

/**
 * The shape of one sample, from the batch shape (batch axis first: Keras 3's batch_shape, tf.keras's
 * batch_input_shape, TensorFlow.js's batchInputShape) or input_shape / shape.
 */
export function declaredInputShape(config: Config): Array<number | null> | undefined {
  for (const key of ['batch_shape', 'batch_input_shape', 'batchInputShape'] as const) {
    const value = config[key];
    if (Array.isArray(value)) return value.slice(1).map((d) => (typeof d === 'number' ? d : null));
  }
  const value = config.input_shape ?? config.shape;
  if (Array.isArray(value)) return value.map((d) => (typeof d === 'number' ? d : null));
  return undefined;
}

/**
 * One Keras layer config ({class_name, config}) to a ConvStudio layer, through the layer module that reads
 * its class (src/core/layers/registry.ts). Keras 3 wraps dtypes in DTypePolicy objects, which are ignored.
 */
import type { LayerSpec } from '../document/build.ts';
import { msg, type Msg } from '../i18n/messages.ts';
import { defaultParams, layerModule, moduleForKerasClass } from '../layers/catalogue.ts';
import { SettingError, declaredInputShape, isObject, type Config } from '../layers/keras-config.ts';
import { formatShapeValue } from './value-text.ts';

export type { Config };
export type LayerResult = { ok: true; spec: LayerSpec } | { ok: false; error: Msg };

export const MODEL_CLASSES = new Set(['Sequential', 'Functional', 'Model']);

/** Converts one layer; `rank` is the rank of its input when known (for `axis` settings). */
export function convertKerasLayer(className: string, name: string, config: Config, rank?: number): LayerResult {
  if (config.data_format === 'channels_first') return { ok: false, error: msg('import.channelsFirst', { name }) };
  const module = moduleForKerasClass(className);
  if (!module) return { ok: false, error: msg('import.unsupportedLayer', { className, name }) };
  try {
    const params = module.keras.read(config, { className, rank });
    return { ok: true, spec: { type: module.type, params, name } as LayerSpec };
  } catch (error) {
    if (!(error instanceof SettingError)) throw error;
    if (error.value === undefined) {
      return { ok: false, error: msg('import.missingSetting', { name, className, setting: error.setting }) };
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

/** The rank of a layer's output, given its input's, for the `axis` settings that need it. */
export function rankAfter(spec: LayerSpec, rank: number | undefined): number | undefined {
  const module = layerModule(spec.type);
  const read = module.keras.rankAfter;
  return read ? read({ ...(defaultParams(spec.type) as object), ...spec.params }, rank) : rank;
}

export { declaredInputShape, isObject };

/**
 * The kinds of control the inspector has for a layer setting, with their bounds (the same limits the
 * analysis checks). Each layer module lists its settings with these.
 */

export type SettingKind =
  | { control: 'int'; min: number; max: number }
  | { control: 'pair'; min: number; max: number }
  /** A pair or none: `none` names what none means ('sameAsPool': the pool size; 'auto': worked out). */
  | { control: 'optionalPair'; min: number; max: number; none: 'sameAsPool' | 'auto' }
  /** One of a few Keras words ('valid' or 'same'; 'nearest' or 'bilinear'), shown as Keras writes them. */
  | { control: 'choice'; options: readonly string[] }
  | { control: 'rate' }
  | { control: 'padding' }
  | { control: 'activation' }
  | { control: 'bool' }
  | { control: 'shape' }
  /** A list of sizes typed as '4, 4, 240', where −1 stands for 'whatever is left' (Reshape's target). */
  | { control: 'sizes' }
  /** A range of fractions [low, high] (the random augmentation layers' factors). */
  | { control: 'range' }
  /** A range or none (RandomZoom's width_factor: none keeps the height's zoom). */
  | { control: 'optionalRange' }
  | { control: 'zeroPadding' }
  | { control: 'number' }
  /** A whole number or none (1-D pooling's strides: none is the pool size). */
  | { control: 'optionalInt' }
  /** A number or none (ReLU's max_value). */
  | { control: 'optionalNumber' };

export interface SettingSpec {
  key: string;
  kind: SettingKind;
  /** Shown only while another setting has one of these values (Bidirectional's reset_after: for a GRU). */
  onlyWhen?: { key: string; values: readonly string[] };
  /** Rarely changed (dilation, penalties, momentum…): the inspector keeps it under "More settings". */
  advanced?: boolean;
}

/** The same setting, kept under the inspector's "More settings". */
export const advanced = (spec: SettingSpec): SettingSpec => ({ ...spec, advanced: true });

/** Whether a setting applies to a layer with these settings. */
export const settingApplies = (spec: SettingSpec, params: Record<string, unknown>): boolean =>
  !spec.onlyWhen || spec.onlyWhen.values.includes(String(params[spec.onlyWhen.key]));

export const setting = {
  int: (key: string, [min, max]: readonly [number, number]): SettingSpec => ({
    key,
    kind: { control: 'int', min, max },
  }),
  pair: (key: string, [min, max]: readonly [number, number]): SettingSpec => ({
    key,
    kind: { control: 'pair', min, max },
  }),
  optionalPair: (
    key: string,
    [min, max]: readonly [number, number],
    none: 'sameAsPool' | 'auto' = 'sameAsPool',
  ): SettingSpec => ({
    key,
    kind: { control: 'optionalPair', min, max, none },
  }),
  choice: (key: string, options: readonly string[]): SettingSpec => ({ key, kind: { control: 'choice', options } }),
  of: (
    key: string,
    control: Exclude<SettingKind['control'], 'int' | 'pair' | 'optionalPair' | 'choice'>,
  ): SettingSpec => ({ key, kind: { control } }) as SettingSpec,
};

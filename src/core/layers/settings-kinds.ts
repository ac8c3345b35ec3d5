/**
 * The kinds of control the inspector has for a layer setting, with their bounds (the same limits the
 * analysis checks). Each layer module lists its settings with these.
 */

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
  | { control: 'number' }
  /** A number or none (ReLU's max_value). */
  | { control: 'optionalNumber' };

export interface SettingSpec {
  key: string;
  kind: SettingKind;
}

export const setting = {
  int: (key: string, [min, max]: readonly [number, number]): SettingSpec => ({
    key,
    kind: { control: 'int', min, max },
  }),
  pair: (key: string, [min, max]: readonly [number, number]): SettingSpec => ({
    key,
    kind: { control: 'pair', min, max },
  }),
  optionalPair: (key: string, [min, max]: readonly [number, number]): SettingSpec => ({
    key,
    kind: { control: 'optionalPair', min, max },
  }),
  of: (key: string, control: Exclude<SettingKind['control'], 'int' | 'pair' | 'optionalPair'>): SettingSpec =>
    ({ key, kind: { control } }) as SettingSpec,
};

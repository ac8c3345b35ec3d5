/**
 * Settings in words: each setting's label (the inspector's) and its value written out, for places where a
 * reader meets a layer without the inspector — a worksheet says "Filters: 32 · Kernel size: 3×3 · Stride:
 * 1×1 · Padding: valid · Activation: ReLU" where the canvas card says "32 × 3×3 · s1 · valid · ReLU".
 */
import {
  SETTINGS,
  activationLabel,
  defaultParams,
  formatInt,
  formatNumber,
  formatShape,
  settingApplies,
  type ActivationName,
  type LayerNode,
  type LayerType,
  type Pair,
  type SettingSpec,
} from '@core/index.ts';
import { uiEn, type UiKey } from '../i18n/ui-en.ts';

type T = (key: UiKey) => string;

/**
 * A setting's label or help: the type's own words where two types give one key different meanings
 * (Rescaling's scale is a number, BatchNormalization's a switch), else the key's.
 */
export function wordsFor(kind: 'setting' | 'help', type: string, spec: SettingSpec): UiKey {
  const own = `${kind}.${type}.${spec.key}`;
  if (Object.hasOwn(uiEn, own)) return own as UiKey;
  return (spec.kind.control === 'zeroPadding' ? `${kind}.zeroPadding` : `${kind}.${spec.key}`) as UiKey;
}

const pair = ([a, b]: Pair) => `${formatInt(a)}×${formatInt(b)}`;
const range = ([a, b]: Pair, t: T) => `${formatNumber(a)} ${t('control.to').toLowerCase()} ${formatNumber(b)}`;

/** A setting's value as the inspector would show it, in words where it is a choice of none. */
export function settingValueText(spec: SettingSpec, value: unknown, t: T): string {
  const kind = spec.kind;
  switch (kind.control) {
    case 'int':
      return formatInt(value as number);
    case 'number':
    case 'rate':
      return formatNumber(value as number);
    case 'optionalNumber':
      return value === null ? t('control.none') : formatNumber(value as number);
    case 'optionalInt':
      return value === null ? t('control.sameAsPool') : formatInt(value as number);
    case 'pair':
      return pair(value as Pair);
    case 'optionalPair':
      return value === null ? t(kind.none === 'auto' ? 'control.auto' : 'control.sameAsPool') : pair(value as Pair);
    case 'range':
      return range(value as Pair, t);
    case 'optionalRange':
      return value === null ? t('control.sameAsHeight') : range(value as Pair, t);
    case 'padding':
      return typeof value === 'number' ? formatInt(value) : String(value);
    case 'choice':
      return String(value);
    case 'activation':
      return activationLabel(value as ActivationName);
    case 'bool':
      return t(value === true ? 'control.yes' : 'control.no');
    case 'shape':
      return formatShape(value as Array<number | null>);
    case 'sizes':
      return (value as number[]).join(', ');
    case 'zeroPadding': {
      const [[top, bottom], [left, right]] = value as [Pair, Pair];
      return [
        [t('control.top'), top],
        [t('control.bottom'), bottom],
        [t('control.left'), left],
        [t('control.right'), right],
      ]
        .map(([side, n]) => `${side} ${formatInt(n as number)}`)
        .join(', ');
    }
    default: {
      const unknown: never = kind;
      return unknown;
    }
  }
}

/**
 * A layer type's settings that apply with these values, split as the inspector shows them: the main ones,
 * and the rarely changed ones under "More settings".
 */
export function settingGroups(
  type: LayerType,
  params: Record<string, unknown>,
): { main: SettingSpec[]; more: SettingSpec[] } {
  const applicable = SETTINGS[type].filter((spec) => settingApplies(spec, params));
  return { main: applicable.filter((spec) => !spec.advanced), more: applicable.filter((spec) => spec.advanced) };
}

/**
 * The layer's settings as "label: value" lines: those the inspector shows first (not "More settings"), and a
 * switch only where it is not at Keras's default (Use bias: no changes the count; Use bias: yes is noise).
 */
export function wordedSettings(node: LayerNode, t: T): string[] {
  const params = node.params as Record<string, unknown>;
  const defaults = defaultParams(node.type) as Record<string, unknown>;
  return settingGroups(node.type, params)
    .main.filter((spec) => spec.kind.control !== 'bool' || params[spec.key] !== defaults[spec.key])
    .map(
      (spec) =>
        `${t(wordsFor('setting', node.type, spec))}${t('worded.colon')}${settingValueText(spec, params[spec.key], t)}`,
    );
}

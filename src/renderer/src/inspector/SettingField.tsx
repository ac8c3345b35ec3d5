/** The control for one layer setting, chosen by its kind (src/core/layers/settings-kinds.ts). */
import { ACTIVATIONS, activationLabel, type LayerNode, type Pair, type SettingSpec } from '@core/index.ts';
import type { ReactNode } from 'react';
import { useLang } from '../i18n/lang-context.tsx';
import type { UiKey } from '../i18n/ui-en.ts';
import { wordsFor } from './setting-words.ts';
import { NumberField } from './NumberField.tsx';
import { SizesField } from './SizesField.tsx';

export interface SettingFieldProps {
  node: LayerNode;
  spec: SettingSpec;
  onChange: (key: string, value: unknown) => void;
}

export function SettingField({ node, spec, onChange }: SettingFieldProps) {
  const { t } = useLang();
  const value = (node.params as Record<string, unknown>)[spec.key];
  const labelKey = wordsFor('setting', node.type, spec);
  const helpKey = wordsFor('help', node.type, spec);
  const set = (v: unknown) => onChange(spec.key, v);
  const testId = `setting-${spec.key}`;
  return (
    <fieldset className="setting" data-testid={testId}>
      <legend>{t(labelKey)}</legend>
      {control()}
      <p className="setting__help">{t(helpKey)}</p>
    </fieldset>
  );

  function control() {
    const kind = spec.kind;
    switch (kind.control) {
      case 'int':
        return (
          <NumberField
            label={t(labelKey)}
            value={value as number}
            min={kind.min}
            max={kind.max}
            onCommit={set}
            testId={`${testId}-input`}
            hideLabel
          />
        );
      case 'number':
        return (
          <NumberField
            label={t(labelKey)}
            value={value as number}
            step={0.001}
            onCommit={set}
            testId={`${testId}-input`}
            hideLabel
          />
        );
      case 'optionalNumber':
        return orNone('control.none', 6, (number: number) => (
          <NumberField
            label={t(labelKey)}
            value={number}
            step={0.5}
            onCommit={set}
            testId={`${testId}-input`}
            hideLabel
          />
        ));
      case 'optionalInt':
        return orNone(
          'control.sameAsPool',
          (node.params as { pool_size?: number }).pool_size ?? 2,
          (number: number) => (
            <NumberField
              label={t(labelKey)}
              value={number}
              min={1}
              onCommit={set}
              testId={`${testId}-input`}
              hideLabel
            />
          ),
        );
      case 'rate':
        return (
          <NumberField
            label={t(labelKey)}
            value={value as number}
            min={0}
            max={0.99}
            step={0.05}
            onCommit={set}
            testId={`${testId}-input`}
            hideLabel
          />
        );
      case 'pair':
        return pairFields(value as Pair, kind.min, kind.max, set);
      case 'range':
        return rangeFields(value as Pair, set);
      case 'optionalRange':
        return orNone('control.sameAsHeight', [-0.1, 0.1], (range: Pair) => rangeFields(range, set));
      case 'optionalPair':
        return orNone(
          kind.none === 'auto' ? 'control.auto' : 'control.sameAsPool',
          kind.none === 'auto' ? [0, 0] : [...((node.params as { pool_size?: Pair }).pool_size ?? [2, 2])],
          (pair: Pair) => pairFields(pair, kind.min, kind.max, set),
        );
      case 'padding': {
        const numeric = typeof value === 'number';
        return (
          <div className="row">
            <select
              aria-label={t(labelKey)}
              value={numeric ? 'number' : String(value)}
              data-testid={`${testId}-select`}
              onChange={(e) => set(e.target.value === 'number' ? 1 : e.target.value)}
            >
              <option value="valid">valid</option>
              <option value="same">same</option>
              <option value="number">{t('control.paddingNumber')}</option>
            </select>
            {numeric && (
              <NumberField label={t('control.paddingNumber')} value={value} min={0} max={4096} onCommit={set} />
            )}
          </div>
        );
      }
      case 'choice':
        return (
          <select
            aria-label={t(labelKey)}
            value={String(value)}
            onChange={(e) => set(e.target.value)}
            data-testid={`${testId}-select`}
          >
            {kind.options.map((option) => (
              <option key={option} value={option}>
                {option}
              </option>
            ))}
          </select>
        );
      case 'activation':
        return (
          <select
            aria-label={t(labelKey)}
            value={String(value)}
            onChange={(e) => set(e.target.value)}
            data-testid={`${testId}-select`}
          >
            {ACTIVATIONS.map((a) => (
              <option key={a} value={a}>
                {activationLabel(a)}
              </option>
            ))}
          </select>
        );
      case 'bool':
        return (
          <label className="check">
            <input
              type="checkbox"
              checked={value === true}
              onChange={(e) => set(e.target.checked)}
              data-testid={`${testId}-input`}
            />
            {t(labelKey)}
          </label>
        );
      case 'shape':
        return shapeFields(value as Array<number | null>, set);
      case 'sizes':
        return <SizesField label={t(labelKey)} value={value as number[]} onCommit={set} testId={`${testId}-input`} />;
      case 'zeroPadding': {
        const [[top, bottom], [left, right]] = value as [Pair, Pair];
        const edge = (i: 0 | 1, j: 0 | 1) => (v: number) => {
          const next: [Pair, Pair] = [
            [top, bottom],
            [left, right],
          ];
          next[i] = [...next[i]] as Pair;
          next[i][j] = v;
          set(next);
        };
        return (
          <div className="grid-2">
            <NumberField label={t('control.top')} value={top} min={0} max={4096} onCommit={edge(0, 0)} />
            <NumberField label={t('control.bottom')} value={bottom} min={0} max={4096} onCommit={edge(0, 1)} />
            <NumberField label={t('control.left')} value={left} min={0} max={4096} onCommit={edge(1, 0)} />
            <NumberField label={t('control.right')} value={right} min={0} max={4096} onCommit={edge(1, 1)} />
          </div>
        );
      }
      default: {
        // Every kind of setting has its control: a new kind fails to compile until it gets one.
        const unknown: never = kind;
        return unknown;
      }
    }
  }

  function pairFields(pair: Pair, min: number, max: number, onCommit: (p: Pair) => void) {
    return (
      <div className="grid-2">
        <NumberField
          label={t('control.height')}
          value={pair[0]}
          min={min}
          max={max}
          onCommit={(v) => onCommit([v, pair[1]])}
          testId={`${testId}-h`}
        />
        <NumberField
          label={t('control.width')}
          value={pair[1]}
          min={min}
          max={max}
          onCommit={(v) => onCommit([pair[0], v])}
          testId={`${testId}-w`}
        />
      </div>
    );
  }

  /** A setting that may be none (null): a checkbox for none, and the field while there is a value. */
  function orNone<V>(noneLabel: UiKey, whenUnticked: V, field: (value: V) => ReactNode) {
    const current = value as V | null;
    return (
      <>
        <label className="check">
          <input
            type="checkbox"
            checked={current === null}
            onChange={(e) => set(e.target.checked ? null : whenUnticked)}
            data-testid={`${testId}-none`}
          />
          {t(noneLabel)}
        </label>
        {current !== null && field(current)}
      </>
    );
  }

  function rangeFields([low, high]: Pair, onCommit: (p: Pair) => void) {
    return (
      <div className="grid-2">
        <NumberField
          label={t('control.from')}
          value={low}
          step={0.05}
          onCommit={(v) => onCommit([v, high])}
          testId={`${testId}-from`}
        />
        <NumberField
          label={t('control.to')}
          value={high}
          step={0.05}
          onCommit={(v) => onCommit([low, v])}
          testId={`${testId}-to`}
        />
      </div>
    );
  }

  function shapeFields(shape: Array<number | null>, onCommit: (s: Array<number | null>) => void) {
    const kind = shape.length === 3 ? 'image' : shape.length === 2 ? 'sequence' : 'vector';
    const labels =
      kind === 'image'
        ? [t('control.height'), t('control.width'), t('control.channels')]
        : kind === 'sequence'
          ? [t('control.steps'), t('control.features')]
          : [t('control.features')];
    const start = { image: [28, 28, 1], sequence: [100, 32], vector: [784] } as const;
    return (
      <>
        <select
          aria-label={t(labelKey)}
          value={kind}
          onChange={(e) => onCommit([...start[e.target.value as keyof typeof start]])}
        >
          <option value="image">{t('control.image')}</option>
          <option value="sequence">{t('control.sequence')}</option>
          <option value="vector">{t('control.vector')}</option>
        </select>
        <div className={kind === 'image' ? 'grid-3' : kind === 'sequence' ? 'grid-2' : 'grid-1'}>
          {labels.map((label, i) => (
            <NumberField
              key={label}
              label={label}
              value={shape[i] ?? 0}
              min={1}
              max={65536}
              testId={`${testId}-${i}`}
              onCommit={(v) => onCommit(shape.map((d, j) => (j === i ? v : d)))}
            />
          ))}
        </div>
      </>
    );
  }
}

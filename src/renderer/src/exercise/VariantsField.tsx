/**
 * The teacher's variants: on or off, how many, and the ranges each is drawn in (core's variants.ts), with
 * every variant's code, input and parameter count listed for the teacher (the answer keys print them all).
 */
import { useMemo } from 'react';
import {
  MAX_VARIANTS,
  analyse,
  exerciseVariants,
  formatInt,
  formatShape,
  variantSettingsSchema,
  type Graph,
  type VariantSettings,
} from '@core/index.ts';
import { useLang } from '../i18n/lang-context.tsx';
import type { UiKey } from '../i18n/ui-en.ts';
import { changeDraft, useDraft } from './exercise-draft.ts';

type RangeKey = 'filters' | 'kernel' | 'strides' | 'inputSize';
const RANGES: { key: RangeKey; label: UiKey; min: number; max: number }[] = [
  { key: 'filters', label: 'exercise.variantFilters', min: 1, max: 1024 },
  { key: 'kernel', label: 'exercise.variantKernel', min: 1, max: 11 },
  { key: 'strides', label: 'exercise.variantStrides', min: 1, max: 4 },
  { key: 'inputSize', label: 'exercise.variantInput', min: 4, max: 512 },
];

function set(settings: VariantSettings, change: Partial<VariantSettings>): void {
  const parsed = variantSettingsSchema.safeParse({ ...settings, ...change });
  if (parsed.success) changeDraft({ variants: parsed.data });
}

export function VariantsField({ graph }: { graph: Graph }) {
  const { t, tf } = useLang();
  const draft = useDraft();
  const settings = draft.variants;
  // Each variant with its analysis, worked out once per change of the ranges, the title or the network.
  const variants = useMemo(
    () =>
      settings
        ? exerciseVariants({ title: draft.title, graph }, settings).map((v) => ({ ...v, analysis: analyse(v.graph) }))
        : [],
    [settings, draft.title, graph],
  );
  return (
    <fieldset className="variants" data-testid="variants">
      <label className="checkbox">
        <input
          type="checkbox"
          checked={settings !== null}
          onChange={(e) => changeDraft({ variants: e.target.checked ? variantSettingsSchema.parse({}) : null })}
          data-testid="variants-on"
        />
        {t('exercise.variants')}
      </label>
      {settings && (
        <>
          <p className="muted small">{t('exercise.variantsHint')}</p>
          <div className="variants__ranges">
            <label>
              <span>{t('exercise.variantCount')}</span>
              <input
                type="number"
                min={2}
                max={MAX_VARIANTS}
                value={settings.count}
                onChange={(e) => set(settings, { count: Number(e.target.value) })}
                data-testid="variants-count"
              />
            </label>
            {RANGES.map(({ key, label, min, max }) => (
              <label key={key}>
                <span>{t(label)}</span>
                <span className="variants__pair">
                  {[0, 1].map((i) => (
                    <input
                      key={i}
                      type="number"
                      min={min}
                      max={max}
                      value={settings[key][i]}
                      onChange={(e) => {
                        const pair = [...settings[key]] as [number, number];
                        pair[i] = Number(e.target.value);
                        set(settings, { [key]: pair });
                      }}
                      data-testid={`variants-${key}-${i === 0 ? 'min' : 'max'}`}
                    />
                  ))}
                </span>
              </label>
            ))}
          </div>
          <ol className="variants__list" data-testid="variants-list">
            {variants.map((v) => {
              const { analysis } = v;
              const input = analysis.nodes.find((n) => n.type === 'Input')?.outputShape;
              return (
                <li key={v.number}>
                  {tf('exercise.variantRow', {
                    n: v.number,
                    code: v.code,
                    input: input ? formatShape(input) : '?',
                    total: formatInt(analysis.totals.total),
                  })}
                </li>
              );
            })}
          </ol>
        </>
      )}
    </fieldset>
  );
}

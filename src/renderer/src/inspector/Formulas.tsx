/** The arithmetic behind a layer's figures: the rule in words and the formula with the layer's own numbers. */
import type { Explanation, NodeAnalysis } from '@core/index.ts';
import { useLang } from '../i18n/lang-context.tsx';
import type { UiKey } from '../i18n/ui-en.ts';

/** `hidden`: an exercise asks for this layer's figures, so their arithmetic waits until the answers are checked. */
export function Formulas({ analysis, hidden = false }: { analysis: NodeAnalysis; hidden?: boolean }) {
  const { t, tm } = useLang();
  if (hidden) {
    return (
      <section className="formulas" aria-label={t('inspector.formulas')}>
        <h3>{t('inspector.formulas')}</h3>
        <p className="muted" data-testid="formulas-hidden">
          {t('exercise.formulasHidden')}
        </p>
      </section>
    );
  }
  const explanations = analysis.explanations;
  const section = (title: UiKey, items: Array<Explanation | null> | null, testId: string) => {
    const known = (items ?? []).filter((x): x is Explanation => x !== null);
    return (
      <div className="formula" data-testid={testId}>
        <h4>{t(title)}</h4>
        {known.length === 0 ? (
          <p className="muted">{t('formula.unknown')}</p>
        ) : (
          known.map((e, i) => (
            <div key={i} className="formula__item">
              <p className="formula__rule">{tm(e.rule)}</p>
              <code className="formula__numbers">{e.formula}</code>
            </div>
          ))
        )}
      </div>
    );
  };
  return (
    <section className="formulas" aria-label={t('inspector.formulas')}>
      <h3>{t('inspector.formulas')}</h3>
      {section('formula.outputShape', explanations?.outputShape ?? null, 'formula-shape')}
      {section('formula.params', explanations ? [explanations.params] : null, 'formula-params')}
      {explanations?.receptiveField !== null &&
        section('formula.receptiveField', explanations ? [explanations.receptiveField] : null, 'formula-rf')}
      {section('formula.macs', explanations ? [explanations.macs] : null, 'formula-macs')}
    </section>
  );
}

/** Why an answer is wrong: the right figure, the common mistake it shows, and the step-by-step arithmetic. */
import { formatFigure, type Verdict } from '@core/index.ts';
import { useLang } from '../i18n/lang-context.tsx';
import { FIGURE_TITLES } from './FigureTable.tsx';

export function Feedback({
  layer,
  verdicts,
  answers,
}: {
  /** The layer's name; null for the network's total. */
  layer: string | null;
  verdicts: Verdict[];
  answers: Readonly<Record<string, string>>;
}) {
  const { t, tf, tm } = useLang();
  return (
    <div className="feedback">
      {verdicts.map((v) => (
        <section
          key={v.key}
          className={`feedback__item feedback__item--${v.status}`}
          data-testid={`feedback-${layer ?? 'network'}-${v.question.figure}`}
        >
          <h4>
            {layer ? `${layer} · ` : ''}
            {t(FIGURE_TITLES[v.question.figure])}
          </h4>
          <p>
            {v.status === 'unreadable'
              ? tm(v.mistakes[0]!)
              : tf('exercise.yourAnswer', {
                  answer: (answers[v.key] ?? '').trim(),
                  right: v.correct ? formatFigure(v.correct) : '?',
                })}
          </p>
          {v.status === 'wrong' && v.mistakes.length > 0 && (
            <ul className="feedback__mistakes" aria-label={t('exercise.likelyMistake')}>
              {v.mistakes.map((m, i) => (
                <li key={i}>{tm(m)}</li>
              ))}
            </ul>
          )}
          {v.explanations.length > 0 && (
            <div className="feedback__steps">
              <span className="muted">{t('exercise.howItIsWorkedOut')}</span>
              {v.explanations.map((e, i) => (
                <div key={i} className="formula__item">
                  <p className="formula__rule">{tm(e.rule)}</p>
                  <code className="formula__numbers">{e.formula}</code>
                </div>
              ))}
            </div>
          )}
        </section>
      ))}
    </div>
  );
}

/**
 * The student's side of an exercise: the figures the teacher asked are answer boxes, the others are given.
 * Checking marks each answer right or wrong; a wrong one gets the right figure, the common mistake it
 * shows and the arithmetic behind it, under its layer.
 */
import { useMemo, useState } from 'react';
import {
  LAYER_FIGURES,
  FIGURE_KIND,
  checkExercise,
  formatFigure,
  layerFigure,
  questionKey,
  studentNetwork,
  type Analysis,
  type FigureKind,
  type Graph,
  type Question,
  type Verdict,
} from '@core/index.ts';
import { useLang } from '../i18n/lang-context.tsx';
import type { UiKey } from '../i18n/ui-en.ts';
import { useExercise, type StudentWork } from '../state/exercise-store.ts';
import { FigureTable } from './FigureTable.tsx';
import { Feedback } from './Feedback.tsx';
import { chooseVariant } from './exercise-actions.ts';

/** Where a student types the variant code their teacher gave them; the sheet is theirs once it is right. */
function VariantCode({ current }: { current: string | null }) {
  const { t, tf } = useLang();
  const [typed, setTyped] = useState('');
  const [wrong, setWrong] = useState(false);
  return (
    <form
      className="variant-code"
      onSubmit={(e) => {
        e.preventDefault();
        setWrong(!chooseVariant(typed));
      }}
      data-testid="variant-code"
    >
      <label>
        <span>{current ? tf('exercise.variantCurrent', { code: current }) : t('exercise.variantAsk')}</span>
        <input
          value={typed}
          onChange={(e) => setTyped(e.target.value)}
          maxLength={16}
          spellCheck={false}
          autoCapitalize="characters"
          data-testid="variant-code-input"
        />
      </label>
      <button type="submit" data-testid="variant-code-open">
        {t('exercise.variantOpen')}
      </button>
      {wrong && (
        <p className="notice notice--error" role="alert" data-testid="variant-code-wrong">
          {t('exercise.variantWrong')}
        </p>
      )}
    </form>
  );
}

const PLACEHOLDERS: Record<FigureKind, UiKey> = {
  count: 'exercise.countPlaceholder',
  shape: 'exercise.shapePlaceholder',
  field: 'exercise.fieldPlaceholder',
};

/**
 * What an empty answer box says: the form of the answer, never an example value (an example can be the
 * answer: "e.g. 26 × 26 × 32" was conv2d's). A shape's box says whether it is an image or a list of values,
 * which the layer's type shows anyway.
 */
function placeholderFor(question: Question, analysis: Analysis): UiKey {
  if (question.figure === 'outputShape' && analysis.byId.get(question.nodeId)?.outputShape?.length === 1) {
    return 'exercise.flatShapePlaceholder';
  }
  return PLACEHOLDERS[FIGURE_KIND[question.figure]];
}

export function StudentSheet({ work, graph, analysis }: { work: StudentWork; graph: Graph; analysis: Analysis }) {
  const { t, tf } = useLang();
  const { exercise, answers, checking } = work;
  const { awaitsCode } = studentNetwork(exercise);
  const asked = useMemo(() => new Set(exercise.questions.map(questionKey)), [exercise.questions]);
  // Answers are checked (wrong ones analysed for their mistake) only once the student asks, not per keystroke before.
  const result = useMemo(
    () => (checking ? checkExercise(graph, analysis, exercise.questions, answers) : null),
    [checking, graph, analysis, exercise.questions, answers],
  );
  const verdicts = new Map(result?.verdicts.map((v) => [v.key, v]));
  const shown = (v: Verdict | undefined) => (v && v.status !== 'blank' && v.status !== 'undetermined' ? v : undefined);

  const answerBox = (question: Question, label: string, testId: string) => {
    const key = questionKey(question);
    const verdict = shown(verdicts.get(key));
    const state = verdict ? (verdict.status === 'right' ? 'right' : 'wrong') : 'open';
    return (
      <span className={`answer answer--${state}`}>
        <input
          value={answers[key] ?? ''}
          aria-label={label}
          placeholder={t(placeholderFor(question, analysis))}
          aria-invalid={state === 'wrong'}
          onChange={(e) => useExercise.getState().answer(key, e.target.value)}
          data-testid={testId}
          data-verdict={state}
          maxLength={200}
          spellCheck={false}
        />
        {state !== 'open' && (
          <span className="answer__mark" aria-label={t(state === 'right' ? 'exercise.right' : 'exercise.wrong')}>
            {state === 'right' ? '✓' : '✗'}
          </span>
        )}
      </span>
    );
  };

  const wrongOf = (keys: string[]) =>
    keys.map((k) => shown(verdicts.get(k))).filter((v): v is Verdict => v !== undefined && v.status !== 'right');

  return (
    <div className="exercise-sheet" data-testid="student-sheet">
      <header className="exercise-sheet__head">
        <h2 data-testid="exercise-heading">{exercise.title || t('exercise.untitled')}</h2>
        {exercise.instructions && <p className="exercise-sheet__instructions">{exercise.instructions}</p>}
        <p className="muted">{t('exercise.studentHint')}</p>
        {exercise.variants && <VariantCode current={exercise.variantCode} />}
      </header>
      {awaitsCode ? null : (
        <>
          <div className="table-scroll">
            <FigureTable
              graph={graph}
              analysis={analysis}
              figures={LAYER_FIGURES}
              testId="student-table"
              cell={(node, figure) => {
                const question = { figure, nodeId: node.id };
                if (asked.has(questionKey(question))) {
                  return answerBox(
                    question,
                    `${node.name} · ${t(`exercise.${figure}`)}`,
                    `answer-${node.name}-${figure}`,
                  );
                }
                const value = layerFigure(node, figure);
                return <span className="given">{value ? formatFigure(value) : '—'}</span>;
              }}
              after={(node) => {
                const wrong = wrongOf(LAYER_FIGURES.map((figure) => `${node.id}/${figure}`));
                return wrong.length > 0 ? <Feedback layer={node.name} verdicts={wrong} answers={answers} /> : null;
              }}
              total={
                asked.has('totalParams')
                  ? answerBox({ figure: 'totalParams' }, t('exercise.totalParams'), 'answer-totalParams')
                  : undefined
              }
              afterTotal={(() => {
                const wrong = wrongOf(['totalParams']);
                return wrong.length > 0 ? <Feedback layer={null} verdicts={wrong} answers={answers} /> : null;
              })()}
            />
          </div>
          <footer className="exercise-sheet__actions">
            {result && (
              <strong className="exercise-score" role="status" data-testid="exercise-score">
                {tf('exercise.score', { right: result.right, total: result.total })}
              </strong>
            )}
            <button
              type="button"
              className="primary"
              onClick={() => useExercise.getState().check()}
              data-testid="check-answers"
            >
              {t(checking ? 'exercise.checkAgain' : 'exercise.check')}
            </button>
          </footer>
        </>
      )}
    </div>
  );
}

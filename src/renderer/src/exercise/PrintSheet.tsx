/**
 * The worksheet or its answer key as it prints: in the language chosen for printing, blank boxes where
 * students write (or the answers with their arithmetic, for the key), the given figures filled in.
 * Invisible on screen, but in the teacher's preview (SheetPreview); the print stylesheet shows only this.
 */
import { createPortal } from 'react-dom';
import {
  analyse,
  answerExplanations,
  exerciseVariants,
  correctAnswer,
  formatFigure,
  layerFigure,
  orderedQuestions,
  questionKey,
  type Analysis,
  type Graph,
  type Lang,
  type LayerFigure,
  type Question,
  type VariantSettings,
} from '@core/index.ts';
import { LangProvider, useLang } from '../i18n/lang-context.tsx';
import { useExercise, type PrintKind } from '../state/exercise-store.ts';
import { FigureTable } from './FigureTable.tsx';
import { NetworkPicture } from './NetworkPicture.tsx';

export interface PrintableExercise {
  title: string;
  instructions: string;
  questions: Question[];
  variants: VariantSettings | null;
}

/** The sheets to lay out: one, or with variants one per variant, each with its code and its own network. */
function sheetsOf(graph: Graph, analysis: Analysis, exercise: PrintableExercise) {
  return exercise.variants
    ? exerciseVariants({ title: exercise.title, graph }, exercise.variants).map((v) => ({
        graph: v.graph,
        analysis: analyse(v.graph),
        variant: { n: v.number, code: v.code },
      }))
    : [{ graph, analysis, variant: null }];
}

export function PrintSheet({
  graph,
  analysis,
  exercise,
}: {
  graph: Graph;
  analysis: Analysis;
  exercise: PrintableExercise;
}) {
  const print = useExercise((s) => s.print);
  if (!print) return null;
  return createPortal(
    <LangProvider lang={print.lang}>
      <div className="print-sheets">
        {sheetsOf(graph, analysis, exercise).map((sheet, i) => (
          <SheetContent key={i} kind={print.kind} exercise={exercise} {...sheet} />
        ))}
      </div>
    </LangProvider>,
    document.body,
  );
}

/** The same sheets on screen, as paper, for the teacher to look at before printing (never a student's). */
export function SheetPreview({
  graph,
  analysis,
  exercise,
  kind,
  lang,
}: {
  graph: Graph;
  analysis: Analysis;
  exercise: PrintableExercise;
  kind: PrintKind;
  lang: Lang;
}) {
  return (
    <LangProvider lang={lang}>
      <div className="sheet-preview" data-testid="sheet-preview">
        {sheetsOf(graph, analysis, exercise).map((sheet, i) => (
          <SheetContent key={i} kind={kind} exercise={exercise} {...sheet} />
        ))}
      </div>
    </LangProvider>
  );
}

function SheetContent({
  kind,
  graph,
  analysis,
  exercise,
  variant,
}: {
  kind: PrintKind;
  graph: Graph;
  analysis: Analysis;
  exercise: PrintableExercise;
  variant: { n: number; code: string } | null;
}) {
  const { t, tf, lang } = useLang();
  const questions = orderedQuestions(analysis, exercise.questions);
  const asked = new Set(questions.map(questionKey));
  // The receptive field column only when something is asked of it, as most courses do not teach it.
  const figures: LayerFigure[] = questions.some((q) => q.figure === 'receptiveField')
    ? ['outputShape', 'params', 'receptiveField']
    : ['outputShape', 'params'];
  const answer = (question: Question) => {
    if (kind === 'worksheet') return <span className="print-blank" />;
    const value = correctAnswer(analysis, question);
    return (
      <span className="print-answer">
        <strong>{value ? formatFigure(value) : '?'}</strong>
        {answerExplanations(analysis, question).map((e, i) => (
          <code key={i}>{e.formula}</code>
        ))}
      </span>
    );
  };
  return (
    <div className="print-sheet" lang={lang} data-print-kind={kind} data-testid="print-sheet">
      <header className="print-sheet__head">
        <h1>
          {exercise.title || t('exercise.untitled')}
          {kind === 'answerKey' && <span className="print-sheet__key"> — {t('print.answerKey')}</span>}
        </h1>
        {variant && (
          <p className="print-sheet__variant" data-testid="print-variant">
            {tf('print.variant', variant)}
          </p>
        )}
        {kind === 'worksheet' && (
          <p className="print-sheet__student">
            <span>{t('print.name')}</span>
            <span className="print-line" />
            <span>{t('print.date')}</span>
            <span className="print-line print-line--short" />
          </p>
        )}
        {exercise.instructions && <p className="print-sheet__instructions">{exercise.instructions}</p>}
        <p className="print-sheet__how">
          {t('print.how')}
          {graph.nodes.some((n) => n.type === 'BatchNormalization') && <> {t('print.howBatchNorm')}</>}
        </p>
      </header>
      <FigureTable
        graph={graph}
        analysis={analysis}
        figures={figures}
        cell={(node, figure) => {
          const question = { figure, nodeId: node.id };
          if (asked.has(questionKey(question))) return answer(question);
          const value = layerFigure(node, figure);
          return value ? formatFigure(value) : '—';
        }}
        total={asked.has('totalParams') ? answer({ figure: 'totalParams' }) : undefined}
      />
      <figure className="print-sheet__picture">
        <figcaption>{t('print.pictureTitle')}</figcaption>
        <NetworkPicture graph={graph} />
      </figure>
      <footer className="print-sheet__foot">{t('print.footer')}</footer>
    </div>
  );
}

/**
 * The teacher's side: every figure of the open network with a box to tick for "students work this out",
 * a title and instructions, and the buttons that save the exercise file and print its worksheet and answer key.
 */
import { useState } from 'react';
import {
  LAYER_FIGURES,
  LANGUAGES,
  askEveryLayer,
  canAsk,
  formatInt,
  layerFigure,
  formatFigure,
  orderedQuestions,
  questionKey,
  type Analysis,
  type Graph,
  type Lang,
  type LayerFigure,
  type Question,
} from '@core/index.ts';
import { useLang } from '../i18n/lang-context.tsx';
import { changeDraft, toggleAsked, useDraft } from './exercise-draft.ts';
import { FIGURE_TITLES, FigureTable } from './FigureTable.tsx';
import { printSheet, saveExerciseFile, type PrintOutcome } from './exercise-actions.ts';
import { LANG_NAMES } from '../i18n/lang-names.ts';
import { VariantsField } from './VariantsField.tsx';
import { Modal } from '../components/Modal.tsx';
import { SheetPreview } from './PrintSheet.tsx';
import type { PrintKind } from '../state/exercise-store.ts';

type Status = { kind: 'savedFile'; path: string } | PrintOutcome | null;

export function TeacherSheet({ graph, analysis }: { graph: Graph; analysis: Analysis }) {
  const { t, tf, lang } = useLang();
  const draft = useDraft();
  const [printLang, setPrintLang] = useState<Lang>(lang);
  const [status, setStatus] = useState<Status>(null);
  const [preview, setPreview] = useState<PrintKind | null>(null);
  const asked = new Set(orderedQuestions(analysis, draft.questions).map(questionKey));
  const count = asked.size;

  const askAll = (figure: LayerFigure) => {
    // "Ask all" parameters asks the course's key figure too: the network's total.
    const all: Question[] = [
      ...askEveryLayer(analysis, figure),
      ...(figure === 'params' ? [{ figure: 'totalParams' } as const] : []),
    ];
    const allAsked = all.every((q) => asked.has(questionKey(q)));
    const figures = new Set(all.map((q) => q.figure));
    const others = draft.questions.filter((q) => !figures.has(q.figure));
    changeDraft({ questions: allAsked ? others : [...others, ...all] });
  };

  return (
    <div className="exercise-sheet" data-testid="teacher-sheet">
      <header className="exercise-sheet__head">
        <h2>{t('exercise.teacherTitle')}</h2>
        <p className="muted">{t('exercise.teacherHint')}</p>
      </header>
      <div className="exercise-sheet__fields">
        <label>
          <span>{t('exercise.title')}</span>
          <input
            value={draft.title}
            maxLength={200}
            placeholder={t('exercise.titlePlaceholder')}
            onChange={(e) => changeDraft({ title: e.target.value })}
            data-testid="exercise-title"
          />
        </label>
        <label>
          <span>{t('exercise.instructions')}</span>
          <textarea
            value={draft.instructions}
            maxLength={5000}
            rows={2}
            placeholder={t('exercise.instructionsPlaceholder')}
            onChange={(e) => changeDraft({ instructions: e.target.value })}
            data-testid="exercise-instructions"
          />
        </label>
      </div>
      <VariantsField graph={graph} />
      <div className="table-scroll">
        <FigureTable
          graph={graph}
          analysis={analysis}
          figures={LAYER_FIGURES}
          testId="teacher-table"
          heading={(figure) => (
            <button
              type="button"
              className="small link"
              onClick={() => askAll(figure)}
              data-testid={`ask-all-${figure}`}
            >
              {t('exercise.askAll')}
            </button>
          )}
          cell={(node, figure) => {
            const value = layerFigure(node, figure);
            if (!value) return <span className="muted">—</span>;
            const question = { figure, nodeId: node.id };
            const on = asked.has(questionKey(question));
            return (
              <label className={`ask${on ? ' ask--on' : ''}`} title={t(FIGURE_TITLES[figure])}>
                <input
                  type="checkbox"
                  checked={on}
                  disabled={!canAsk(node, figure)}
                  onChange={() => toggleAsked(question)}
                  data-testid={`ask-${node.name}-${figure}`}
                />
                <span className="ask__value">{formatFigure(value)}</span>
              </label>
            );
          }}
          total={
            <label className={`ask${asked.has('totalParams') ? ' ask--on' : ''}`}>
              <input
                type="checkbox"
                checked={asked.has('totalParams')}
                disabled={!analysis.totals.complete}
                onChange={() => toggleAsked({ figure: 'totalParams' })}
                data-testid="ask-totalParams"
              />
              <span className="ask__value">{formatInt(analysis.totals.total)}</span>
            </label>
          }
        />
      </div>
      <footer className="exercise-sheet__actions">
        <span className="muted" data-testid="question-count">
          {tf('exercise.questionCount', { count })}
        </span>
        <button
          type="button"
          className="primary"
          disabled={count === 0}
          onClick={async () => {
            const path = await saveExerciseFile(graph, analysis);
            if (path) setStatus({ kind: 'savedFile', path });
          }}
          data-testid="save-exercise"
        >
          {t('exercise.saveFile')}
        </button>
        <span className="exercise-sheet__print">
          <label>
            <span>{t('exercise.printLanguage')}</span>
            <select value={printLang} onChange={(e) => setPrintLang(e.target.value as Lang)} data-testid="print-lang">
              {LANGUAGES.map((l) => (
                <option key={l} value={l}>
                  {LANG_NAMES[l]}
                </option>
              ))}
            </select>
          </label>
          <button
            type="button"
            disabled={count === 0}
            onClick={async () => setStatus(await printSheet('worksheet', printLang))}
            data-testid="print-worksheet"
          >
            {t('exercise.printWorksheet')}
          </button>
          <button
            type="button"
            disabled={count === 0}
            onClick={async () => setStatus(await printSheet('answerKey', printLang))}
            data-testid="print-answer-key"
          >
            {t('exercise.printAnswerKey')}
          </button>
          <button
            type="button"
            disabled={count === 0}
            onClick={() => setPreview('worksheet')}
            data-testid="preview-sheets"
          >
            {t('exercise.preview')}
          </button>
        </span>
      </footer>
      {preview && (
        <Modal title={t('exercise.previewTitle')} onCancel={() => setPreview(null)} testId="preview-dialog" wide>
          <div className="sheet-preview__tabs" role="tablist">
            {(['worksheet', 'answerKey'] as const).map((kind) => (
              <button
                key={kind}
                type="button"
                role="tab"
                aria-selected={preview === kind}
                onClick={() => setPreview(kind)}
                data-testid={`preview-${kind}`}
              >
                {t(kind === 'worksheet' ? 'exercise.previewWorksheet' : 'exercise.previewAnswerKey')}
              </button>
            ))}
          </div>
          <SheetPreview graph={graph} analysis={analysis} exercise={draft} kind={preview} lang={printLang} />
          <div className="modal__actions">
            <button type="button" onClick={() => setPreview(null)} data-testid="preview-close">
              {t('exercise.previewClose')}
            </button>
          </div>
        </Modal>
      )}
      {status && status.kind !== 'cancelled' && status.kind !== 'failed' && (
        <p className="exercise-sheet__status" role="status" data-testid="exercise-status">
          {status.kind === 'printed' ? t('exercise.printed') : tf('exercise.savedTo', { path: status.path })}
        </p>
      )}
    </div>
  );
}

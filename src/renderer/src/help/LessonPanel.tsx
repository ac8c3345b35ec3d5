/**
 * A built-in lesson beside the canvas: what it is about, its tasks ticked off as the person's own network,
 * training settings and runs meet them (core's lessonProgress, on every edit; a task once met stays ticked),
 * and the next lesson at the end.
 */
import { useMemo, useState } from 'react';
import { LESSONS, findLesson, lessonProgress, type Analysis } from '@core/index.ts';
import { useLang } from '../i18n/lang-context.tsx';
import { useEditor } from '../state/editor-store.ts';
import { useUi } from '../state/ui-store.ts';
import { leaveLesson, startLesson } from './help-actions.ts';

export function LessonPanel({ analysis }: { analysis: Analysis }) {
  const { t, tf, lang } = useLang();
  const id = useUi((s) => s.lesson);
  const graph = useEditor((s) => s.history.present.graph);
  const settings = useEditor((s) => s.settings);
  const lesson = id ? findLesson(id) : undefined;
  const now = useMemo(
    () => (lesson ? lessonProgress(lesson, { graph, analysis, training: settings.training, runs: settings.runs }) : []),
    [lesson, graph, analysis, settings.training, settings.runs],
  );
  // A task once met stays ticked for the lesson: the next task may well undo what the last one asked.
  const [met, setMet] = useState<{ lesson: string | null; tasks: boolean[] }>({ lesson: null, tasks: [] });
  const done = now.map((d, i) => d || (met.lesson === id && met.tasks[i] === true));
  const key = done.join();
  // Remembered as React keeps what a render learned for the next: set while rendering, when it changed.
  if (met.lesson !== id || met.tasks.join() !== key) setMet({ lesson: id, tasks: done });
  if (!lesson) return null;
  const count = done.filter(Boolean).length;
  const finished = count === done.length;
  const next = LESSONS[LESSONS.indexOf(lesson) + 1];
  return (
    <section
      className={`panel tour lesson${finished ? ' tour--done' : ''}`}
      aria-labelledby="lesson-title"
      data-testid="lesson"
      data-done={count}
    >
      <div className="panel__head">
        <h2 id="lesson-title">{lesson.title[lang]}</h2>
        <button type="button" className="small" onClick={leaveLesson} data-testid="lesson-leave">
          {t(finished ? 'tour.close' : 'tour.leave')}
        </button>
      </div>
      <p className="small">{lesson.intro[lang]}</p>
      <progress value={count} max={done.length} aria-label={tf('tour.progress', { done: count, total: done.length })} />
      <ol className="lesson__tasks">
        {lesson.tasks.map((task, i) => (
          <li
            key={task.id}
            className={done[i] ? 'lesson__task lesson__task--done' : 'lesson__task'}
            data-testid={`lesson-task-${task.id}`}
            data-done={done[i] ? 'true' : 'false'}
          >
            <span aria-hidden="true">{done[i] ? '✓' : '○'}</span> {task.say[lang]}
            <span className="visually-hidden">{done[i] ? t('lesson.taskDone') : t('lesson.taskOpen')}</span>
          </li>
        ))}
      </ol>
      {finished && (
        <p role="status" data-testid="lesson-finished">
          {t('lesson.finished')}{' '}
          {next && (
            <button
              type="button"
              className="primary small"
              onClick={() => void startLesson(next.id, lang)}
              data-testid="lesson-next"
            >
              {tf('lesson.next', { title: next.title[lang] })}
            </button>
          )}
        </p>
      )}
    </section>
  );
}

/** What the welcome, the tour and the Help dialog do. */
import { findLesson, makeProject, type Lang } from '@core/index.ts';
import { confirmDiscard, newDocument, openDocument, openWithDialog } from '../files/file-actions.ts';
import { useEditor } from '../state/editor-store.ts';
import { storeWelcomeSeen } from '../state/preferences.ts';
import { useUi } from '../state/ui-store.ts';

function welcomed(): void {
  storeWelcomeSeen();
  useUi.getState().set({ welcome: false, helpOpen: false });
}

/** A new network (after asking about unsaved work) and the tour that builds the course's first CNN on it. */
export async function startTour(): Promise<void> {
  welcomed();
  await newDocument();
  // Unsaved work kept (Cancel): no new document, no tour.
  if (useEditor.getState().history.present.graph.nodes.length === 1)
    useUi.getState().set({ tour: true, view: 'design' });
}

/** A lesson's network as a new document (after asking about unsaved work), and the lesson beside it. */
export async function startLesson(id: string, lang: Lang): Promise<void> {
  const lesson = findLesson(id);
  if (!lesson) return;
  welcomed();
  if (!(await confirmDiscard())) return;
  openDocument(makeProject(lesson.build(), lesson.title.en), {
    filePath: null,
    title: lesson.title[lang],
    saved: true,
  });
  useUi.getState().set({ lesson: id, tour: false, view: 'design' });
}

export function leaveLesson(): void {
  useUi.getState().set({ lesson: null });
}

export function chooseTemplate(): void {
  welcomed();
  document.querySelector<HTMLSelectElement>('[data-testid="template-select"]')?.focus();
}

export function openFromWelcome(): void {
  welcomed();
  void openWithDialog();
}

export function notNow(): void {
  welcomed();
}

export function leaveTour(): void {
  useUi.getState().set({ tour: false });
}

/**
 * New, Open, Save and Save As as the person experiences them: a question before unsaved work is replaced,
 * the host's own dialogs where it has them (Electron) and the app's where it has not (browser host), and
 * every failure shown as a message while the open document stays as it was.
 */
import {
  EXERCISE_EXTENSION,
  blankProject,
  bytesToBase64,
  studentNetwork,
  type Exercise,
  type LoadResult,
  type Msg,
  type Project,
  type SaveResult,
} from '@core/index.ts';
import { api } from '../api/api.ts';
import { currentProject, selectDirty, useEditor, type LoadOptions } from '../state/editor-store.ts';
import { selectUnsavedAnswers, useExercise } from '../state/exercise-store.ts';
import { showRun } from '../state/training-store.ts';
import { useUi, type UnsavedChoice } from '../state/ui-store.ts';

/** The hidden <input type=file> the browser host opens files with. */
export const OPEN_INPUT_ID = 'open-input';

export function baseName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

function showError(kind: 'openError' | 'saveError', messages: Msg[]): void {
  useUi.getState().set({ banner: { kind, messages } });
}

async function refreshRecent(): Promise<void> {
  const recent = await api['recent.list']({});
  if (recent.ok) useUi.getState().set({ recent: recent.value });
}

/**
 * Makes a project the open document. An exercise opens its network read-only, for a student to work on
 * (`saved` then speaks of the answers: the network cannot change); anything else ends the exercise that
 * was open (a project brings the exercise its teacher was making, if any).
 */
export function openDocument(project: Project, options: LoadOptions, exercise?: Exercise): void {
  const wasStudent = useExercise.getState().student !== null;
  const loadOptions = exercise ? { ...options, saved: true, readOnly: true } : { ...options, readOnly: false };
  // A student who typed their variant's code before works on that variant again.
  const shown = exercise ? { ...project, graph: studentNetwork(exercise).graph } : project;
  if (!useEditor.getState().load(shown, loadOptions)) return;
  // A lesson's tasks are about its own network: another document ends it (a lesson sets it again after).
  useUi.getState().set({ lesson: null });
  if (exercise) {
    useExercise.getState().startStudent(exercise, options.filePath, options.title, options.saved);
    useUi.getState().set({ view: 'exercise' });
  } else {
    useExercise.getState().reset();
    if (wasStudent) useUi.getState().set({ view: 'design' });
  }
}

/**
 * Takes a read file as the document, or says why it cannot; the open document is untouched on failure.
 * `notices`: what the host says of a file that opened (its trained weights came with it, or why not).
 * A trained model's imported weights are the run the Train view shows.
 */
export function accept(result: LoadResult, path: string | null, name: string, notices: Msg[] = []): boolean {
  if (!result.ok) {
    showError('openError', result.errors);
    return false;
  }
  const isFile = result.kind === 'project' || result.kind === 'exercise';
  const options = { filePath: isFile ? path : null, title: baseName(name), saved: true };
  openDocument(result.project, options, result.kind === 'exercise' ? result.exercise : undefined);
  const imported = result.project.runs.findLast((r) => r.imported !== null);
  if (imported && !isFile) showRun(imported.id);
  useUi.getState().set({ banner: notices.length > 0 ? { kind: 'openNotice', messages: notices } : null });
  void refreshRecent();
  return true;
}

/**
 * Resolves true when it is fine to replace the document: nothing unsaved, saved now, or discarded. Never
 * while the network trains: the lock asks to stop the run first.
 */
export async function confirmDiscard(): Promise<boolean> {
  const { lock } = useEditor.getState();
  if (lock) {
    lock();
    return false;
  }
  if (!selectDirty(useEditor.getState()) && !selectUnsavedAnswers(useExercise.getState())) return true;
  const choice = await new Promise<UnsavedChoice>((answer) => useUi.getState().set({ unsavedPrompt: { answer } }));
  useUi.getState().set({ unsavedPrompt: null });
  if (choice === 'save') return save();
  return choice === 'discard';
}

export async function newDocument(): Promise<void> {
  if (!(await confirmDiscard())) return;
  openDocument(blankProject(), { filePath: null, title: '', saved: true });
  await api['autosave.clear']({});
}

export async function openWithDialog(): Promise<void> {
  if (!(await confirmDiscard())) return;
  if (useUi.getState().info?.nativeDialogs) {
    const opened = await api['project.openDialog']({});
    if (!opened.ok) return showError('openError', opened.error.messages);
    if (opened.value) accept(opened.value.result, opened.value.path, opened.value.path, opened.value.notices);
    return;
  }
  document.getElementById(OPEN_INPUT_ID)?.click();
}

/**
 * Files picked in the browser or dropped on the window: a project, an exercise or a model file, or a
 * trained model with its weights files (model.json, its .bin files and metadata.json picked together).
 */
export async function openFiles(files: readonly File[], askFirst = true): Promise<void> {
  if (files.length === 0 || (askFirst && !(await confirmDiscard()))) return;
  const uploads = await Promise.all(
    files.map(async (file) => ({ name: file.name, base64: bytesToBase64(new Uint8Array(await file.arrayBuffer())) })),
  );
  const opened = await api['project.openFiles']({ files: uploads });
  if (!opened.ok) return showError('openError', opened.error.messages);
  accept(opened.value.result, null, opened.value.path, opened.value.notices);
}

/** One of the trained networks that ship with ConvStudio, with its weights (the template list's trained group). */
export async function openPretrained(id: string, title: string): Promise<void> {
  if (!(await confirmDiscard())) return;
  const opened = await api['project.openPretrained']({ id });
  if (!opened.ok) return showError('openError', opened.error.messages);
  accept(opened.value.result, null, title, opened.value.notices);
}

export async function openPath(path: string): Promise<void> {
  if (!(await confirmDiscard())) return;
  const opened = await api['project.openPath']({ path });
  if (!opened.ok) return showError('openError', opened.error.messages);
  accept(opened.value.result, opened.value.path, opened.value.path, opened.value.notices);
}

/** Save: a student's answers go into their exercise file; anything else is the project. */
export async function save(): Promise<boolean> {
  const student = useExercise.getState().student;
  if (student) return student.filePath ? saveAnswers(student.filePath) : saveAs();
  const path = useEditor.getState().filePath;
  return path ? saveTo(path) : saveAs();
}

export async function saveAs(): Promise<boolean> {
  const student = useExercise.getState().student;
  const name = student ? student.fileName : useEditor.getState().title;
  const path = await askSavePath(`${stem(name) || 'network'}${student ? EXERCISE_EXTENSION : '.convstudio.json'}`);
  if (!path) return false;
  return student ? saveAnswers(path) : saveTo(path);
}

/** 'net.exercise.convstudio.json' → 'net'. */
export function stem(name: string): string {
  return name.replace(/(\.exercise)?\.convstudio\.json$|\.json$/i, '');
}

/** Where to save a file: the host's Save dialog where it has one, the app's own path prompt where not. */
export async function askSavePath(suggestedName: string): Promise<string | null> {
  const { info } = useUi.getState();
  if (info?.nativeDialogs) {
    const chosen = await api['project.saveDialog']({ suggestedName });
    if (!chosen.ok) {
      showError('saveError', chosen.error.messages);
      return null;
    }
    return chosen.value;
  }
  const folder = info?.projectsFolder ?? '';
  const suggestedPath = folder ? `${folder.replace(/[\\/]$/, '')}/${suggestedName}` : suggestedName;
  const path = await new Promise<string | null>((answer) =>
    useUi.getState().set({ saveAsPrompt: { suggestedPath, answer } }),
  );
  useUi.getState().set({ saveAsPrompt: null });
  return path;
}

/**
 * Saves through `save`; where that path holds a file that is not ConvStudio's, asks whether to replace it and,
 * if so, saves again with `overwrite`. Failures come back as a SaveResult, never thrown.
 */
async function saveAsking(save: (overwrite: boolean) => ReturnType<(typeof api)['project.save']>): Promise<SaveResult> {
  const first = await save(false);
  const result: SaveResult = first.ok ? first.value : { ok: false, errors: first.error.messages };
  if (result.ok || !result.notOurs) return result;
  const path = result.notOurs;
  const replace = await new Promise<boolean>((answer) => useUi.getState().set({ replacePrompt: { path, answer } }));
  useUi.getState().set({ replacePrompt: null });
  if (!replace) return { ok: false, errors: [] };
  const again = await save(true);
  return again.ok ? again.value : { ok: false, errors: again.error.messages };
}

/** Writes an exercise file; its path, or null after showing why it could not be written. */
export async function writeExercise(path: string, exercise: Exercise): Promise<string | null> {
  const result = await saveAsking((overwrite) => api['exercise.save']({ path, exercise, overwrite }));
  if (!result.ok) {
    // Nothing to show when the person chose not to replace a file.
    if (result.errors.length === 0) return null;
    showError('saveError', result.errors);
    return null;
  }
  useUi.getState().set({ banner: null });
  void refreshRecent();
  return result.path;
}

async function saveAnswers(path: string): Promise<boolean> {
  const student = useExercise.getState().student;
  if (!student) return false;
  const answers = student.answers;
  const written = await writeExercise(path, { ...student.exercise, answers });
  if (!written) return false;
  if (useExercise.getState().student?.answers === answers) useExercise.getState().markSaved(written, baseName(written));
  useEditor.setState({ title: baseName(written) });
  await api['autosave.clear']({});
  return true;
}

async function saveTo(path: string): Promise<boolean> {
  // The project is named after its file: exported scripts and models are called so (mnist4_keras.py).
  const current = currentProject(useEditor.getState());
  const name = stem(baseName(path)) || current.meta.name;
  const project = { ...current, meta: { ...current.meta, name } };
  const result = await saveAsking((overwrite) => api['project.save']({ path, project, overwrite }));
  if (!result.ok) {
    if (result.errors.length === 0) return false;
    showError('saveError', result.errors);
    return false;
  }
  // Only mark saved if nothing changed while the file was being written.
  if (useEditor.getState().history.present.graph === project.graph) {
    useEditor.getState().markSaved(result.path, baseName(result.path));
  } else {
    useEditor.setState({ filePath: result.path, title: baseName(result.path) });
  }
  useEditor.setState((s) => ({ settings: { ...s.settings, meta: { ...s.settings.meta, name } } }));
  useUi.getState().set({ banner: null });
  await api['autosave.clear']({});
  void refreshRecent();
  return true;
}

export { refreshRecent };

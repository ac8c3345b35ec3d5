/**
 * New, Open, Save and Save As as the person experiences them: a question before unsaved work is replaced,
 * the host's own dialogs where it has them (Electron) and the app's where it has not (browser host), and
 * every failure shown as a message while the open document stays as it was.
 */
import { blankProject, type LoadResult, type Msg } from '@core/index.ts';
import { api } from '../api/api.ts';
import { currentProject, selectDirty, useEditor } from '../state/editor-store.ts';
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

/** Takes a read file as the document, or says why it cannot; the open document is untouched on failure. */
export function accept(result: LoadResult, path: string | null, name: string): boolean {
  if (!result.ok) {
    showError('openError', result.errors);
    return false;
  }
  const isProject = result.kind === 'project';
  useEditor.getState().load(result.project, {
    filePath: isProject ? path : null,
    title: baseName(name),
    saved: true,
  });
  useUi.getState().set({ banner: null });
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
  if (!selectDirty(useEditor.getState())) return true;
  const choice = await new Promise<UnsavedChoice>((answer) => useUi.getState().set({ unsavedPrompt: { answer } }));
  useUi.getState().set({ unsavedPrompt: null });
  if (choice === 'save') return save();
  return choice === 'discard';
}

export async function newDocument(): Promise<void> {
  if (!(await confirmDiscard())) return;
  useEditor.getState().load(blankProject(), { filePath: null, title: '', saved: true });
  await api['autosave.clear']({});
}

export async function openWithDialog(): Promise<void> {
  if (!(await confirmDiscard())) return;
  if (useUi.getState().info?.nativeDialogs) {
    const opened = await api['project.openDialog']({});
    if (!opened.ok) return showError('openError', opened.error.messages);
    if (opened.value) accept(opened.value.result, opened.value.path, opened.value.path);
    return;
  }
  document.getElementById(OPEN_INPUT_ID)?.click();
}

/** A file picked in the browser or dropped on the window. */
export async function openFile(file: File, askFirst = true): Promise<void> {
  if (askFirst && !(await confirmDiscard())) return;
  const result = await api['project.readText']({ fileName: file.name, text: await file.text() });
  if (!result.ok) return showError('openError', result.error.messages);
  accept(result.value, null, file.name);
}

export async function openPath(path: string): Promise<void> {
  if (!(await confirmDiscard())) return;
  const opened = await api['project.openPath']({ path });
  if (!opened.ok) return showError('openError', opened.error.messages);
  accept(opened.value.result, opened.value.path, opened.value.path);
}

export async function save(): Promise<boolean> {
  const path = useEditor.getState().filePath;
  return path ? saveTo(path) : saveAs();
}

export async function saveAs(): Promise<boolean> {
  const { info } = useUi.getState();
  const suggestedName = `${useEditor.getState().title.replace(/\.convstudio\.json$|\.json$/i, '') || 'network'}.convstudio.json`;
  let path: string | null;
  if (info?.nativeDialogs) {
    const chosen = await api['project.saveDialog']({ suggestedName });
    if (!chosen.ok) {
      showError('saveError', chosen.error.messages);
      return false;
    }
    path = chosen.value;
  } else {
    const folder = info?.projectsFolder ?? '';
    const suggestedPath = folder ? `${folder.replace(/[\\/]$/, '')}/${suggestedName}` : suggestedName;
    path = await new Promise<string | null>((answer) =>
      useUi.getState().set({ saveAsPrompt: { suggestedPath, answer } }),
    );
    useUi.getState().set({ saveAsPrompt: null });
  }
  return path ? saveTo(path) : false;
}

async function saveTo(path: string): Promise<boolean> {
  const project = currentProject(useEditor.getState());
  const saved = await api['project.save']({ path, project });
  const result = saved.ok ? saved.value : { ok: false as const, errors: saved.error.messages };
  if (!result.ok) {
    showError('saveError', result.errors);
    return false;
  }
  // Only mark saved if nothing changed while the file was being written.
  if (useEditor.getState().history.present.graph === project.graph) {
    useEditor.getState().markSaved(result.path, baseName(result.path));
  } else {
    useEditor.setState({ filePath: result.path, title: baseName(result.path) });
  }
  useUi.getState().set({ banner: null });
  await api['autosave.clear']({});
  void refreshRecent();
  return true;
}

export { refreshRecent };

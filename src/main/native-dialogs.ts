/** The operating system's Open and Save dialogs, and the question before closing over unsaved work. */
import type { BrowserWindow, Dialog } from 'electron';
import type { FileDialogs } from '../services/api-handlers.ts';

const FILTERS = [
  { name: 'ConvStudio project, Keras or TensorFlow.js model', extensions: ['json'] },
  { name: 'All files', extensions: ['*'] },
];

export function fileDialogs(dialog: Dialog, window: BrowserWindow, projectsDir: () => string): FileDialogs {
  return {
    async open() {
      const result = await dialog.showOpenDialog(window, {
        properties: ['openFile'],
        filters: FILTERS,
        defaultPath: projectsDir(),
      });
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    async save(suggestedName) {
      const result = await dialog.showSaveDialog(window, {
        defaultPath: `${projectsDir()}/${suggestedName}`,
        filters: [{ name: 'ConvStudio project', extensions: ['json'] }],
      });
      return result.canceled ? null : (result.filePath ?? null);
    },
    async folder() {
      const result = await dialog.showOpenDialog(window, { properties: ['openDirectory'] });
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
  };
}

/**
 * The page refuses to unload while it has unsaved work (beforeunload); Electron then asks here. English and
 * Chinese together, since the question comes from the main process, which does not know the page's language.
 */
export function guardUnsavedWork(dialog: Dialog, window: BrowserWindow): void {
  window.webContents.on('will-prevent-unload', (event) => {
    const choice = dialog.showMessageBoxSync(window, {
      type: 'question',
      buttons: ['Close without saving · 不儲存並關閉', 'Keep working · 繼續編輯'],
      defaultId: 1,
      cancelId: 1,
      title: 'ConvStudio',
      message: 'You have unsaved changes. · 您有尚未儲存的變更。',
      detail: 'Closing now loses them. · 現在關閉會失去這些變更。',
    });
    if (choice === 0) event.preventDefault();
  });
}

/** The operating system's Open and Save dialogs, and the question before closing over unsaved work. */
import type { BrowserWindow, Dialog } from 'electron';
import type { FileDialogs } from '../services/api-handlers.ts';

const FILTERS = [
  { name: 'ConvStudio project or exercise, Keras or TensorFlow.js model', extensions: ['json'] },
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
    async save(suggestedName, kind = 'json') {
      const result = await dialog.showSaveDialog(window, {
        defaultPath: `${projectsDir()}/${suggestedName}`,
        filters: [
          kind === 'pdf' ? { name: 'PDF', extensions: ['pdf'] } : { name: 'ConvStudio file', extensions: ['json'] },
        ],
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
 * The question before the window closes over something the page would lose: a run in progress (closing
 * stops it; the trainer process never outlives the app) or unsaved changes. Bilingual, as the page's
 * language is not known here.
 */
export function guardUnsavedWork(dialog: Dialog, window: BrowserWindow, training: () => boolean): void {
  window.webContents.on('will-prevent-unload', (event) => {
    const question = training()
      ? {
          buttons: ['Stop training and close · 停止訓練並關閉', 'Keep training · 繼續訓練'],
          message: 'The network is still training. · 網路還在訓練中。',
          detail:
            'Closing stops the run; what it has learned so far is not kept, and unsaved changes are lost. · 關閉會停止訓練，目前學到的不會保留，尚未儲存的變更也會遺失。',
        }
      : {
          buttons: ['Close without saving · 不儲存並關閉', 'Keep working · 繼續編輯'],
          message: 'You have unsaved changes. · 您有尚未儲存的變更。',
          detail: 'Closing now loses them. · 現在關閉會失去這些變更。',
        };
    const choice = dialog.showMessageBoxSync(window, {
      type: 'question',
      defaultId: 1,
      cancelId: 1,
      title: 'ConvStudio',
      ...question,
    });
    if (choice === 0) event.preventDefault();
  });
}

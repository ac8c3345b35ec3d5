/**
 * Electron main: one hardened window, the typed API over IPC, native file dialogs, a question before
 * closing over unsaved work.
 */
import { app, dialog, ipcMain, session } from 'electron';
import { join } from 'node:path';
import { CONTENT_SECURITY_POLICY } from '../core/security/content-security-policy.ts';
import { EVENT_CHANNEL, langFromLocale } from '../core/index.ts';
import { createApiHandlers } from '../services/api-handlers.ts';
import { defaultProjectsDir } from '../services/app-data.ts';
import { systemLang } from '../services/system-lang.ts';
import { TrainingService } from '../services/training-service.ts';
import { registerAppScheme, serveApp } from './app-protocol.ts';
import { registerApi } from './ipc-api.ts';
import { createMainWindow, RENDERER_FOLDER } from './main-window.ts';
import { fileDialogs, guardUnsavedWork } from './native-dialogs.ts';
import { utilityTrainer } from './utility-trainer.ts';

function initialFileFromArgs(argv: string[]): string | null {
  const args = argv.slice(app.isPackaged ? 1 : 2).filter((a) => !a.startsWith('-') && a !== '.');
  return args.length > 0 ? args[args.length - 1]! : null;
}

app.enableSandbox();
registerAppScheme();

void app.whenReady().then(() => {
  serveApp(RENDERER_FOLDER);
  // The app needs no permission (camera, notifications, clipboard-read…): asked or merely checked, the answer is no.
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] },
    });
  });
  const window = createMainWindow(join(import.meta.dirname, '../preload/index.cjs'));
  const training = new TrainingService({
    dataDir: app.getPath('userData'),
    launch: utilityTrainer,
    emit: (event) => {
      if (!window.isDestroyed()) window.webContents.send(EVENT_CHANNEL, event);
    },
  });
  app.on('will-quit', () => void training.shutdown());
  const handlers = createApiHandlers({
    host: 'electron',
    version: app.getVersion(),
    systemLang: process.env.LANG ? systemLang() : langFromLocale(app.getLocale()),
    initialFile: initialFileFromArgs(process.argv),
    dataDir: app.getPath('userData'),
    projectsFolder: process.env.CONVSTUDIO_PROJECTS_DIR ?? join(app.getPath('documents'), 'ConvStudio'),
    dialogs: fileDialogs(dialog, window, () => defaultProjectsDir()),
    printPdf: () => window.webContents.printToPDF({ pageSize: 'A4', printBackground: true }),
    training,
  });
  registerApi(ipcMain, handlers, window);
  guardUnsavedWork(dialog, window, () => training.running);
});

app.on('window-all-closed', () => app.quit());

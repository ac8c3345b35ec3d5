/**
 * Electron main: one hardened window, the typed API over IPC, the file given on the command line.
 */
import { app, ipcMain, session } from 'electron';
import { join } from 'node:path';
import { createApiHandlers } from '../services/api-handlers.ts';
import { systemLang } from '../services/system-lang.ts';
import { langFromLocale } from '../core/index.ts';
import { registerApi } from './ipc-api.ts';
import { createMainWindow } from './main-window.ts';
import { CONTENT_SECURITY_POLICY } from '../core/security/content-security-policy.ts';

function initialFileFromArgs(argv: string[]): string | null {
  const args = argv.slice(app.isPackaged ? 1 : 2).filter((a) => !a.startsWith('-'));
  return args.length > 0 ? args[args.length - 1]! : null;
}

app.enableSandbox();

void app.whenReady().then(() => {
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: {
        ...details.responseHeaders,
        'Content-Security-Policy': [CONTENT_SECURITY_POLICY],
      },
    });
  });
  const handlers = createApiHandlers({
    host: 'electron',
    version: app.getVersion(),
    systemLang: process.env.LANG ? systemLang() : langFromLocale(app.getLocale()),
    initialFile: initialFileFromArgs(process.argv),
  });
  const window = createMainWindow(join(import.meta.dirname, '../preload/index.cjs'));
  registerApi(ipcMain, handlers, window);
});

app.on('window-all-closed', () => app.quit());

/**
 * The main window, hardened: context isolation, sandbox, no Node in the page, no navigation away from the
 * app, no new windows, no webviews.
 */
import { BrowserWindow, shell } from 'electron';
import { join } from 'node:path';
import { isHelpLink } from '../core/security/external-links.ts';
import { APP_INDEX, isAppUrl } from './app-url.ts';

/** The built renderer's folder, which app:// serves (app-protocol.ts). */
export const RENDERER_FOLDER = join(import.meta.dirname, '../renderer');

/** The address the renderer is loaded from: the dev server, or the built index.html over app://. */
export function rendererUrl(): string {
  return process.env.ELECTRON_RENDERER_URL || APP_INDEX;
}

export function createMainWindow(preload: string): BrowserWindow {
  const window = new BrowserWindow({
    width: 1360,
    height: 860,
    minWidth: 900,
    minHeight: 600,
    title: 'ConvStudio',
    backgroundColor: '#f7f8fa',
    show: false,
    webPreferences: {
      preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      // A middle click on a link would open it in a new window: there is nothing to open.
      disableBlinkFeatures: 'Auxclick',
    },
  });
  window.once('ready-to-show', () => window.show());
  window.webContents.setWindowOpenHandler(({ url }) => {
    // Only ConvStudio's own help links leave the app, in the system's browser; nothing opens inside it.
    if (isHelpLink(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  const stayInApp = (event: { preventDefault(): void }, url: string) => {
    if (!isAppUrl(url, rendererUrl())) event.preventDefault();
  };
  window.webContents.on('will-navigate', (event, url) => stayInApp(event, url));
  window.webContents.on('will-redirect', (event, url) => stayInApp(event, url));
  // Frames too (the app has none; an injected one must not navigate either).
  window.webContents.on('will-frame-navigate', (event) => stayInApp(event, event.url));
  window.webContents.on('will-attach-webview', (event) => event.preventDefault());
  void window.loadURL(rendererUrl());
  return window;
}

/** The API over IPC: one channel, senders checked, every payload validated by dispatch(). */
import type { BrowserWindow, IpcMain } from 'electron';
import { IPC_CHANNEL, dispatch, msg, type ApiHandlers, type ApiResult } from '../core/index.ts';
import { isAppUrl } from './app-url.ts';
import { rendererUrl } from './main-window.ts';

export function registerApi(ipc: IpcMain, handlers: ApiHandlers, window: BrowserWindow): void {
  ipc.handle(IPC_CHANNEL, async (event, method: unknown, params: unknown): Promise<ApiResult<unknown>> => {
    const frame = event.senderFrame;
    if (event.sender !== window.webContents || !frame || !isAppUrl(frame.url, rendererUrl())) {
      return {
        ok: false,
        error: {
          code: 'forbidden',
          messages: [msg('api.forbidden')],
        },
      };
    }
    return dispatch(handlers, method, params, (error) => console.error('[api]', error));
  });
}

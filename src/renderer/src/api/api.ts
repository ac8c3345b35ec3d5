/** The API for this page: Electron's preload object, or the browser host's WebSocket. */
import type { Api, SubscribeEvents } from '@core/index.ts';
import { createWsApi } from './ws-client.ts';

declare global {
  interface Window {
    convstudio?: Api;
    convstudioEvents?: SubscribeEvents;
    convstudioFiles?: { pathFor(file: File): string };
  }
}

function tokenFromLocation(): string {
  const params = new URLSearchParams(location.hash.slice(1));
  const token = params.get('token');
  if (token) sessionStorage.setItem('convstudio.token', token);
  return token ?? sessionStorage.getItem('convstudio.token') ?? '';
}

const host = window.convstudio
  ? { api: window.convstudio, subscribe: window.convstudioEvents! }
  : createWsApi(tokenFromLocation());

export const api: Api = host.api;
/** Events the host pushes (training progress); returns the unsubscribe function. */
export const subscribeToHost: SubscribeEvents = host.subscribe;

/** Where a dropped file or folder is on disk, in the desktop app; null in a browser, which never tells. */
export function droppedPath(file: File): string | null {
  return window.convstudioFiles?.pathFor(file) || null;
}

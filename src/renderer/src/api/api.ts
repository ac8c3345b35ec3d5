/** The API for this page: Electron's preload object, or the browser host's WebSocket. */
import type { Api } from '@core/index.ts';
import { createWsApi } from './ws-client.ts';

declare global {
  interface Window {
    convstudio?: Api;
  }
}

function tokenFromLocation(): string {
  const params = new URLSearchParams(location.hash.slice(1));
  const token = params.get('token');
  if (token) sessionStorage.setItem('convstudio.token', token);
  return token ?? sessionStorage.getItem('convstudio.token') ?? '';
}

export const api: Api = window.convstudio ?? createWsApi(tokenFromLocation());

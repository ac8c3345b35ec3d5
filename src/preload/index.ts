/** Exposes exactly the typed API to the page, and nothing else. */
import { contextBridge, ipcRenderer } from 'electron';
import { API_METHODS, IPC_CHANNEL, type Api } from '../core/api/api-schema.ts';

const api = Object.fromEntries(
  API_METHODS.map((method) => [method, (params: unknown) => ipcRenderer.invoke(IPC_CHANNEL, method, params)]),
) as Api;

contextBridge.exposeInMainWorld('convstudio', api satisfies Api);

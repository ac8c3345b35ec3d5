/** Exposes exactly the typed API to the page, and nothing else. */
import { contextBridge, ipcRenderer, webUtils } from 'electron';
import {
  API_METHODS,
  EVENT_CHANNEL,
  IPC_CHANNEL,
  type Api,
  type HostEvent,
  type SubscribeEvents,
} from '../core/api/api-schema.ts';

const api = Object.fromEntries(
  API_METHODS.map((method) => [method, (params: unknown) => ipcRenderer.invoke(IPC_CHANNEL, method, params)]),
) as Api;

const subscribe: SubscribeEvents = (listener) => {
  const relay = (_event: unknown, data: HostEvent) => listener(data);
  ipcRenderer.on(EVENT_CHANNEL, relay);
  return () => void ipcRenderer.removeListener(EVENT_CHANNEL, relay);
};

contextBridge.exposeInMainWorld('convstudio', api satisfies Api);
contextBridge.exposeInMainWorld('convstudioEvents', subscribe);
/** Where a dropped file or folder is on disk: the page alone cannot know (Electron removed File.path). */
contextBridge.exposeInMainWorld('convstudioFiles', { pathFor: (file: File) => webUtils.getPathForFile(file) });

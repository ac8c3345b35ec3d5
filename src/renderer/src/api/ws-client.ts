/**
 * The API over the browser host's WebSocket. The token comes from the page address's fragment
 * (#token=…), which the browser never sends to a server.
 */
import {
  API_METHODS,
  msg,
  type Api,
  type ApiResult,
  type HostEvent,
  type SubscribeEvents,
  type WsEvent,
  type WsResponse,
} from '@core/index.ts';

export function createWsApi(token: string): { api: Api; subscribe: SubscribeEvents } {
  const listeners = new Set<(event: HostEvent) => void>();
  let socket: Promise<WebSocket> | null = null;
  let nextId = 1;
  const pending = new Map<number, (result: ApiResult<unknown>) => void>();

  const disconnected = (): ApiResult<never> => ({
    ok: false,
    error: { code: 'internal', messages: [msg('api.disconnected')] },
  });

  function connect(): Promise<WebSocket> {
    socket ??= new Promise((resolve, reject) => {
      const ws = new WebSocket(`ws://${location.host}/api?token=${encodeURIComponent(token)}`);
      ws.onopen = () => resolve(ws);
      ws.onerror = () => reject(new Error('socket error'));
      ws.onclose = () => {
        socket = null;
        for (const settle of pending.values()) settle(disconnected());
        pending.clear();
      };
      ws.onmessage = (event) => {
        const message = JSON.parse(String(event.data)) as WsResponse | WsEvent;
        if ('event' in message) {
          for (const listener of listeners) listener(message.event);
          return;
        }
        pending.get(message.id)?.(message.result);
        pending.delete(message.id);
      };
    });
    return socket;
  }

  async function call(method: string, params: unknown): Promise<ApiResult<unknown>> {
    let ws: WebSocket;
    try {
      ws = await connect();
    } catch {
      socket = null;
      return disconnected();
    }
    const id = nextId++;
    return new Promise((resolve) => {
      pending.set(id, resolve);
      ws.send(JSON.stringify({ id, method, params }));
    });
  }

  return {
    api: Object.fromEntries(API_METHODS.map((m) => [m, (params: unknown) => call(m, params)])) as Api,
    subscribe: (listener) => {
      listeners.add(listener);
      // Events come over the socket: open it if no call has yet.
      void connect().catch(() => (socket = null));
      return () => void listeners.delete(listener);
    },
  };
}

/**
 * The browser host: serves the built renderer on 127.0.0.1 and offers the same API as Electron's IPC over
 * a WebSocket. Each launch has a random token, passed in the page's URL fragment (never sent in requests);
 * the socket checks it, the Origin and the Host, so other sites and other users' pages cannot call it.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import sirv from 'sirv';
import { WebSocketServer, type WebSocket } from 'ws';
import {
  MAX_TEXT_CHARS,
  MAX_UPLOAD_BASE64,
  dispatch,
  wsRequestSchema,
  type ApiHandlers,
  type HostEvent,
  type WsEvent,
  type WsResponse,
} from '../core/index.ts';
import { SECURITY_HEADERS } from './security-headers.ts';

export interface HostOptions {
  rendererDir: string;
  handlers: ApiHandlers;
  /** 0 picks a free port. */
  port?: number;
  /** Where unexpected handler failures are logged (never shown to the user as a stack). */
  log?: (error: unknown) => void;
}

export interface RunningHost {
  /** The address to open, token included. */
  url: string;
  port: number;
  token: string;
  /** Pushes an event to every open page. */
  broadcast(event: HostEvent): void;
  close(): Promise<void>;
}

const HOST = '127.0.0.1';

function sameSecret(given: string | null, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

export async function startHost(options: HostOptions): Promise<RunningHost> {
  const token = randomBytes(24).toString('base64url');
  const log = options.log ?? ((error: unknown) => console.error(error));
  const serveStatic = sirv(options.rendererDir, {
    dev: false,
    etag: true,
    setHeaders: (res) => {
      for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
    },
  });
  let allowedHosts = new Set<string>();

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    if (!allowedHosts.has(req.headers.host ?? '')) {
      res.writeHead(421, { 'Content-Type': 'text/plain' }).end('Misdirected request');
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    serveStatic(req, res, () => {
      res.writeHead(404, { 'Content-Type': 'text/plain', ...SECURITY_HEADERS }).end('Not found');
    });
  });

  const sockets = new WebSocketServer({
    noServer: true,
    // The largest request: files opened together (a model and its weights), or a file's text.
    maxPayload: Math.max(MAX_TEXT_CHARS * 2, MAX_UPLOAD_BASE64) + 1024 * 1024,
  });
  server.on('upgrade', (req, socket, head) => {
    // A client that goes away mid-handshake must not take the host with it (an unhandled 'error').
    socket.on('error', () => socket.destroy());
    const url = apiUrl(req.url);
    if (!url) {
      socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
      return;
    }
    const origin = req.headers.origin ?? '';
    const allowed =
      url.pathname === '/api' &&
      allowedHosts.has(req.headers.host ?? '') &&
      [...allowedHosts].some((h) => origin === `http://${h}`) &&
      sameSecret(url.searchParams.get('token'), token);
    if (!allowed) {
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      return;
    }
    try {
      sockets.handleUpgrade(req, socket, head, (ws) => serveApi(ws, options.handlers, log));
    } catch (error) {
      log(error);
      socket.destroy();
    }
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, HOST, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  allowedHosts = new Set([`${HOST}:${port}`, `localhost:${port}`]);
  return {
    url: `http://${HOST}:${port}/#token=${token}`,
    port,
    token,
    broadcast: (event) => {
      const message = JSON.stringify({ event } satisfies WsEvent);
      for (const client of sockets.clients) if (client.readyState === client.OPEN) client.send(message);
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of sockets.clients) client.terminate();
        sockets.close();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * The path and query of an upgrade request, or null when its target is not an origin-form path: `//`,
 * `//[/api`, `http://[` and `http://a:b/api` once made `new URL` throw and ended the host.
 */
function apiUrl(target: string | undefined): URL | null {
  if (!target || !target.startsWith('/') || target.startsWith('//')) return null;
  try {
    return new URL(target, `http://${HOST}`);
  } catch {
    return null;
  }
}

function serveApi(ws: WebSocket, handlers: ApiHandlers, log: (error: unknown) => void): void {
  // A malformed frame closes this socket; it must not end the host.
  ws.on('error', () => ws.terminate());
  ws.on('message', async (data) => {
    let request;
    try {
      request = wsRequestSchema.parse(JSON.parse(data.toString()));
    } catch {
      ws.close(1008, 'malformed request');
      return;
    }
    try {
      const result = await dispatch(handlers, request.method, request.params, log);
      const response: WsResponse = { id: request.id, result };
      if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(response));
    } catch (error) {
      log(error);
    }
  });
}

/** The browser host: static files with the security headers, and the API socket's locks. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startHost, type RunningHost } from '../../src/host/server.ts';
import { createApiHandlers } from '../../src/services/api-handlers.ts';
import { TrainingService } from '../../src/services/training-service.ts';

let host: RunningHost;
let origin: string;
const root = mkdtempSync(join(tmpdir(), 'convstudio-host-'));
const secretOutside = join(root, '..', 'secret.txt');

beforeAll(async () => {
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>ConvStudio</title>');
  writeFileSync(secretOutside, 'do not serve');
  const handlers = createApiHandlers({
    host: 'browser',
    version: '9.9.9',
    systemLang: 'en',
    initialFile: join(import.meta.dirname, '../fixtures/keras/keras-3-sequential.json'),
    dataDir: join(root, 'data'),
    projectsFolder: join(root, 'projects'),
    training: new TrainingService({ dataDir: join(root, 'data'), emit: () => {} }),
  });
  host = await startHost({ rendererDir: root, handlers, port: 0, log: () => {} });
  origin = `http://127.0.0.1:${host.port}`;
});

afterAll(() => host.close());

function connect(options: { token?: string; origin?: string; path?: string } = {}): Promise<WebSocket> {
  const path = options.path ?? '/api';
  const ws = new WebSocket(`ws://127.0.0.1:${host.port}${path}?token=${options.token ?? host.token}`, {
    origin: options.origin ?? origin,
  });
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
  });
}

function call(
  ws: WebSocket,
  id: number,
  method: string,
  params: unknown,
): Promise<{ id: number; result: { ok: boolean; value?: unknown; error?: { code: string } } }> {
  return new Promise((resolve) => {
    ws.once('message', (data) => resolve(JSON.parse(data.toString())));
    ws.send(JSON.stringify({ id, method, params }));
  });
}

describe('serving the app', () => {
  it('listens on 127.0.0.1 only and puts the token in the fragment', () => {
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/#token=${host.token}`);
    expect(host.token.length).toBeGreaterThanOrEqual(32);
  });

  it('serves index.html with a strict Content Security Policy', async () => {
    const res = await fetch(`${origin}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toMatch(/default-src 'self'; script-src 'self'/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('does not serve files outside the app folder', async () => {
    const res = await fetch(`${origin}/..%2Fsecret.txt`);
    expect(res.status).toBe(404);
    expect(await res.text()).not.toMatch(/do not serve/);
  });

  it('refuses requests for another host name (DNS rebinding)', async () => {
    const status = await new Promise<number | undefined>((resolve, reject) => {
      const req = request(
        { host: '127.0.0.1', port: host.port, path: '/', headers: { Host: 'evil.example' } },
        (res) => {
          res.resume();
          resolve(res.statusCode);
        },
      );
      req.on('error', reject);
      req.end();
    });
    expect(status).toBe(421);
  });
});

describe('the API socket', () => {
  it('answers typed calls', async () => {
    const ws = await connect();
    const info = await call(ws, 1, 'app.info', {});
    expect(info).toEqual({
      id: 1,
      result: {
        ok: true,
        value: {
          version: '9.9.9',
          host: 'browser',
          systemLang: 'en',
          nativeDialogs: false,
          printsPdf: false,
          projectsFolder: join(root, 'projects'),
        },
      },
    });
    const initial = await call(ws, 2, 'project.initial', {});
    expect(initial.result.ok).toBe(true);
    expect((initial.result.value as { result: { ok: boolean } }).result.ok).toBe(true);
    ws.close();
  });

  it('refuses a wrong token, another origin or another path', async () => {
    await expect(connect({ token: 'wrong' })).rejects.toThrow(/403/);
    await expect(connect({ origin: 'http://evil.example' })).rejects.toThrow(/403/);
    await expect(connect({ path: '/other' })).rejects.toThrow(/403/);
  });

  it('validates every payload and returns errors as values', async () => {
    const ws = await connect();
    const unknown = await call(ws, 3, 'fs.readFile', { path: '/etc/passwd' });
    expect(unknown.result).toMatchObject({ ok: false, error: { code: 'unknown-method' } });
    const bad = await call(ws, 4, 'project.readText', { fileName: 42 });
    expect(bad.result).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    const extra = await call(ws, 5, 'app.info', { sneaky: true });
    expect(extra.result).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    const file = await call(ws, 6, 'project.readText', { fileName: 'bad.json', text: '{' });
    expect(file.result.ok).toBe(true);
    expect(file.result.value).toMatchObject({ ok: false, errors: [{ key: 'file.notJson' }] });
    ws.close();
  });

  it('closes the socket on a malformed envelope', async () => {
    const ws = await connect();
    const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
    ws.send('not json');
    expect(await closed).toBe(1008);
  });
});

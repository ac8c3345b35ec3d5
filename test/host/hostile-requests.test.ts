/**
 * The real browser host (`convstudio serve`) under malformed requests on raw sockets, as any local process
 * could send them without the token: each gets an HTTP error or a closed socket, and the host stays up and
 * keeps serving. Before issue 14 an upgrade to `//` or `http://[` made `new URL` throw and ended the host.
 */
import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serve, type Served } from '../helpers/browser-host.ts';

let served: Served;
let port = 0;
let token = '';

beforeAll(async () => {
  served = await serve(null);
  const url = new URL(served.url);
  port = Number(url.port);
  token = url.hash.replace('#token=', '');
}, 120_000);

afterAll(() => served.stop());

/** Sends raw bytes and resolves with everything the host answered before closing (or after 2 s). */
function raw(bytes: string | Buffer, after?: (socket: Socket) => void): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    let answer = '';
    const timer = setTimeout(() => {
      socket.destroy();
      resolve(answer);
    }, 2_000);
    socket.on('data', (d) => (answer += d.toString('latin1')));
    socket.on('error', () => {});
    socket.on('close', () => {
      clearTimeout(timer);
      resolve(answer);
    });
    socket.write(bytes, () => after?.(socket));
  });
}

const upgrade = (target: string, extra = '') =>
  `GET ${target} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nOrigin: http://127.0.0.1:${port}\r\n` +
  `Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n` +
  `Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n${extra}\r\n`;

async function hostIsUp(): Promise<void> {
  expect(served.process.exitCode).toBeNull();
  const page = await fetch(`http://127.0.0.1:${port}/`);
  expect(page.status).toBe(200);
}

describe('malformed requests to the browser host', () => {
  it.each(['//', '//[/api', 'http://[', 'http://a:b/api', '//api', '*', `http://127.0.0.1:1/api?token=x`])(
    'an upgrade to %s is refused with an HTTP error and the host stays up',
    async (target) => {
      const answer = await raw(upgrade(target));
      expect(answer).toMatch(/^HTTP\/1\.1 4\d\d /);
      await hostIsUp();
    },
  );

  it('an upgrade without the token, or to another path, is forbidden', async () => {
    expect(await raw(upgrade('/api'))).toMatch(/^HTTP\/1\.1 403 /);
    expect(await raw(upgrade(`/api?token=${token}x`))).toMatch(/^HTTP\/1\.1 403 /);
    expect(await raw(upgrade(`/other?token=${token}`))).toMatch(/^HTTP\/1\.1 403 /);
    await hostIsUp();
  });

  it('a client that disappears in the middle of a handshake', async () => {
    for (let i = 0; i < 20; i++) {
      await raw(upgrade(`/api?token=${token}`).slice(0, 60 + i * 7), (socket) => socket.resetAndDestroy());
    }
    await hostIsUp();
  });

  it('garbage instead of HTTP, and a broken frame on an open socket', async () => {
    expect(await raw('\x00\x01\x02 not http at all\r\n\r\n')).toMatch(/^HTTP\/1\.1 400 /);
    // A valid handshake, then a frame with the reserved bits set and no mask: the socket is closed.
    const frame = Buffer.from([0xf1, 0x05, 0x68, 0x65, 0x6c, 0x6c, 0x6f]);
    const answer = await raw(upgrade(`/api?token=${token}`), (socket) => setTimeout(() => socket.write(frame), 200));
    expect(answer).toMatch(/^HTTP\/1\.1 101 /);
    await hostIsUp();
  });
});

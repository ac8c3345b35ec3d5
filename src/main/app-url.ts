/**
 * The app's own addresses. The built renderer is served from app://convstudio/ (app-protocol.ts), a
 * standard and secure scheme of its own, so that its modules and its worker (the page's trainer) load
 * same-origin, with no privileges for file:// pages; the dev server is its own origin. The IPC sender
 * check and the navigation guard use `isAppUrl`; the protocol handler uses `appFile`.
 */
import { resolve, sep } from 'node:path';

export const APP_SCHEME = 'app';
export const APP_HOST = 'convstudio';
/** The built page's address. */
export const APP_INDEX = `${APP_SCHEME}://${APP_HOST}/index.html`;

/**
 * True when `url` is the app's own page: the same file for a file:// app, the same origin for the dev
 * server, the same scheme and host for the app's scheme (whose origin WHATWG's URL calls "null", as it calls
 * every other such scheme's).
 * @example isAppUrl('app://convstudio/index.html#x', 'app://convstudio/index.html') // true
 */
export function isAppUrl(url: string, appUrl: string): boolean {
  try {
    const base = new URL(appUrl);
    const target = new URL(url);
    if (base.protocol === 'file:') return target.protocol === 'file:' && target.pathname === base.pathname;
    if (base.protocol === 'http:' || base.protocol === 'https:') return target.origin === base.origin;
    return target.protocol === base.protocol && target.host === base.host && base.host !== '';
  } catch {
    return false;
  }
}

/**
 * The file under `root` (the built renderer's folder) that an app:// address names, or null: another
 * scheme or host, an address that does not parse, or a path that leads out of `root`.
 * @example appFile('app://convstudio/assets/index.js', '/opt/out/renderer') // '/opt/out/renderer/assets/index.js'
 */
export function appFile(url: string, root: string): string | null {
  try {
    const target = new URL(url);
    if (target.protocol !== `${APP_SCHEME}:` || target.host !== APP_HOST) return null;
    const folder = resolve(root);
    const file = resolve(folder, `.${decodeURIComponent(target.pathname)}`);
    return file.startsWith(folder + sep) ? file : null;
  } catch {
    return null;
  }
}

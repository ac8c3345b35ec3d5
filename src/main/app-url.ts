/** Which addresses belong to the app: the IPC sender check and the navigation guard use this. */

/**
 * True when `url` is the app's own page: the same file for a file:// app, the same origin for the dev server.
 * @example isAppUrl('file:///app/out/renderer/index.html#x', 'file:///app/out/renderer/index.html') // true
 */
export function isAppUrl(url: string, appUrl: string): boolean {
  try {
    const base = new URL(appUrl);
    const target = new URL(url);
    if (base.protocol === 'file:') return target.protocol === 'file:' && target.pathname === base.pathname;
    return target.origin === base.origin;
  } catch {
    return false;
  }
}

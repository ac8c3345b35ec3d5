/**
 * What the browser is given to open instead of the address with its token: a page in a folder only this
 * user can read (0700, the page 0600) that sends the browser on to the address, as Jupyter does. A browser's
 * command line is visible to every user of the machine (`ps`); the token must never be in it.
 */
import { chmod, mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export interface LaunchPage {
  /** The file:// address to give the browser. */
  url: string;
  remove(): Promise<void>;
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export async function writeLaunchPage(dataDir: string, address: string, port: number): Promise<LaunchPage> {
  const dir = join(dataDir, 'launch');
  await mkdir(dir, { recursive: true, mode: 0o700 });
  await chmod(dir, 0o700);
  const file = join(dir, `open-${port}.html`);
  const href = escapeHtml(address);
  const html =
    '<!doctype html><meta charset="utf-8"><title>ConvStudio</title>' +
    `<meta http-equiv="refresh" content="0;url=${href}">` +
    `<p>Opening ConvStudio… <a href="${href}">Go to ConvStudio</a></p>\n`;
  await rm(file, { force: true });
  await writeFile(file, html, { mode: 0o600, flag: 'wx' });
  return { url: pathToFileURL(file).href, remove: () => rm(file, { force: true }) };
}

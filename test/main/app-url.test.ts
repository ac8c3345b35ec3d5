import { describe, expect, it } from 'vitest';
import { appFile, APP_INDEX, isAppUrl } from '../../src/main/app-url.ts';

describe('isAppUrl: the IPC sender check and navigation guard', () => {
  const file = 'file:///opt/ConvStudio/resources/app.asar/out/renderer/index.html';
  it.each([
    [APP_INDEX, APP_INDEX, true],
    [`${APP_INDEX}#section`, APP_INDEX, true],
    ['app://convstudio/assets/index.js', APP_INDEX, true],
    // Schemes WHATWG gives no origin ("null") must not pass for the app's.
    ['evil://convstudio/index.html', APP_INDEX, false],
    ['app://other/index.html', APP_INDEX, false],
    ['javascript:alert(1)', APP_INDEX, false],
    ['data:text/html,<p>hi</p>', APP_INDEX, false],
    ['file:///opt/ConvStudio/resources/app.asar/out/renderer/index.html', APP_INDEX, false],
    ['https://example.com/', APP_INDEX, false],
    [file, file, true],
    ['file:///etc/passwd', file, false],
    ['https://example.com/', file, false],
    ['http://localhost:5173/index.html', 'http://localhost:5173/', true],
    ['http://localhost:5174/', 'http://localhost:5173/', false],
    ['app://convstudio/index.html', 'http://localhost:5173/', false],
    ['not a url', file, false],
  ])('%s (app at %s) → %s', (url, app, expected) => {
    expect(isAppUrl(url, app)).toBe(expected);
  });
});

describe('appFile: what app:// serves', () => {
  const root = '/opt/ConvStudio/out/renderer';
  it.each([
    ['app://convstudio/index.html', `${root}/index.html`],
    ['app://convstudio/assets/page-trainer-1a2b.js', `${root}/assets/page-trainer-1a2b.js`],
    ['app://convstudio/assets/a%20b.js?x=1#y', `${root}/assets/a b.js`],
    // Nothing outside the renderer's folder, however the path is spelt.
    ['app://convstudio/../main/index.js', `${root}/main/index.js`],
    ['app://convstudio/%2e%2e/%2e%2e/etc/passwd', `${root}/etc/passwd`],
    ['app://convstudio/assets/..%2F..%2F..%2Fetc%2Fpasswd', null],
    ['app://convstudio/%2F..%2F..%2Fsecret', null],
    ['app://convstudio/', null],
    ['app://other/index.html', null],
    ['file:///opt/ConvStudio/out/renderer/index.html', null],
    ['app://convstudio/%E0%A4%A', null],
  ])('%s → %s', (url, expected) => {
    expect(appFile(url, root)).toBe(expected);
  });
});

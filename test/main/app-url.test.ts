import { describe, expect, it } from 'vitest';
import { isAppUrl } from '../../src/main/app-url.ts';

describe('isAppUrl: the IPC sender check and navigation guard', () => {
  const file = 'file:///opt/ConvStudio/resources/app.asar/out/renderer/index.html';
  it.each([
    [file, file, true],
    [`${file}#section`, file, true],
    ['file:///etc/passwd', file, false],
    ['https://example.com/', file, false],
    ['http://localhost:5173/index.html', 'http://localhost:5173/', true],
    ['http://localhost:5174/', 'http://localhost:5173/', false],
    ['not a url', file, false],
  ])('%s (app at %s) → %s', (url, app, expected) => {
    expect(isAppUrl(url, app)).toBe(expected);
  });
});

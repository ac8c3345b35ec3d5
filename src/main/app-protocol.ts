/**
 * The app:// scheme the built renderer is served from (app-url.ts says why). Registered as privileged before
 * the app is ready (standard: relative addresses and an origin; secure: a secure context, which WebGPU needs;
 * fetch: TensorFlow.js fetches its shaders' and models' files), then served from the renderer's folder
 * only, each response with the app's Content Security Policy.
 */
import { net, protocol } from 'electron';
import { pathToFileURL } from 'node:url';
import { CONTENT_SECURITY_POLICY } from '../core/security/content-security-policy.ts';
import { APP_SCHEME, appFile } from './app-url.ts';

/** Before `app.whenReady()`: Electron accepts privileged schemes only then. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
  ]);
}

/** After ready: app:// answers with the files under `root` and nothing else. */
export function serveApp(root: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const file = appFile(request.url, root);
    const response = file ? await net.fetch(pathToFileURL(file).href).catch(() => null) : null;
    if (!response) return new Response('Not found', { status: 404 });
    const headers = new Headers(response.headers);
    headers.set('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    return new Response(response.body, { status: response.status, headers });
  });
}

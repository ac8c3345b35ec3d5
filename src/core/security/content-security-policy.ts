/**
 * The app's Content Security Policy: the built page carries it in a meta tag, Electron and the browser host
 * send it as a header too. Scripts only from the app itself; inline styles are allowed for the canvas.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/**
 * The app's Content Security Policy: the built page carries it in a meta tag, Electron and the browser host
 * send it as a header too. Scripts and styles only from the app itself: no inline styles either (React's
 * `style` props set styles through the DOM, which the policy allows; the end-to-end tests count any blocked
 * style or script as a problem of the page, on every view they visit).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

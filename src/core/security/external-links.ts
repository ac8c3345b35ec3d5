/**
 * The pages outside the app that ConvStudio may open in the system's browser: the reference documentation
 * its help texts point to. Anything else the page asks to open — another site, another scheme, a look-alike
 * host — is refused (shell.openExternal would hand it to the operating system).
 */
export const HELP_LINK_PREFIXES = [
  'https://keras.io/api/',
  'https://pytorch.org/docs/',
  'https://www.tensorflow.org/js/',
];

/** Whether `url` is one of ConvStudio's help links: https, the exact host, a listed path. */
export function isHelpLink(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.username || parsed.password || parsed.port) return false;
  const normal = `${parsed.protocol}//${parsed.host}${parsed.pathname}`;
  return HELP_LINK_PREFIXES.some((prefix) => normal.startsWith(prefix));
}

/**
 * In the installed app some files lie outside its asar archive (electron-builder.yml, asarUnpack): worker
 * threads and Python read them with plain file access, which does not look inside the archive.
 */
import { existsSync } from 'node:fs';

export function unpacked(path: string): string {
  const outside = path.replace(/app\.asar([\\/])/, 'app.asar.unpacked$1');
  return outside !== path && existsSync(outside) ? outside : path;
}

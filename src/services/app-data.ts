/**
 * The app's data folder (recent files, autosave): CONVSTUDIO_DATA_DIR when set, else the platform's usual
 * place. Electron main passes its own userData folder instead.
 */
import { homedir } from 'node:os';
import { join } from 'node:path';

export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (env.CONVSTUDIO_DATA_DIR) return env.CONVSTUDIO_DATA_DIR;
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'ConvStudio');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'ConvStudio');
  return join(env.XDG_DATA_HOME ?? join(homedir(), '.local', 'share'), 'ConvStudio');
}

/** Where Save As suggests putting projects: ~/Documents/ConvStudio, or CONVSTUDIO_PROJECTS_DIR. */
export function defaultProjectsDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.CONVSTUDIO_PROJECTS_DIR ?? join(homedir(), 'Documents', 'ConvStudio');
}

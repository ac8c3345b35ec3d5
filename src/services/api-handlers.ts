/** The API's handlers, shared by Electron main and the browser host. */
import { loadModelText, type ApiHandlers, type AppInfo, type Lang } from '../core/index.ts';
import { readModelFile } from './read-model-file.ts';

export interface HandlerOptions {
  host: AppInfo['host'];
  version: string;
  systemLang: Lang;
  /** The file named on the command line, if any. */
  initialFile: string | null;
}

export function createApiHandlers(options: HandlerOptions): ApiHandlers {
  return {
    'app.info': async () => ({
      version: options.version,
      host: options.host,
      systemLang: options.systemLang,
    }),
    'project.initial': async () =>
      options.initialFile
        ? {
            path: options.initialFile,
            result: await readModelFile(options.initialFile),
          }
        : null,
    'project.readText': async ({ fileName, text }) => loadModelText(text, fileName),
  };
}

/** The API's handlers, shared by Electron main and the browser host. */
import { loadModelText, type ApiHandlers, type AppInfo, type Lang } from '../core/index.ts';
import { dirname } from 'node:path';
import { sweepStaleTemporaryFiles } from './atomic-write.ts';
import { AutosaveStore } from './autosave-store.ts';
import { openAnyFile, openPretrained } from './open-file.ts';
import { documentPath, saveExercise, saveProject, writeDocument } from './project-files.ts';
import { openUploadedFiles } from './uploaded-files.ts';
import { RecentFiles } from './recent-files.ts';
import type { TrainingService } from './training-service.ts';

/** The operating system's file dialogs, where the host has them (Electron). */
export interface FileDialogs {
  open(): Promise<string | null>;
  save(suggestedName: string, kind?: 'json' | 'pdf'): Promise<string | null>;
  folder(): Promise<string | null>;
}

export interface HandlerOptions {
  host: AppInfo['host'];
  version: string;
  systemLang: Lang;
  /** The file named on the command line, if any. */
  initialFile: string | null;
  /** Recent files and autosave live here. */
  dataDir: string;
  projectsFolder: string;
  dialogs?: FileDialogs;
  /** Prints the page as it is now to PDF bytes, where the host can (Electron's printToPDF). */
  printPdf?: () => Promise<Uint8Array>;
  training: TrainingService;
}

/** At start: the temporary files of saves killed last time, where ConvStudio saves (issue 14: 95 MB after 8 kills). */
async function sweepAfterKilledSaves(dataDir: string, projectsFolder: string, recent: RecentFiles): Promise<void> {
  const folders = [dataDir, projectsFolder, ...(await recent.list()).map((file) => dirname(file))];
  await sweepStaleTemporaryFiles(folders);
}

export function createApiHandlers(options: HandlerOptions): ApiHandlers {
  const recent = new RecentFiles(options.dataDir);
  const autosave = new AutosaveStore(options.dataDir);
  const opening = { recent, training: options.training };
  void sweepAfterKilledSaves(options.dataDir, options.projectsFolder, recent);
  return {
    'app.info': async () => ({
      version: options.version,
      host: options.host,
      systemLang: options.systemLang,
      nativeDialogs: options.dialogs !== undefined,
      projectsFolder: options.projectsFolder,
      printsPdf: options.printPdf !== undefined && options.dialogs !== undefined,
    }),
    'project.initial': async () => (options.initialFile ? openAnyFile(options.initialFile, opening) : null),
    'project.readText': async ({ fileName, text }) => loadModelText(text, fileName),
    'project.openPath': async ({ path }) => openAnyFile(path, opening),
    'project.openFiles': async ({ files }) => openUploadedFiles(files, options.dataDir, opening),
    'project.openPretrained': async ({ id }) => openPretrained(id, opening),
    'project.openDialog': async () => {
      const path = await options.dialogs?.open();
      return path ? openAnyFile(path, opening) : null;
    },
    'project.save': async ({ path, project, overwrite }) => saveProject(path, project, recent, overwrite),
    'project.saveDialog': async ({ suggestedName }) => (await options.dialogs?.save(suggestedName)) ?? null,
    'exercise.save': async ({ path, exercise, overwrite }) => saveExercise(path, exercise, recent, overwrite),
    'print.pdf': async ({ suggestedName }) => {
      if (!options.printPdf || !options.dialogs) return null;
      // Printed before the dialog opens: the page shows the sheet being printed now.
      const pdf = await options.printPdf();
      const path = await options.dialogs.save(suggestedName, 'pdf');
      return path ? writeDocument(documentPath(path, '.pdf'), pdf) : null;
    },
    'recent.list': async () => recent.list(),
    'autosave.write': async (work) => {
      await autosave.write(work);
      return null;
    },
    'autosave.read': async () => autosave.read(),
    'autosave.clear': async () => {
      await autosave.clear();
      return null;
    },
    ...options.training.handlers(),
    'dataset.pickFolder': async () => (await options.dialogs?.folder()) ?? null,
  };
}

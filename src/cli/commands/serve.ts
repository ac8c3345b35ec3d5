/** `convstudio serve [FILE] [--port N] [--no-open]`: the browser host. */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { msg, translate } from '../../core/index.ts';
import { writeLaunchPage, type LaunchPage } from '../../host/launch-page.ts';
import { startHost, type RunningHost } from '../../host/server.ts';
import { createApiHandlers } from '../../services/api-handlers.ts';
import { defaultDataDir, defaultProjectsDir } from '../../services/app-data.ts';
import { rendererDir as builtRendererDir } from '../../services/package-root.ts';
import { APP_VERSION } from '../../services/app-version.ts';
import { systemLang } from '../../services/system-lang.ts';
import { TrainingService } from '../../services/training-service.ts';
import { CliError } from '../cli-io.ts';

export interface ServeOptions {
  file: string | null;
  port: number;
  open: boolean;
}

export async function serveCommand(options: ServeOptions): Promise<number> {
  // The launcher (packages/cli/convstudio.mjs) builds the app before this runs; from the sources it may not.
  const rendererDir = builtRendererDir();
  if (!existsSync(join(rendererDir, 'index.html'))) throw new CliError([msg('cli.notBuilt')]);
  const initialFile = options.file ? resolve(options.file) : null;
  let host: RunningHost | null = null;
  const dataDir = defaultDataDir();
  const training = new TrainingService({ dataDir, emit: (event) => host?.broadcast(event) });
  const handlers = createApiHandlers({
    host: 'browser',
    version: APP_VERSION,
    systemLang: systemLang(),
    initialFile,
    dataDir,
    projectsFolder: defaultProjectsDir(),
    training,
  });
  try {
    host = await startHost({
      rendererDir,
      port: options.port,
      handlers,
      log: (error) => process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`),
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      throw new CliError([msg('cli.portInUse', { port: options.port })]);
    }
    throw error;
  }
  const running = host;
  const lang = systemLang();
  process.stdout.write(`${translate(msg('cli.serving', { url: running.url }), lang)}\n`);
  let launchPage: LaunchPage | null = null;
  if (options.open) {
    const { default: open } = await import('open');
    // The browser gets a page only this user can read, never the token on its command line.
    launchPage = await writeLaunchPage(dataDir, running.url, running.port);
    await open(launchPage.url).catch(() => process.stderr.write(`${translate(msg('cli.noBrowser'), lang)}\n`));
  }
  await new Promise<void>((done) => {
    // No orphan trainer: a run in progress ends with the host.
    const stop = () =>
      void training
        .shutdown()
        .then(() => running.close())
        .then(() => launchPage?.remove())
        .then(done);
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  return 0;
}

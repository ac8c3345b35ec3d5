/** `convstudio serve [FILE] [--port N] [--no-open]`: the browser host. */
import { resolve } from 'node:path';
import { msg, translate } from '../../core/index.ts';
import { ensureRendererBuilt } from '../../host/renderer-build.ts';
import { startHost, type RunningHost } from '../../host/server.ts';
import { createApiHandlers } from '../../services/api-handlers.ts';
import { defaultDataDir, defaultProjectsDir } from '../../services/app-data.ts';
import { APP_VERSION } from '../../services/app-version.ts';
import { systemLang } from '../../services/system-lang.ts';
import { CliError } from '../cli-io.ts';

export interface ServeOptions {
  file: string | null;
  port: number;
  open: boolean;
}

export async function serveCommand(options: ServeOptions): Promise<number> {
  const rendererDir = await ensureRendererBuilt();
  const initialFile = options.file ? resolve(options.file) : null;
  const handlers = createApiHandlers({
    host: 'browser',
    version: APP_VERSION,
    systemLang: systemLang(),
    initialFile,
    dataDir: defaultDataDir(),
    projectsFolder: defaultProjectsDir(),
  });
  let host: RunningHost;
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
  const lang = systemLang();
  process.stdout.write(`${translate(msg('cli.serving', { url: host.url }), lang)}\n`);
  if (options.open) {
    const { default: open } = await import('open');
    await open(host.url).catch(() => process.stderr.write(`${translate(msg('cli.noBrowser'), lang)}\n`));
  }
  await new Promise<void>((done) => {
    const stop = () => void host.close().then(done);
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  return 0;
}

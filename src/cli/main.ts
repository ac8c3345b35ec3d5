/**
 * The `convstudio` command. Exit codes: 0 success, 2 bad input (file, settings, model errors),
 * 1 an internal failure. Never prints a stack trace unless CONVSTUDIO_DEBUG is set.
 */
import { parseArgs } from 'node:util';
import { isLang, type Lang } from '../core/index.ts';
import { systemLang } from '../services/system-lang.ts';
import { APP_VERSION } from '../services/app-version.ts';
import { CliError, EXIT_BAD_INPUT, EXIT_FAILURE, printMessages, printUsageError } from './cli-io.ts';
import { serveCommand } from './commands/serve.ts';
import { summaryCommand } from './commands/summary.ts';

const HELP = `ConvStudio ${APP_VERSION}: draw convolutional networks, see every layer's shape and parameter count.

Usage:
  convstudio summary FILE [--json] [--lang en|zh-TW]
      The Keras-style summary of a project (.convstudio.json), a Keras model config
      (model.to_json(), Keras 2.2, Keras 3) or a TensorFlow.js model.json.
  convstudio serve [FILE] [--port N] [--no-open]
      Runs the app in your browser (127.0.0.1 only).
  convstudio --version | --help
`;

class UsageError extends Error {}

async function run(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  let lang: Lang = systemLang();
  try {
    if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
      process.stdout.write(HELP);
      return 0;
    }
    if (command === '--version' || command === '-v') {
      process.stdout.write(`${APP_VERSION}\n`);
      return 0;
    }
    if (command === 'summary') {
      const { values, positionals } = parse(rest, {
        json: { type: 'boolean', default: false },
        lang: { type: 'string' },
      });
      if (values.lang !== undefined) {
        if (!isLang(values.lang)) throw new UsageError(`--lang must be en or zh-TW, not '${String(values.lang)}'`);
        lang = values.lang;
      }
      if (positionals.length !== 1) throw new UsageError('summary needs exactly one FILE');
      return await summaryCommand({
        file: positionals[0]!,
        json: values.json === true,
        lang,
      });
    }
    if (command === 'serve') {
      const { values, positionals } = parse(rest, {
        port: { type: 'string', default: '0' },
        'no-open': { type: 'boolean', default: false },
      });
      const port = Number(values.port);
      if (!Number.isInteger(port) || port < 0 || port > 65_535) {
        throw new UsageError(`--port must be a whole number from 0 to 65535, not '${String(values.port)}'`);
      }
      if (positionals.length > 1) throw new UsageError('serve takes at most one FILE');
      return await serveCommand({
        file: positionals[0] ?? null,
        port,
        open: values['no-open'] !== true,
      });
    }
    throw new UsageError(`unknown command '${command}'. Run convstudio --help.`);
  } catch (error) {
    if (error instanceof CliError) {
      printMessages(error.messages, 'error', lang);
      return error.exitCode;
    }
    if (error instanceof UsageError) {
      printUsageError(error.message, lang);
      return EXIT_BAD_INPUT;
    }
    const text = error instanceof Error ? error.message : String(error);
    process.stderr.write(`error: ConvStudio failed unexpectedly: ${text}\n`);
    if (process.env.CONVSTUDIO_DEBUG) console.error(error);
    return EXIT_FAILURE;
  }
}

type Options = NonNullable<Parameters<typeof parseArgs>[0]>['options'];

function parse<O extends Options>(args: string[], options: O) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message.split('\n')[0] : String(error));
  }
}

process.exitCode = await run(process.argv.slice(2));

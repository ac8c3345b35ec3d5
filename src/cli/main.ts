/**
 * The `convstudio` command. Exit codes: 0 success, 2 bad input (file, settings, model errors),
 * 1 an internal failure. Never prints a stack trace unless CONVSTUDIO_DEBUG is set.
 */
import { parseArgs } from 'node:util';
import { DEFAULT_DATASET_LIMITS, formatBytes, isLang, msg, type Lang, type Msg } from '../core/index.ts';
import { systemLang } from '../services/system-lang.ts';
import { APP_VERSION } from '../services/app-version.ts';
import { CliError, EXIT_BAD_INPUT, EXIT_FAILURE, printMessages } from './cli-io.ts';
import { backendChoiceSchema, MAX_TRAINING_THREADS } from '../core/index.ts';

const HELP = `ConvStudio ${APP_VERSION}: draw convolutional networks, see every layer's shape and parameter count.

Usage:
  convstudio summary FILE [--json] [--lang en|zh-TW]
      The Keras-style summary of a project (.convstudio.json), a Keras model config
      (model.to_json(), Keras 2.2, Keras 3) or a TensorFlow.js model.json.
  convstudio serve [FILE] [--port N] [--no-open]
      Runs the app in your browser (127.0.0.1 only).
  convstudio train FILE [--dataset mnist|FOLDER] [--epochs N] [--batch-size B]
                   [--backend auto|pytorch|cuda|webgpu|tfjs-node|wasm|cpu] [--threads N] [--limit-samples N]
                   [--python PATH] [--seed S] [--save DIR] [--json] [--lang en|zh-TW]
      Trains the network on MNIST (built in) or a folder of IDX files. --threads: the CPU
      threads WebAssembly computes on (default: every core, one left free from four up).
      --python: the Python with PyTorch for --backend pytorch (default: found on PATH).
  convstudio --version | --help
`;

/** A mistake on the command line, worded in the user's language. */
class UsageError extends Error {
  constructor(readonly problem: Msg) {
    super(problem.key);
  }
}

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
      lang = langOption(values.lang) ?? lang;
      if (positionals.length !== 1) throw new UsageError(msg('cli.oneFile', { command: 'summary' }));
      // Each command's code is loaded when it is run: `summary` starts without the host's or trainer's.
      const { summaryCommand } = await import('./commands/summary.ts');
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
        throw new UsageError(
          msg('cli.badNumber', { option: '--port', min: 0, max: 65_535, value: String(values.port) }),
        );
      }
      if (positionals.length > 1) throw new UsageError(msg('cli.atMostOneFile', { command: 'serve' }));
      const { serveCommand } = await import('./commands/serve.ts');
      return await serveCommand({
        file: positionals[0] ?? null,
        port,
        open: values['no-open'] !== true,
      });
    }
    if (command === 'train') {
      const { values, positionals } = parse(rest, {
        dataset: { type: 'string' },
        epochs: { type: 'string' },
        'batch-size': { type: 'string' },
        backend: { type: 'string', default: 'auto' },
        threads: { type: 'string' },
        python: { type: 'string' },
        'limit-samples': { type: 'string' },
        seed: { type: 'string' },
        save: { type: 'string' },
        'max-file-size': { type: 'string' },
        'max-megapixels': { type: 'string' },
        json: { type: 'boolean', default: false },
        lang: { type: 'string' },
      });
      lang = langOption(values.lang) ?? lang;
      if (positionals.length !== 1) throw new UsageError(msg('cli.oneFile', { command: 'train' }));
      const backend = backendChoiceSchema.safeParse(values.backend);
      if (!backend.success) throw new UsageError(msg('cli.badBackend', { value: String(values.backend) }));
      const { trainCommand } = await import('./commands/train.ts');
      return await trainCommand({
        file: positionals[0]!,
        dataset: (values.dataset as string | undefined) ?? null,
        epochs: positiveInt(values.epochs, '--epochs', 10_000),
        batchSize: positiveInt(values['batch-size'], '--batch-size', 65_536),
        backend: backend.data,
        threads: positiveInt(values.threads, '--threads', MAX_TRAINING_THREADS),
        python: (values.python as string | undefined) || null,
        limitSamples: positiveInt(values['limit-samples'], '--limit-samples', 100_000_000),
        seed: positiveInt(values.seed, '--seed', 2 ** 31 - 1, 0),
        save: (values.save as string | undefined) ?? null,
        limits: {
          fileBytes: byteSize(values['max-file-size'], '--max-file-size') ?? DEFAULT_DATASET_LIMITS.fileBytes,
          imageMegapixels:
            positiveInt(values['max-megapixels'], '--max-megapixels', 100_000) ??
            DEFAULT_DATASET_LIMITS.imageMegapixels,
        },
        json: values.json === true,
        lang,
      });
    }
    throw new UsageError(msg('cli.unknownCommand', { command }));
  } catch (error) {
    if (error instanceof CliError) {
      printMessages(error.messages, 'error', lang);
      return error.exitCode;
    }
    if (error instanceof UsageError) {
      printMessages([error.problem], 'error', lang);
      return EXIT_BAD_INPUT;
    }
    const text = error instanceof Error ? error.message : String(error);
    process.stderr.write(`error: ConvStudio failed unexpectedly: ${text}\n`);
    if (process.env.CONVSTUDIO_DEBUG) console.error(error);
    return EXIT_FAILURE;
  }
}

/** The --lang option, checked; null when absent. */
function langOption(value: unknown): Lang | null {
  if (value === undefined) return null;
  if (!isLang(value)) throw new UsageError(msg('cli.badLang', { value: String(value) }));
  return value;
}

/** A whole-number option within bounds, or null when absent. */
function positiveInt(value: unknown, name: string, max: number, min = 1): number | null {
  if (value === undefined) return null;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new UsageError(msg('cli.badNumber', { option: name, min, max, value: String(value) }));
  }
  return n;
}

const UNITS: Record<string, number> = {
  '': 1,
  b: 1,
  k: 2 ** 10,
  kb: 2 ** 10,
  m: 2 ** 20,
  mb: 2 ** 20,
  g: 2 ** 30,
  gb: 2 ** 30,
};
const MAX_FILE_SIZE = 64 * 2 ** 30;

/** A size such as 2GB, 1500MB or 800000000 (bytes; K, M and G are powers of 1,024), or null when absent. */
function byteSize(value: unknown, name: string): number | null {
  if (value === undefined) return null;
  const match = /^\s*(\d+(?:\.\d+)?)\s*([kmg]?b?)\s*$/i.exec(String(value));
  const bytes = match ? Math.round(Number(match[1]) * UNITS[match[2]!.toLowerCase()]!) : NaN;
  if (!(bytes >= 2 ** 20 && bytes <= MAX_FILE_SIZE)) {
    throw new UsageError(msg('cli.badSize', { option: name, value: String(value), max: formatBytes(MAX_FILE_SIZE) }));
  }
  return bytes;
}

type Options = NonNullable<Parameters<typeof parseArgs>[0]>['options'];

function parse<O extends Options>(args: string[], options: O) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error);
    const option = /'(--?[\w-]+)'/.exec(text)?.[1];
    throw new UsageError(option ? msg('cli.unknownOption', { option }) : msg('cli.badArguments'));
  }
}

process.exitCode = await run(process.argv.slice(2));

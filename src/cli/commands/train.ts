/**
 * `convstudio train FILE [--dataset mnist|PATH] [--epochs N] [--batch-size B] [--backend …]
 *  [--threads N] [--limit-samples N] [--seed S] [--save DIR] [--json]`
 * Exit codes: 0 trained, 2 bad input (file, network, data, backend), 1 training failed.
 */
import { resolve } from 'node:path';
import {
  analyse,
  msg,
  translate,
  type BackendChoice,
  type DatasetBinding,
  type Lang,
  type Project,
  type Msg,
  type TrainerEvent,
  type DatasetLimits,
} from '../../core/index.ts';
import { readNetworkFile } from '../../services/read-network-file.ts';
import { startTrainer } from '../../services/trainer-client.ts';
import { bindingForFolder } from '../../trainer/data/load-dataset.ts';
import { CliError, EXIT_BAD_INPUT, EXIT_FAILURE, EXIT_OK, printMessages } from '../cli-io.ts';

export interface TrainOptions {
  file: string;
  dataset: string | null;
  epochs: number | null;
  batchSize: number | null;
  backend: BackendChoice;
  /** CPU threads for the WebAssembly backend; null: the machine's default. */
  threads: number | null;
  /** The Python with PyTorch for the PyTorch backend; null: found on this computer. */
  python: string | null;
  limitSamples: number | null;
  /** The caps on dataset files and images (--max-file-size, --max-megapixels). */
  limits: DatasetLimits;
  seed: number | null;
  save: string | null;
  json: boolean;
  lang: Lang;
}

function datasetBinding(option: string | null, project: Project): DatasetBinding {
  if (option === null) return project.dataset ?? { kind: 'builtin', name: 'mnist' };
  if (option.toLowerCase() === 'mnist') return { kind: 'builtin', name: 'mnist' };
  return bindingForFolder(resolve(option));
}

const fixed = (n: number, digits = 4) => Number(n.toFixed(digits));

export async function trainCommand(options: TrainOptions): Promise<number> {
  const loaded = await readNetworkFile(options.file, { layout: false });
  if (!loaded.ok) throw new CliError(loaded.errors);
  const errors = analyse(loaded.project.graph).diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) throw new CliError(errors.map((d) => d.message));
  const project = structuredClone(loaded.project);
  if (options.epochs !== null) project.training.epochs = options.epochs;
  if (options.batchSize !== null) project.training.batchSize = options.batchSize;
  if (options.seed !== null) project.training.seed = options.seed;

  const interactive = !options.json && process.stdout.isTTY;
  let backend = '';
  let device: string | null = null;
  let threads: number | null = null;
  let exitCode = EXIT_OK;
  const write = (line: string) => process.stdout.write(line + '\n');
  const say = (m: Msg) => write(translate(m, options.lang));
  const onEvent = (event: TrainerEvent) => {
    switch (event.type) {
      case 'measuring':
        if (!options.json) say(msg('cli.measuringLine', { backends: event.backends.join(', ') }));
        break;
      case 'backend':
        backend = event.chosen;
        device = event.device?.kind ?? null;
        threads = event.threads;
        if (!options.json) {
          say(
            event.device
              ? msg('cli.backendDeviceLine', { backend: event.chosen, device: event.device.name })
              : event.threads === null
                ? msg('cli.backendLine', { backend: event.chosen })
                : msg('cli.backendThreadsLine', { backend: event.chosen, threads: event.threads }),
          );
          for (const r of event.reports) if (r.reason) write(`  ${r.backend}: ${translate(r.reason, options.lang)}`);
          if (event.measured.length > 0) {
            const figures = event.measured.map((m) =>
              translate(
                msg('cli.measuredFigure', { backend: m.backend, speed: Math.round(m.samplesPerSecond) }),
                options.lang,
              ),
            );
            say(msg('cli.measuredLine', { figures: figures.join(', ') }));
          }
        }
        break;
      case 'dataset':
        if (!options.json)
          say(
            msg('cli.dataLine', {
              name: event.name,
              train: event.train,
              validation: event.validation,
              test: event.test,
            }),
          );
        break;
      case 'progress':
        if (interactive) {
          const width = 30;
          const done = Math.round((event.batch / event.batches) * width);
          process.stdout.write(
            `
${translate(
  msg('cli.progressLine', {
    epoch: event.epoch,
    epochs: event.epochs,
    bar: '='.repeat(done) + ' '.repeat(width - done),
    batch: event.batch,
    batches: event.batches,
    loss: event.loss.toFixed(4),
    accuracy: event.accuracy.toFixed(4),
    speed: Math.round(event.samplesPerSecond),
    eta: Math.round(event.etaSeconds),
  }),
  options.lang,
)} `,
          );
        }
        break;
      case 'epoch':
        if (options.json) {
          write(
            JSON.stringify({
              event: 'epoch',
              epoch: event.epoch,
              loss: fixed(event.loss),
              accuracy: fixed(event.accuracy),
              val_loss: event.valLoss === null ? null : fixed(event.valLoss),
              val_accuracy: event.valAccuracy === null ? null : fixed(event.valAccuracy),
              samples_per_s: fixed(event.samplesPerSecond, 1),
              backend,
              ...(device ? { device } : {}),
              threads,
            }),
          );
        } else {
          if (interactive) process.stdout.write('\n');
          const validation =
            event.valLoss === null
              ? ''
              : translate(
                  msg('cli.validationPart', {
                    loss: event.valLoss.toFixed(4),
                    accuracy: event.valAccuracy!.toFixed(4),
                  }),
                  options.lang,
                );
          say(
            msg('cli.epochLine', {
              epoch: event.epoch,
              loss: event.loss.toFixed(4),
              accuracy: event.accuracy.toFixed(4),
              validation,
              speed: Math.round(event.samplesPerSecond),
              seconds: event.seconds.toFixed(1),
            }),
          );
        }
        break;
      case 'evaluation':
        if (options.json)
          write(
            JSON.stringify({
              event: 'done',
              test_loss: fixed(event.testLoss),
              test_accuracy: fixed(event.testAccuracy),
            }),
          );
        else say(msg('cli.testLine', { loss: event.testLoss.toFixed(4), accuracy: event.testAccuracy.toFixed(4) }));
        break;
      case 'done':
        if (!options.json && event.savedTo) say(msg('cli.savedLine', { path: event.savedTo }));
        if (event.stopped) exitCode = EXIT_FAILURE;
        break;
      case 'error':
        if (interactive) process.stdout.write('\n');
        printMessages([event.message], 'error', options.lang);
        exitCode = event.training ? EXIT_FAILURE : EXIT_BAD_INPUT;
        break;
      default:
        break;
    }
  };
  const run = startTrainer(
    {
      type: 'start',
      project,
      dataset: datasetBinding(options.dataset, project),
      backend: options.backend,
      threads: options.threads,
      python: options.python,
      limitSamples: options.limitSamples,
      limits: options.limits,
      saveDir: options.save ? resolve(options.save) : null,
    },
    onEvent,
  );
  const stop = () => run.stop();
  process.once('SIGINT', stop);
  await run.finished;
  process.off('SIGINT', stop);
  return exitCode;
}

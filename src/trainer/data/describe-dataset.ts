/**
 * What the UI's Data panel shows of a dataset (dataset-event.ts), for a dataset named in a project: loaded
 * from disk, or what is wrong with it.
 */
import type { DescribeCommand, TrainerEvent } from '../../core/index.ts';
import { datasetEvent } from './dataset-event.ts';
import { loadDataset } from './load-dataset.ts';

/** Loads the data and describes it, or says what is wrong with it. */
export async function describeDataset(
  command: DescribeCommand,
): Promise<{ ok: true; event: TrainerEvent } | { ok: false; error: TrainerEvent }> {
  const loaded = await loadDataset(command.dataset, {
    inputShape: command.inputShape,
    seed: command.seed,
    limits: command.limits,
  });
  if (!loaded.ok) return { ok: false, error: { type: 'error', message: loaded.error, training: false } };
  return { ok: true, event: datasetEvent(loaded.value, loaded.value.train, command.validationSplit) };
}

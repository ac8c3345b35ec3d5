/**
 * A run's record, built from the trainer's events by one pure function, and what the training view reads
 * from it: the overfitting warning, smoothed curves, the metrics as CSV.
 */
import { MAX_BATCH_POINTS, runRecordSchema, type EpochPoint, type RunRecord } from '../document/run-schema.ts';
import type { TrainingSettings } from '../document/training-schema.ts';
import type { TrainerEvent } from './protocol.ts';

export function newRunRecord(init: {
  id: string;
  startedAt: string;
  settings: TrainingSettings;
  network: RunRecord['network'];
  testOnly?: boolean;
}): RunRecord {
  return runRecordSchema.parse({ ...init, status: 'running' });
}

/** The record of weights imported with a trained model file: a finished run with no curves. */
export function importedRunRecord(init: {
  id: string;
  settings: TrainingSettings;
  network: RunRecord['network'];
  modelDir: string;
  imported: NonNullable<RunRecord['imported']>;
}): RunRecord {
  return runRecordSchema.parse({ ...init, startedAt: new Date().toISOString(), status: 'done' });
}

/** The record after one more event from its run. */
export function applyTrainerEvent(record: RunRecord, event: TrainerEvent): RunRecord {
  switch (event.type) {
    case 'backend': {
      const backend = { backend: event.chosen, threads: event.threads, device: event.device?.name ?? null };
      // A run that moves to another backend once it has trained (its engine failed) starts over there.
      const afresh = record.epochs.length > 0 || record.batches.length > 0;
      return afresh
        ? { ...record, ...backend, epochs: [], batches: [], batchStride: 1, progressSeen: 0 }
        : { ...record, ...backend };
    }
    case 'dataset': {
      const { name, classes, train, validation, test } = event;
      return { ...record, dataset: { name, classes, train, validation, test } };
    }
    case 'progress': {
      const seen = record.progressSeen + 1;
      if ((seen - 1) % record.batchStride !== 0) return { ...record, progressSeen: seen };
      let batches = [
        ...record.batches,
        [event.epoch - 1 + event.batch / event.batches, event.loss, event.accuracy],
      ] as RunRecord['batches'];
      let stride = record.batchStride;
      if (batches.length > MAX_BATCH_POINTS) {
        batches = batches.filter((_, i) => i % 2 === 0);
        stride *= 2;
      }
      return { ...record, batches, batchStride: stride, progressSeen: seen };
    }
    case 'startedFrom':
      return { ...record, startedFrom: { runId: event.runId, weights: event.weights, fresh: event.fresh } };
    case 'epoch': {
      const { epoch, loss, accuracy, valLoss, valAccuracy, samplesPerSecond, seconds } = event;
      const point = { epoch, loss, accuracy, valLoss, valAccuracy, samplesPerSecond, seconds };
      return { ...record, epochs: [...record.epochs, point] };
    }
    case 'evaluation': {
      const { testLoss, testAccuracy, confusion, perClassAccuracy } = event;
      return { ...record, evaluation: { testLoss, testAccuracy, confusion, perClassAccuracy } };
    }
    case 'done':
      return { ...record, status: event.stopped ? 'stopped' : 'done', modelDir: event.savedTo };
    case 'error':
      return { ...record, status: 'failed', error: event.message };
    default:
      return record;
  }
}

/**
 * Where overfitting began: validation loss rose for `patience` epochs in a row while training loss fell
 * over the same epochs (the course's sign to add Dropout, train fewer epochs or stop early). Null if not.
 */
export function overfittingStart(epochs: readonly EpochPoint[], patience = 3): number | null {
  for (let end = patience; end < epochs.length; end++) {
    let rising = true;
    for (let i = end - patience + 1; i <= end && rising; i++) {
      const now = epochs[i]!;
      const before = epochs[i - 1]!;
      rising =
        now.valLoss !== null && before.valLoss !== null && now.valLoss > before.valLoss && now.loss < before.loss;
    }
    if (rising) return epochs[end - patience]!.epoch;
  }
  return null;
}

/** An exponential moving average (TensorBoard's smoothing): weight 0 gives the values back. */
export function smoothed(values: readonly number[], weight = 0.8): number[] {
  let last = values[0] ?? 0;
  return values.map((v) => (last = last * weight + (1 - weight) * v));
}

const cell = (v: number | null) => (v === null ? '' : String(v));

/** A run's per-epoch metrics as CSV (comma-separated, a header row, numbers as they are). */
export function runMetricsCsv(record: RunRecord): string {
  const header = 'epoch,loss,accuracy,val_loss,val_accuracy,samples_per_s,seconds';
  const rows = record.epochs.map((e) =>
    [e.epoch, e.loss, e.accuracy, e.valLoss, e.valAccuracy, e.samplesPerSecond, e.seconds].map(cell).join(','),
  );
  return [header, ...rows].join('\n') + '\n';
}

/**
 * The `load` job: a run's data read from disk for the page's trainer, which reads no files — the images the
 * run trains and tests on, checked against the network, or what is wrong with them.
 */
import { analyse, type ImageSet, type LoadCommand, type TrainerEvent } from '../../core/index.ts';
import { inputShapeOf, runData } from '../train/run-data.ts';
import { loadDataset } from './load-dataset.ts';

/** The set with bytes of its own: a slice of a larger buffer would be sent whole. */
function ownBytes(set: ImageSet): ImageSet {
  const own = (a: Uint8Array) => (a.byteOffset === 0 && a.byteLength === a.buffer.byteLength ? a : a.slice());
  return { ...set, pixels: own(set.pixels), labels: own(set.labels) };
}

/** Throws a TrainingProblem where the network or the data cannot train. */
export async function loadRunData(command: LoadCommand): Promise<TrainerEvent> {
  const analysis = analyse(command.project.graph);
  const loaded = await loadDataset(command.dataset, {
    inputShape: inputShapeOf(analysis),
    seed: command.project.training.seed,
    limits: command.limits,
  });
  if (!loaded.ok) return { type: 'error', message: loaded.error, training: false };
  const { dataset, all } = runData(analysis, loaded.value, command);
  return {
    type: 'loaded',
    name: dataset.name,
    classes: dataset.classes,
    train: ownBytes(all),
    test: ownBytes(dataset.test),
  };
}

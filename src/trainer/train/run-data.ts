/**
 * What a run trains and tests on, from the dataset as loaded: in the class order of the weights it starts
 * from, the first N training images where a quick try asks for fewer, checked against the network's Input
 * and output. The same for the trainer process and the page's trainer.
 */
import {
  datasetFitProblems,
  firstImages,
  inClassOrder,
  type Analysis,
  type ImageDataset,
  type ImageSet,
  type TrainerEvent,
  type TrainingSettings,
} from '../../core/index.ts';
import { datasetEvent } from '../data/dataset-event.ts';
import { TrainingProblem } from './training-problem.ts';

/** The shape of the network's Input, which image folders are resized to; refused where the network has an error. */
export function inputShapeOf(analysis: Analysis): [number, number, number] {
  const firstError = analysis.diagnostics.find((d) => d.severity === 'error');
  if (firstError) throw new TrainingProblem(firstError.message, false);
  const input = analysis.nodes.find((n) => n.type === 'Input')?.outputShape ?? [];
  return input.length === 3 ? (input as [number, number, number]) : [0, 0, 0];
}

export interface RunDataOptions {
  project: { training: TrainingSettings };
  /** Train on the first N training images only; null: all. */
  limitSamples: number | null;
  /** The class names of the starting weights' outputs, in order, if known. */
  startFrom: { classes: string[] | null } | null;
}

export interface RunData {
  dataset: ImageDataset;
  /** The training images the run takes, validation their last part. */
  all: ImageSet;
  event: Extract<TrainerEvent, { type: 'dataset' }>;
}

export function runData(analysis: Analysis, loaded: ImageDataset, options: RunDataOptions): RunData {
  const order = options.startFrom?.classes;
  // Fine-tuning keeps the weights' output order: class i of the data must be their class i.
  const dataset = (order && inClassOrder(loaded, order)) || loaded;
  const all = options.limitSamples ? firstImages(dataset.train, options.limitSamples) : dataset.train;
  const [problem] = datasetFitProblems(analysis, {
    name: dataset.name,
    shape: dataset.train.shape,
    classes: dataset.classes.length,
  });
  if (problem) throw new TrainingProblem(problem, false);
  return { dataset, all, event: datasetEvent(dataset, all, options.project.training.validationSplit) };
}

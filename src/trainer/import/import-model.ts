/**
 * Opens a trained model file with its weights: reads it (read-trained-file.ts), makes the project of its
 * structure as any model file opens (core's loadModelJson), builds the network as training builds it,
 * puts each of the file's weights into its layer (core's matchWeights: by name, or by layer and position;
 * shapes checked) and saves the model as a run's model is saved, so that whatever works after a run works
 * on it. The class names beside the file (Teachable Machine's metadata.json, a classes.txt) come along
 * when there is one per output.
 */
import * as tf from '@tensorflow/tfjs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import {
  LABEL_FILES,
  analyse,
  importedPixelRange,
  isTeachableImageModel,
  msg,
  loadModelJson,
  matchWeights,
  readLabels,
  type ImportCommand,
  type Msg,
  type TrainerEvent,
} from '../../core/index.ts';
import { buildModel } from '../train/network-model.ts';
import { TrainingProblem } from '../train/training-problem.ts';
import { saveLayersModel } from '../train/model-folder.ts';
import { setMatchedWeights, targetWeights } from '../model/set-weights.ts';
import { readTrainedFile } from './read-trained-file.ts';

/** The files beside the model that may say its class names (and, Teachable Machine's, its pixel range). */
async function filesBeside(path: string): Promise<{ name: string; text: string }[]> {
  const read = await Promise.all(
    LABEL_FILES.map((name) =>
      readFile(join(dirname(path), name), 'utf8').then(
        (text) => ({ name, text }),
        () => null,
      ),
    ),
  );
  return read.filter((file) => file !== null);
}

function labelsAmong(files: { name: string; text: string }[], classes: number | undefined): string[] | null {
  for (const { name, text } of files) {
    const labels = readLabels(name, text);
    if (labels && labels.length === classes) return labels;
  }
  return null;
}

export async function importModel(command: ImportCommand): Promise<TrainerEvent> {
  await tf.setBackend('cpu');
  const file = await readTrainedFile(command.path);
  const answer = {
    type: 'imported' as const,
    format: file.format,
    weights: 0,
    weightProblems: [] as Msg[],
    labels: null as string[] | null,
  };
  const loaded = loadModelJson(file.config, command.fileName);
  if (!loaded.ok) return { ...answer, project: null, errors: loaded.errors };
  if (loaded.kind !== 'keras' && loaded.kind !== 'tfjs') {
    return { ...answer, project: null, errors: [msg('file.unknownFormat', { path: command.fileName })] };
  }
  const beside = await filesBeside(command.path);
  const teachable = beside.some((f) => isTeachableImageModel(f.name, f.text));
  const pixelRange = importedPixelRange(loaded.project.graph, teachable);
  const project = { ...loaded.project, training: { ...loaded.project.training, pixelRange } };
  if (!file.weights.ok) return { ...answer, project, errors: [], weightProblems: [file.weights.problem] };
  // A network the canvas shows in red (a layer cut off from the Input…) cannot take weights: say why, in its words.
  const wrong = analyse(project.graph).diagnostics.find((d) => d.severity === 'error');
  if (wrong) return { ...answer, project, errors: [], weightProblems: [wrong.message] };
  const { sources, values } = file.weights;
  let model: tf.LayersModel;
  try {
    model = buildModel(project.graph, 'imported');
  } catch (error) {
    if (error instanceof TrainingProblem) return { ...answer, project, errors: [], weightProblems: [error.problem] };
    throw error;
  }
  try {
    const layers = targetWeights(model);
    const targets = layers.flatMap((l) => l.targets);
    const match = matchWeights(targets, sources);
    if (!match.ok) return { ...answer, project, errors: [], weightProblems: match.errors };
    setMatchedWeights(layers, match.picks, values);
    await saveLayersModel(model, command.saveDir);
    const classes = (model.outputs[0]!.shape as number[]).at(-1);
    const labels = labelsAmong(beside, classes);
    return { ...answer, project, errors: [], weights: targets.length, labels };
  } finally {
    model.dispose();
  }
}

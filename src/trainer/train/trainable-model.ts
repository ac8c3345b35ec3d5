/**
 * The project's network as TensorFlow.js builds it on the backend selected, ready to train there: the
 * run's, the speed probe's and the automatic choice's measurement all start from it.
 */
import type * as tf from '@tensorflow/tfjs';
import { msg, type BackendChoice, type Project, type TrainerEvent } from '../../core/index.ts';
import { selectBackend } from '../backends/select-backend.ts';
import { buildModel, gapProblem, modelNameOf } from './network-model.ts';
import { trainingGap } from './preflight.ts';
import { TrainingProblem } from './training-problem.ts';

export type Selected = Extract<Awaited<ReturnType<typeof selectBackend>>, { ok: true }>;

/**
 * The project's network built on a backend that can train it: the one selected, or the CPU backend where an
 * automatic choice lacks one of the network's kernels (WebAssembly has no depthwise convolution's gradient),
 * said with a new backend event. Throws a TrainingProblem for what no backend here can train.
 */
export async function trainableModel(
  project: Project,
  backend: BackendChoice,
  selection: Selected,
  emit: (event: TrainerEvent) => void,
): Promise<tf.LayersModel> {
  const modelName = modelNameOf(project.meta.name);
  let model = buildModel(project.graph, modelName);
  // PyTorch trains the network, not TensorFlow.js: its gaps do not matter.
  if (selection.chosen === 'pytorch') return model;
  let gap = trainingGap(model);
  if (gap?.kind === 'kernel' && backend === 'auto' && selection.chosen !== 'cpu') {
    model.dispose();
    const fallback = await selectBackend('cpu');
    if (!fallback.ok) throw new TrainingProblem(fallback.error, false);
    const reason = msg('backend.missingKernel', { kernel: gap.kernel, backend: gap.backend });
    const skipped = { backend: selection.chosen, available: false, reason };
    emit({
      type: 'backend',
      chosen: 'cpu',
      threads: null,
      device: null,
      measured: [],
      reports: [...selection.reports.filter((r) => r.backend !== selection.chosen), skipped, ...fallback.reports],
    });
    model = buildModel(project.graph, modelName);
    gap = trainingGap(model);
  }
  if (gap) {
    model.dispose();
    throw new TrainingProblem(gapProblem(gap, project.graph), false);
  }
  return model;
}

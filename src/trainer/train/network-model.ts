/**
 * The project's network as TensorFlow.js builds it for training, and why a backend cannot train it, in the
 * user's words: the same for the trainer process and the page's trainer.
 */
import type * as tf from '@tensorflow/tfjs';
import { msg, type Graph, type Msg } from '../../core/index.ts';
import { buildTfModel, ModelBuildError } from '../model/build-tf-model.ts';
import type { TrainingGap } from './preflight.ts';
import { TrainingProblem } from './training-problem.ts';

export function buildModel(graph: Graph, name: string): tf.LayersModel {
  try {
    return buildTfModel(graph, name);
  } catch (error) {
    if (error instanceof ModelBuildError) {
      const reason =
        error.reason === 'groups'
          ? `groups = ${error.detail}`
          : error.reason === 'noOutput'
            ? error.reason
            : error.detail;
      throw new TrainingProblem(msg('train.cannotBuild', { layer: error.layer, reason }), false);
    }
    throw error;
  }
}

/** The name a saved model carries: the project's, in the characters TensorFlow.js takes. */
export const modelNameOf = (projectName: string): string => projectName.replace(/[^\w-]/g, '_') || 'model';

/** Why the chosen backend cannot train the network, in the user's words. */
export function gapProblem(gap: TrainingGap, graph: Graph): Msg {
  switch (gap.kind) {
    case 'kernel':
      return msg('train.missingKernel', { kernel: gap.kernel, backend: gap.backend });
    case 'dilation': {
      const dilated = graph.nodes.filter((n) => {
        const d = (n.params as { dilation_rate?: number | number[] }).dilation_rate;
        return d !== undefined && [d].flat().some((v) => v > 1);
      });
      return msg('train.dilatedGradient', { layers: dilated.map((n) => `'${n.name}'`).join(', ') });
    }
    case 'other':
      return msg('train.cannotTrainHere', { detail: gap.detail });
  }
}

/**
 * The Python code the PyTorch engine trains (src/trainer/pytorch/engine.py runs it): the exported nn.Module,
 * its Keras-weight loader, Keras's loss, the augmentation and the optimizer, each as the exported PyTorch
 * script writes it — so the engine trains the very network, loss and update a user can export and read.
 */
import type { Project } from '../document/project-schema.ts';
import type { Msg } from '../i18n/messages.ts';
import { exportPlan } from './export-plan.ts';
import { torchModule } from './pytorch-module.ts';
import { TORCH_IMPORTS, torchAugmentFunction, torchLossFunction, torchOptimizer } from './pytorch-script.ts';
import { indent } from './python-text.ts';

export interface TorchTrainingProgram {
  /** Python source defining MODEL_CLASS, assign_keras_weights, loss_function, augment, make_optimizer, PENALISED. */
  source: string;
  className: string;
}

/** The class name the program gives the network: fixed, so the engine needs no other name. */
const CLASS_NAME = 'Network';

export function torchTrainingProgram(
  project: Project,
): { ok: true; program: TorchTrainingProgram } | { ok: false; errors: Msg[] } {
  const planned = exportPlan(project);
  if (!planned.ok) return planned;
  const s = project.training;
  const module = torchModule(planned.plan, CLASS_NAME);
  const image = planned.plan.input.outputShape.length === 3;
  const augment = s.augmentation && image ? torchAugmentFunction(s) : ['augment = None'];
  const source = [
    'import math',
    '',
    ...TORCH_IMPORTS,
    '',
    '',
    ...module.lines,
    '',
    '',
    ...module.loader,
    '',
    '',
    ...torchLossFunction(s, module.logits),
    '',
    '',
    ...augment,
    '',
    '',
    'def make_optimizer(params):',
    ...indent([`return ${torchOptimizer(s, 'params')}`]),
    '',
    '',
    `MODEL_CLASS = ${CLASS_NAME}`,
    `PENALISED = ${module.penalised ? 'True' : 'False'}`,
    '',
  ];
  return { ok: true, program: { source: source.join('\n'), className: CLASS_NAME } };
}

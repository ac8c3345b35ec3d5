/**
 * A PyTorch nn.Module that is the drawn network layer for layer, with Keras's numbers: image tensors are
 * channels first (N, C, H, W) as PyTorch wants, Flatten goes back to Keras's channels-last order first so
 * Dense weights transfer unchanged, 'same' padding is TensorFlow's (the odd pixel after), BatchNormalization
 * takes Keras's momentum and epsilon. Also writes the function that loads weights exported from ConvStudio
 * or Keras (an .npz of "layer/weight" arrays) into the module.
 */
import { layerModule } from '../layers/catalogue.ts';
import type { LayerCode } from '../layers/layer-module.ts';
import type { ExportPlan, PlannedLayer } from './export-plan.ts';
import { isImage } from './torch-parts.ts';
import { indent } from './python-text.ts';

function layerCode(l: PlannedLayer, out: string): LayerCode {
  const code = layerModule(l.node.type).torch(l, out);
  if (l.node.trainable !== false) return code;
  // Frozen (Keras's trainable = False): none of what the layer made learns.
  const made = code.init.flatMap((line) => /^self\.(\w+) = /.exec(line)?.[1] ?? []);
  return { ...code, init: [...code.init, ...made.map((name) => `self.${name}.requires_grad_(False)`)] };
}

/** Layers that, frozen, run as at inference even in training (a frozen BatchNormalization, as in Keras). */
function inferenceOnly(plan: ExportPlan): string[] {
  return plan.layers
    .filter((l) => l.node.trainable === false && layerModule(l.node.type).frozenRunsAsInference)
    .map((l) => l.id);
}

export interface TorchModule {
  className: string;
  /** The class definition. */
  lines: string[];
  /** def load_keras_weights(model, path): … */
  loader: string[];
  /** Whether the class has a penalty() method (L1/L2 regularizers). */
  penalised: boolean;
}

export function torchModule(plan: ExportPlan, className: string): TorchModule {
  const variable = (l: PlannedLayer) => (plan.chain ? 'x' : l.id);
  const codes = plan.layers.map((l) => ({ l, code: layerCode(l, variable(l)) }));
  const init = codes.flatMap(({ code }) => code.init);
  const forward = codes.flatMap(({ l, code }) => code.forward(l.inputs.map(variable)));
  const penalty = codes.flatMap(({ code }) => code.penalty);
  const frozenNorms = inferenceOnly(plan);
  const inputShape = plan.input.outputShape;
  const torchShape = isImage(inputShape) ? [inputShape[2]!, inputShape[0]!, inputShape[1]!] : inputShape;
  const lines = [
    `class ${className}(nn.Module):`,
    ...indent([
      `"""${plan.project.meta.name} as drawn in ConvStudio. Input: (N, ${torchShape.join(', ')}), images channels first."""`,
      '',
      'def __init__(self):',
      ...indent(['super().__init__()', ...init]),
      '',
      `def forward(self, ${variable(plan.input)}):`,
      ...indent([...forward, `return ${variable(plan.output)}`]),
      ...(penalty.length > 0
        ? [
            '',
            'def penalty(self):',
            ...indent(['"""Keras\'s kernel regularizers: added to the loss."""', `return ${penalty.join(' + ')}`]),
          ]
        : []),
      ...(frozenNorms.length > 0
        ? [
            '',
            'def train(self, mode=True):',
            ...indent([
              '"""Frozen BatchNormalization layers stay in eval mode, as Keras runs them when trainable = False."""',
              'super().train(mode)',
              ...frozenNorms.map((id) => `self.${id}.eval()`),
              'return self',
            ]),
          ]
        : []),
    ]),
  ];
  const loads = codes.flatMap(({ code }) => code.load);
  const loader = [
    'def load_keras_weights(model, path):',
    ...indent([
      '"""Weights exported from ConvStudio (an .npz of "layer/weight" arrays, channels last, as Keras keeps them)."""',
      'saved = np.load(path)',
      '',
      'def get(name):',
      '    return torch.from_numpy(saved[name].copy())',
      '',
      ...(loads.length > 0 ? ['with torch.no_grad():', ...indent(loads)] : ['pass']),
    ]),
  ];
  return { className, lines, loader, penalised: penalty.length > 0 };
}

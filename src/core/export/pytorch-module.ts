/**
 * A PyTorch nn.Module that is the drawn network layer for layer, with Keras's numbers: image tensors are
 * channels first (N, C, H, W) as PyTorch wants, Flatten goes back to Keras's channels-last order first so
 * Dense weights transfer unchanged, 'same' padding is TensorFlow's (the odd pixel after), BatchNormalization
 * takes Keras's momentum and epsilon. Also writes the function that loads weights exported from ConvStudio
 * or Keras (an .npz of "layer/weight" arrays) into the module.
 */
import type { Shape } from '../analysis/types.ts';
import type { ActivationName } from '../layers/params.ts';
import { samePadding, type ExportPlan, type PlannedLayer } from './export-plan.ts';
import { indent, pyBool, pyNumber, pyString, pyTuple } from './python-text.ts';

/** Rank-3 tensors (height, width, channels in Keras) are channels first in PyTorch; others are as in Keras. */
const isImage = (shape: Shape) => shape.length === 3;

function activation(name: ActivationName, x: string, shape: Shape): string {
  const dim = isImage(shape) ? 1 : -1;
  switch (name) {
    case 'linear':
      return x;
    case 'relu':
      return `F.relu(${x})`;
    case 'sigmoid':
      return `torch.sigmoid(${x})`;
    case 'tanh':
      return `torch.tanh(${x})`;
    case 'softmax':
      return `F.softmax(${x}, dim=${dim})`;
    case 'leaky_relu':
      // Keras 3's default slope.
      return `F.leaky_relu(${x}, 0.2)`;
    case 'elu':
      return `F.elu(${x})`;
    case 'selu':
      return `F.selu(${x})`;
    case 'softplus':
      return `F.softplus(${x})`;
    case 'softsign':
      return `F.softsign(${x})`;
    case 'swish':
      return `F.silu(${x})`;
    case 'gelu':
      return `F.gelu(${x})`;
    case 'relu6':
      return `F.relu6(${x})`;
    case 'hard_sigmoid':
      return `F.hardsigmoid(${x})`;
    case 'exponential':
      return `torch.exp(${x})`;
  }
}

/** F.pad's order: (left, right, top, bottom). */
type Pads = [number, number, number, number];

function spatialPads(
  input: Shape,
  kernel: readonly number[],
  stride: readonly number[],
  dilation: readonly number[],
  padding: 'valid' | 'same' | number,
): Pads {
  if (padding === 'valid') return [0, 0, 0, 0];
  if (typeof padding === 'number') return [padding, padding, padding, padding];
  const [top, bottom] = samePadding(input[0]!, kernel[0]!, stride[0]!, dilation[0]);
  const [left, right] = samePadding(input[1]!, kernel[1]!, stride[1]!, dilation[1]);
  return [left, right, top, bottom];
}

const symmetric = ([l, r, t, b]: Pads) => l === r && t === b;
const padTuple = (p: Pads) => pyTuple(p);

interface LayerCode {
  /** Statements for __init__ (without `self.` prefixes added: they include them). */
  init: string[];
  /** The expression of the layer's output, given its inputs' variable names. */
  forward: (inputs: string[]) => string[];
  /** Lines for load_keras_weights, `saved` being the .npz. */
  load: string[];
  /** Terms of the weight penalty (Keras's L1L2 regularizers). */
  penalty: string[];
}

function penaltyTerms(id: string, l1: number, l2: number): string[] {
  return [
    ...(l1 > 0 ? [`${pyNumber(l1, true)} * self.${id}.weight.abs().sum()`] : []),
    ...(l2 > 0 ? [`${pyNumber(l2, true)} * self.${id}.weight.pow(2).sum()`] : []),
  ];
}

function layerCode(l: PlannedLayer, out: string): LayerCode {
  const id = l.id;
  const name = l.node.name;
  const input = l.inputShapes[0] ?? [];
  const none: LayerCode = { init: [], forward: () => [], load: [], penalty: [] };
  const key = (weight: string) => pyString(`${name}/${weight}`);
  switch (l.node.type) {
    case 'Input':
      return none;
    case 'Conv2D': {
      const p = l.node.params;
      const pads = spatialPads(input, p.kernel_size, p.strides, p.dilation_rate, p.padding);
      const even = symmetric(pads);
      const init = [
        ...(even ? [] : [`self.${id}_pad = nn.ZeroPad2d(${padTuple(pads)})`]),
        `self.${id} = nn.Conv2d(${input[2]}, ${p.filters}, kernel_size=${pyTuple(p.kernel_size)}, stride=${pyTuple(p.strides)}, padding=${even ? pyTuple([pads[2], pads[0]]) : '0'}, dilation=${pyTuple(p.dilation_rate)}, groups=${p.groups}, bias=${pyBool(p.use_bias)})`,
      ];
      const conv = (x: string) => (even ? `self.${id}(${x})` : `self.${id}(self.${id}_pad(${x}))`);
      return {
        init,
        forward: ([x]) => [`${out} = ${activation(p.activation, conv(x!), l.outputShape)}`],
        load: [
          `model.${id}.weight.copy_(get(${key('kernel')}).permute(3, 2, 0, 1))`,
          ...(p.use_bias ? [`model.${id}.bias.copy_(get(${key('bias')}))`] : []),
        ],
        penalty: penaltyTerms(id, p.kernel_l1, p.kernel_l2),
      };
    }
    case 'MaxPooling2D':
    case 'AveragePooling2D': {
      const p = l.node.params;
      const strides = p.strides ?? p.pool_size;
      const pads = spatialPads(input, p.pool_size, strides, [1, 1], p.padding);
      const max = l.node.type === 'MaxPooling2D';
      const fits = symmetric(pads) && pads[0] * 2 <= p.pool_size[1]! && pads[2] * 2 <= p.pool_size[0]!;
      const module = max ? 'nn.MaxPool2d' : 'nn.AvgPool2d';
      const args = `${pyTuple(p.pool_size)}, stride=${pyTuple(strides)}`;
      if (typeof p.padding === 'number' && p.padding > 0) {
        // Numeric padding is zeros, as ZeroPadding2D adds them in Keras.
        return {
          ...none,
          init: [`self.${id}_pad = nn.ZeroPad2d(${p.padding})`, `self.${id} = ${module}(${args})`],
          forward: ([x]) => [`${out} = self.${id}(self.${id}_pad(${x}))`],
        };
      }
      if (p.padding !== 'same' || fits) {
        const padding = p.padding === 'same' ? `, padding=${pyTuple([pads[2], pads[0]])}` : '';
        const exclude = !max && p.padding === 'same' ? ', count_include_pad=False' : '';
        return {
          ...none,
          init: [`self.${id} = ${module}(${args}${padding}${exclude})`],
          forward: ([x]) => [`${out} = self.${id}(${x})`],
        };
      }
      // TensorFlow's 'same' pads unevenly here: the padding never wins a max and never counts in a mean.
      return {
        ...none,
        init: [`self.${id} = ${module}(${args})`],
        forward: ([x]) =>
          max
            ? [`${out} = self.${id}(F.pad(${x}, ${padTuple(pads)}, value=float("-inf")))`]
            : [
                `${out} = self.${id}(F.pad(${x}, ${padTuple(pads)})) / self.${id}(F.pad(torch.ones_like(${x}[:, :1]), ${padTuple(pads)}))`,
              ],
      };
    }
    case 'GlobalAveragePooling2D':
    case 'GlobalMaxPooling2D': {
      const op = l.node.type === 'GlobalAveragePooling2D' ? 'mean' : 'amax';
      const keep = pyBool(l.node.params.keepdims);
      return { ...none, forward: ([x]) => [`${out} = ${x}.${op}(dim=(2, 3), keepdim=${keep})`] };
    }
    case 'Flatten':
      return {
        ...none,
        forward: ([x]) => [
          isImage(input) ? `${out} = ${x}.permute(0, 2, 3, 1).flatten(1)  # Keras's order` : `${out} = ${x}.flatten(1)`,
        ],
      };
    case 'Dense': {
      const p = l.node.params;
      const dense = (x: string) =>
        isImage(input) ? `self.${id}(${x}.permute(0, 2, 3, 1)).permute(0, 3, 1, 2)` : `self.${id}(${x})`;
      return {
        init: [`self.${id} = nn.Linear(${input.at(-1)}, ${p.units}, bias=${pyBool(p.use_bias)})`],
        forward: ([x]) => [`${out} = ${activation(p.activation, dense(x!), l.outputShape)}`],
        load: [
          `model.${id}.weight.copy_(get(${key('kernel')}).T)`,
          ...(p.use_bias ? [`model.${id}.bias.copy_(get(${key('bias')}))`] : []),
        ],
        penalty: penaltyTerms(id, p.kernel_l1, p.kernel_l2),
      };
    }
    case 'Dropout':
      return {
        ...none,
        init: [`self.${id} = nn.Dropout(${pyNumber(l.node.params.rate, true)})`],
        forward: ([x]) => [`${out} = self.${id}(${x})`],
      };
    case 'BatchNormalization': {
      const p = l.node.params;
      const features = isImage(input) ? input[2]! : input.at(-1)!;
      const module = isImage(input) ? 'nn.BatchNorm2d' : 'nn.BatchNorm1d';
      const both = p.center && p.scale;
      const view = isImage(input) ? '.view(1, -1, 1, 1)' : '';
      // PyTorch's momentum weighs the new batch; Keras's weighs the running average.
      const init = [
        `self.${id} = ${module}(${features}, eps=${pyNumber(p.epsilon, true)}, momentum=${pyNumber(Number((1 - p.momentum).toPrecision(12)), true)}, affine=${pyBool(both)})`,
        ...(!both && p.scale ? [`self.${id}_gamma = nn.Parameter(torch.ones(${features}))`] : []),
        ...(!both && p.center ? [`self.${id}_beta = nn.Parameter(torch.zeros(${features}))`] : []),
      ];
      const gamma = both ? `model.${id}.weight` : `model.${id}_gamma`;
      const beta = both ? `model.${id}.bias` : `model.${id}_beta`;
      return {
        init,
        forward: ([x]) => [
          `${out} = self.${id}(${x})`,
          ...(!both && p.scale ? [`${out} = ${out} * self.${id}_gamma${view}`] : []),
          ...(!both && p.center ? [`${out} = ${out} + self.${id}_beta${view}`] : []),
        ],
        load: [
          ...(p.scale ? [`${gamma}.copy_(get(${key('gamma')}))`] : []),
          ...(p.center ? [`${beta}.copy_(get(${key('beta')}))`] : []),
          `model.${id}.running_mean.copy_(get(${key('moving_mean')}))`,
          `model.${id}.running_var.copy_(get(${key('moving_variance')}))`,
        ],
        penalty: [],
      };
    }
    case 'Activation': {
      const fn = l.node.params.activation;
      return { ...none, forward: ([x]) => [`${out} = ${activation(fn, x!, l.outputShape)}`] };
    }
    case 'ZeroPadding2D': {
      const [[t, b], [left, r]] = l.node.params.padding;
      return {
        ...none,
        init: [`self.${id} = nn.ZeroPad2d(${pyTuple([left, r, t, b])})`],
        forward: ([x]) => [`${out} = self.${id}(${x})`],
      };
    }
    case 'Add':
      return { ...none, forward: (xs) => [`${out} = ${xs.join(' + ')}`] };
    case 'Concatenate': {
      const axis = l.node.params.axis;
      const rank = input.length;
      const kerasAxis = axis < 0 ? rank + 1 + axis : axis;
      // Keras axes 1, 2, 3 of an image are height, width, channels; PyTorch keeps channels at 1.
      const dim = isImage(input) ? ([0, 2, 3, 1] as const)[kerasAxis]! : kerasAxis;
      return { ...none, forward: (xs) => [`${out} = torch.cat([${xs.join(', ')}], dim=${dim})`] };
    }
  }
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

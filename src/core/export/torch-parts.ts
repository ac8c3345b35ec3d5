/**
 * Pieces the layer modules' PyTorch code shares: activations as PyTorch writes them, TensorFlow's 'same'
 * padding as explicit pads, weight penalties.
 */
import type { Shape } from '../analysis/types.ts';
import type { LayerCode } from '../layers/layer-module.ts';
import type { ActivationName } from '../layers/params.ts';
import { pyNumber, pyString, pyTuple } from './python-text.ts';

/** Rank-3 tensors (height, width, channels in Keras) are channels first in PyTorch; others are as in Keras. */
export const isImage = (shape: Shape) => shape.length === 3;

export function torchActivation(name: ActivationName, x: string, shape: Shape): string {
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

/** TensorFlow's 'same' padding along one axis: [before, after], the odd pixel after. */
export function samePadding(size: number, kernel: number, stride: number, dilation = 1): [number, number] {
  const span = (kernel - 1) * dilation + 1;
  const total = Math.max((Math.ceil(size / stride) - 1) * stride + span - size, 0);
  return [Math.floor(total / 2), total - Math.floor(total / 2)];
}

/** F.pad's order: (left, right, top, bottom). */
export type Pads = [number, number, number, number];

export function spatialPads(
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

export const symmetric = ([l, r, t, b]: Pads) => l === r && t === b;
export const padTuple = (p: Pads) => pyTuple(p);

export function penaltyTerms(id: string, l1: number, l2: number): string[] {
  return [
    ...(l1 > 0 ? [`${pyNumber(l1, true)} * self.${id}.weight.abs().sum()`] : []),
    ...(l2 > 0 ? [`${pyNumber(l2, true)} * self.${id}.weight.pow(2).sum()`] : []),
  ];
}

/** A layer with nothing of its own in the PyTorch module (its forward set by the caller). */
export const NO_CODE: LayerCode = { init: [], forward: () => [], load: [], penalty: [] };

/** Loading a Keras kernel (turned to PyTorch's layout by `layout`) and bias into `self.<id>`. */
export function kernelAndBiasLoad(
  id: string,
  layer: string,
  layout: string,
  bias: boolean,
  kernel = 'kernel',
): string[] {
  const key = (weight: string) => pyString(`${layer}/${weight}`);
  return [
    `model.${id}.weight.copy_(get(${key(kernel)})${layout})`,
    ...(bias ? [`model.${id}.bias.copy_(get(${key('bias')}))`] : []),
  ];
}

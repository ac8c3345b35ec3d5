/**
 * A layer's key settings in one line, as the canvas shows them under its type:
 * Conv2D '32 × 3×3 · s1 · same · ReLU', MaxPooling2D '2×2 · s2', Dense '128 · ReLU', Dropout '0.25'.
 */
import type { LayerNode } from '../document/graph-schema.ts';
import type { ActivationName, Pair, Padding } from '../layers/params.ts';
import { formatInt, formatNumber, formatShape } from '../format/number.ts';

const ACTIVATION_LABELS: Partial<Record<ActivationName, string>> = {
  relu: 'ReLU',
  leaky_relu: 'LeakyReLU',
  elu: 'ELU',
  selu: 'SELU',
  gelu: 'GELU',
  relu6: 'ReLU6',
};

export function activationLabel(name: ActivationName): string {
  return ACTIVATION_LABELS[name] ?? name;
}

const pair = ([a, b]: Pair): string => `${formatInt(a)}×${formatInt(b)}`;
const stride = ([a, b]: Pair): string => (a === b ? `s${formatInt(a)}` : `s${formatInt(a)}×${formatInt(b)}`);
const padding = (p: Padding): string => (typeof p === 'number' ? `p${formatInt(p)}` : p);

export function keySettings(node: LayerNode): string {
  const parts: string[] = [];
  switch (node.type) {
    case 'Input':
      parts.push(formatShape(node.params.shape));
      break;
    case 'Conv2D': {
      const p = node.params;
      parts.push(`${formatInt(p.filters)} × ${pair(p.kernel_size)}`, stride(p.strides), padding(p.padding));
      if (p.dilation_rate[0] !== 1 || p.dilation_rate[1] !== 1) parts.push(`d${pair(p.dilation_rate)}`);
      if (p.activation !== 'linear') parts.push(activationLabel(p.activation));
      break;
    }
    case 'MaxPooling2D':
    case 'AveragePooling2D': {
      const p = node.params;
      parts.push(pair(p.pool_size), stride(p.strides ?? p.pool_size));
      if (p.padding !== 'valid') parts.push(padding(p.padding));
      break;
    }
    case 'Dense':
      parts.push(formatInt(node.params.units));
      if (node.params.activation !== 'linear') parts.push(activationLabel(node.params.activation));
      break;
    case 'Dropout':
      parts.push(formatNumber(node.params.rate));
      break;
    case 'Activation':
      parts.push(activationLabel(node.params.activation));
      break;
    case 'ZeroPadding2D': {
      const [[t, b], [l, r]] = node.params.padding;
      parts.push(t === b && l === r && t === l ? `p${formatInt(t)}` : `${t},${b} × ${l},${r}`);
      break;
    }
    case 'Concatenate':
      if (node.params.axis !== -1) parts.push(`axis ${node.params.axis}`);
      break;
    default:
      break;
  }
  return parts.join(' · ');
}

/**
 * One unit of a Dense layer, worked out with its numbers: every input times its weight, their sum, the bias,
 * and the activation. Keras keeps the kernel as [inputs, units]. A softmax needs every unit's total, so the
 * step works out the whole layer's totals and takes the unit's share of them.
 */
import type { ActivationName } from '../layers/params.ts';
import { activateOne } from './conv-step.ts';

export interface DenseStepInput {
  input: ArrayLike<number>;
  kernel: { values: ArrayLike<number>; shape: readonly [number, number] };
  bias: ArrayLike<number> | null;
  activation: ActivationName;
  unit: number;
}

export interface DenseProduct {
  /** Which input (0-based), its value, its weight to this unit, and their product. */
  index: number;
  x: number;
  w: number;
  product: number;
}

export interface DenseStep {
  products: DenseProduct[];
  sum: number;
  bias: number;
  preActivation: number;
  /** After the activation (for softmax, the unit's share of all units' totals). */
  value: number;
}

function total(step: DenseStepInput, unit: number): { products: DenseProduct[]; sum: number; bias: number } {
  const [inputs, units] = step.kernel.shape;
  const products: DenseProduct[] = [];
  let sum = 0;
  for (let i = 0; i < inputs; i++) {
    const x = step.input[i]!;
    const w = step.kernel.values[i * units + unit]!;
    products.push({ index: i, x, w, product: x * w });
    sum += x * w;
  }
  return { products, sum, bias: step.bias ? step.bias[unit]! : 0 };
}

export function denseAt(step: DenseStepInput): DenseStep {
  const { products, sum, bias } = total(step, step.unit);
  const preActivation = sum + bias;
  if (step.activation !== 'softmax') {
    return { products, sum, bias, preActivation, value: activateOne(step.activation, preActivation) ?? preActivation };
  }
  const all = Array.from({ length: step.kernel.shape[1] }, (_, u) => {
    const t = u === step.unit ? { sum, bias } : total(step, u);
    return t.sum + t.bias;
  });
  const top = Math.max(...all);
  const exps = all.map((z) => Math.exp(z - top));
  const value = exps[step.unit]! / exps.reduce((a, b) => a + b, 0);
  return { products, sum, bias, preActivation, value };
}

/** The products that weigh most (by size), largest first, and what the rest add up to. */
export function largestProducts(products: readonly DenseProduct[], count: number) {
  const sorted = [...products].sort((a, b) => Math.abs(b.product) - Math.abs(a.product));
  const shown = sorted.slice(0, count);
  const rest = sorted.slice(count);
  return { shown, rest: rest.length, restSum: rest.reduce((a, p) => a + p.product, 0) };
}

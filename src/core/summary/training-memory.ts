/**
 * An estimate of the memory one training step needs, in float32: weights, their gradients, Adam's two
 * moment estimates, and every layer's output kept for the backward pass plus its gradient, for a batch.
 * Frameworks add workspace and fragmentation on top; this is the floor, not a promise.
 */
import type { Analysis } from '../analysis/types.ts';

const BYTES = 4;

export interface TrainingMemory {
  weights: number;
  gradients: number;
  optimizer: number;
  activations: number;
  total: number;
}

export function trainingMemory(analysis: Analysis, batchSize: number): TrainingMemory {
  const params = analysis.totals.total;
  const weights = params * BYTES;
  const gradients = analysis.totals.trainable * BYTES;
  const optimizer = 2 * analysis.totals.trainable * BYTES;
  const activations = 2 * analysis.totals.activationBytes * batchSize;
  return { weights, gradients, optimizer, activations, total: weights + gradients + optimizer + activations };
}

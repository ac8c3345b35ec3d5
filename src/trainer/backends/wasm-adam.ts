/**
 * Adam's update of one weight tensor as one pass on TensorFlow.js's wasm backend. TensorFlow.js's
 * AdamOptimizer spends eleven element-wise kernels and as many new tensors per weight on every step
 * (moments, bias corrections, square root, quotient, update), each on one thread: 12% of the textbook
 * net's two-thread step, the largest part of it that the threads did not share. The same arithmetic (Keras's
 * and TensorFlow.js's Adam, ε from the backend) in one SIMD pass split over the threads gives the new
 * weights and both moments:
 *
 *   m ← β₁·m + (1 − β₁)·g        v ← β₂·v + (1 − β₂)·g²
 *   w ← w − lr · (m / (1 − β₁ᵗ)) / (√(v / (1 − β₂ᵗ)) + ε)
 *
 * On other backends, and for anything not float32, it is TensorFlow.js's own optimizer unchanged. This file
 * loads no WebAssembly of its own (the page's trainer uses the optimizer too); the kernel is
 * wasm-adam-kernel.ts.
 */
import * as tf from '@tensorflow/tfjs';
import { getKernel } from '@tensorflow/tfjs';

/** The kernel (wasm-adam-kernel.ts, registered with the wasm backend's training kernels). */
export const ADAM = 'ConvStudioAdam';

export interface AdamAttrs {
  learningRate: number;
  beta1: number;
  beta2: number;
  /** 1 − β₁ᵗ and 1 − β₂ᵗ for this step. */
  correction1: number;
  correction2: number;
  epsilon: number;
}

/** TensorFlow.js's Adam, each weight's update one pass where the backend is wasm. */
export class FusedAdam extends tf.AdamOptimizer {
  constructor(learningRate: number) {
    super(learningRate, 0.9, 0.999);
  }

  override applyGradients(variableGradients: Parameters<tf.AdamOptimizer['applyGradients']>[0]): void {
    const fused = tf.getBackend() === 'wasm' && getKernel(ADAM, 'wasm') !== undefined;
    const list = Array.isArray(variableGradients)
      ? variableGradients
      : Object.entries(variableGradients).map(([name, tensor]) => ({ name, tensor }));
    if (!fused || list.some(({ tensor }) => tensor.dtype !== 'float32')) return super.applyGradients(variableGradients);
    const self = this as unknown as {
      accumulatedFirstMoment: { originalName: string; variable: tf.Variable }[];
      accumulatedSecondMoment: { originalName: string; variable: tf.Variable }[];
      accBeta1: tf.Variable;
      accBeta2: tf.Variable;
      incrementIterations(): void;
    };
    // This is step t = iterations + 1 (the count the optimizer keeps, and restores with its weights).
    const t = this.iterations + 1;
    const attrs: AdamAttrs = {
      learningRate: this.learningRate,
      beta1: this.beta1,
      beta2: this.beta2,
      correction1: 1 - this.beta1 ** t,
      correction2: 1 - this.beta2 ** t,
      epsilon: this.epsilon,
    };
    tf.tidy(() => {
      list.forEach(({ name, tensor: g }, i) => {
        const value = tf.engine().registeredVariables[name]!;
        self.accumulatedFirstMoment[i] ??= { originalName: `${name}/m`, variable: tf.zerosLike(value).variable(false) };
        self.accumulatedSecondMoment[i] ??= {
          originalName: `${name}/v`,
          variable: tf.zerosLike(value).variable(false),
        };
        const m = self.accumulatedFirstMoment[i].variable;
        const v = self.accumulatedSecondMoment[i].variable;
        const [w1, m1, v1] = tf.engine().runKernel(ADAM, { value, m, v, g }, attrs as never) as tf.Tensor[];
        value.assign(w1!);
        m.assign(m1!);
        v.assign(v1!);
      });
      // TensorFlow.js's own path reads these: β^(t+1), as it keeps them.
      self.accBeta1.assign(tf.scalar(this.beta1 ** (t + 1)));
      self.accBeta2.assign(tf.scalar(this.beta2 ** (t + 1)));
    });
    self.incrementIterations();
  }
}

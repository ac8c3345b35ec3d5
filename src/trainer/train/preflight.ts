/**
 * Before the first batch: one gradient of the built model on a batch of zeros, on the chosen backend, so a
 * network the backend cannot train is refused (or moved to a backend that can) before training starts,
 * never half-way. Nothing is learnt: the gradient is computed and thrown away.
 */
import * as tf from '@tensorflow/tfjs';

export type TrainingGap =
  /** The backend lacks a kernel (WebAssembly has no depthwise-convolution gradient). */
  | { kind: 'kernel'; kernel: string; backend: string }
  /** TensorFlow.js has no gradient for dilated convolutions on any backend. */
  | { kind: 'dilation' }
  | { kind: 'other'; detail: string };

export function trainingGap(model: tf.LayersModel): TrainingGap | null {
  // A training-mode call moves BatchNormalization's statistics: they are put back afterwards.
  const statistics = model.nonTrainableWeights.map((w) => w.read().clone());
  try {
    tf.tidy(() => {
      const inputs = model.inputs.map((i) => tf.zeros([2, ...(i.shape.slice(1) as number[])]));
      const loss = () => {
        const out = model.apply(inputs.length === 1 ? inputs[0]! : inputs, { training: true }) as
          tf.Tensor | tf.Tensor[];
        return tf.addN([out].flat().map((o) => tf.mean(tf.square(o)))) as tf.Scalar;
      };
      tf.variableGrads(loss);
    });
    return null;
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error);
    const kernel = /Kernel '(\w+)' not registered for backend '(\w+)'/.exec(text);
    if (kernel) return { kind: 'kernel', kernel: kernel[1]!, backend: kernel[2]! };
    if (/dilation rates greater than 1 are not yet supported in gradients/.test(text)) return { kind: 'dilation' };
    return { kind: 'other', detail: text.split('\n')[0]!.slice(0, 200) };
  } finally {
    model.nonTrainableWeights.forEach((w, i) => w.write(statistics[i]!));
    tf.dispose(statistics);
  }
}

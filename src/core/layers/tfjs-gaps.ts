/**
 * What TensorFlow.js lacks of Keras, and the layers the trainer builds instead: activations TF.js has no
 * name for become a layer of their own after the call, as the Keras export writes them for Keras 2.
 */
import type { KerasCall } from './keras-config.ts';
import { kerasArg } from './keras-config.ts';
import type { TfjsAdaptation } from './layer-module.ts';
import { ACTIVATIONS } from './params.ts';

/** Keras 3's default slope for leaky_relu. */
export const LEAKY_RELU_SLOPE = 0.2;

/** Activations TF.js knows by name (after its snake_case → camelCase conversion): all but these two. */
const TFJS_ACTIVATIONS = new Set<string>(ACTIVATIONS.filter((a) => a !== 'leaky_relu' && a !== 'exponential'));

export const leakyReluCall = (name: string): KerasCall => ({
  className: 'LeakyReLU',
  name,
  args: [kerasArg.float('alpha', LEAKY_RELU_SLOPE)],
});

/** A layer with a fused activation (the last of `calls`): leaky_relu becomes a LeakyReLU layer after it. */
export function fusedActivationForTfjs(calls: KerasCall[]): TfjsAdaptation {
  const last = calls.at(-1)!;
  const activation = last.args.find((a) => a.key === 'activation')?.value;
  if (activation === 'leaky_relu') {
    const linear = {
      ...last,
      args: last.args.map((a) => (a.key === 'activation' ? kerasArg.text('activation', 'linear') : a)),
    };
    return { ok: true, calls: [...calls.slice(0, -1), linear, leakyReluCall(`${last.name}_activation`)] };
  }
  if (typeof activation === 'string' && !TFJS_ACTIVATIONS.has(activation)) {
    return { ok: false, reason: 'activation', detail: activation };
  }
  return { ok: true, calls };
}

/** An Activation layer: leaky_relu is TF.js's LeakyReLU layer. */
export function activationLayerForTfjs(calls: KerasCall[]): TfjsAdaptation {
  const call = calls[0]!;
  const activation = call.args.find((a) => a.key === 'activation')?.value;
  if (activation === 'leaky_relu') return { ok: true, calls: [leakyReluCall(call.name)] };
  if (typeof activation === 'string' && !TFJS_ACTIVATIONS.has(activation)) {
    return { ok: false, reason: 'activation', detail: activation };
  }
  return { ok: true, calls };
}

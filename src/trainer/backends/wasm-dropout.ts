/**
 * Dropout in training as one SIMD pass on TensorFlow.js's wasm backend, split over the threads.
 * TensorFlow.js draws the layer's mask in plain JavaScript (one generator call per value: 2.5 ms of the
 * textbook net's step, on one thread whatever the thread count), then spends four element-wise kernels on
 * it forward and one backward. Here the kernel decides from each value's index and a seed drawn per call
 * (training-kernels.wat), and the gradient is the same kernel on dy with the same seed: the same values
 * are kept, nothing is stored, and any split between threads gives the same mask.
 *
 * TensorFlow.js's Dropout layer is replaced, under its class name, by one that takes this path in training
 * on wasm and is otherwise TensorFlow.js's own (other backends, a noise shape or a seed set, when
 * predicting). Saved models name the class 'Dropout' with the same settings either way.
 */
import * as tf from '@tensorflow/tfjs';
import {
  engine,
  getKernel,
  registerGradient,
  registerKernel,
  type KernelConfig,
  type Tensor,
  type TensorInfo,
} from '@tensorflow/tfjs';
import { elementParts } from './simd/kernel-pool.ts';
import { floatBits, kernelsRunHere, pointer, trainingKernels, type WasmBackendHeap } from './simd/training-kernels.ts';

const DROPOUT = 'ConvStudioDropout';

interface DropoutAttrs {
  rate: number;
  /** 32 random bits, drawn once per forward call and kept by the gradient. */
  seed: number;
}

function dropoutKernel({
  inputs,
  backend,
  attrs,
}: {
  inputs: { x: TensorInfo };
  backend: unknown;
  attrs: DropoutAttrs;
}) {
  const heap = backend as WasmBackendHeap;
  const simd = trainingKernels(heap)!;
  const { x } = inputs;
  const out = heap.makeOutput([...x.shape], 'float32');
  const [px, pout] = [pointer(heap, x), pointer(heap, out)];
  // A value is kept where its hash is at least rate · 2³² (as a signed 32-bit integer for the call).
  const threshold = Math.min(Math.floor(attrs.rate * 2 ** 32), 2 ** 32 - 1) | 0;
  const scale = floatBits(1 / (1 - attrs.rate));
  const count = x.shape.reduce((a, b) => a * b, 1);
  simd.split(
    'dropout',
    elementParts(count, simd.threads).map(([a, b]) => [
      px + 4 * a,
      pout + 4 * a,
      b - a,
      a,
      attrs.seed,
      threshold,
      scale,
    ]),
  );
  return out;
}

type LayerArgs = { rate: number; noiseShape?: number[] | null; seed?: number | null };
type DropoutLayer = tf.layers.Layer & { rate: number; noiseShape?: number[] | null; seed?: number | null };

/**
 * TensorFlow.js's Dropout, taking this kernel in training on wasm. `TfjsDropout`: TensorFlow.js's own class
 * (tfjs-layers does not export it by name: it is read from the serialization map, so no layer is made, whose
 * name would take "dropout" from the next unnamed one).
 */
function fastDropout(TfjsDropout: new (args: LayerArgs) => DropoutLayer) {
  return class Dropout extends TfjsDropout {
    static readonly className = 'Dropout';

    override call(inputs: tf.Tensor | tf.Tensor[], kwargs: tf.serialization.ConfigDict): tf.Tensor | tf.Tensor[] {
      const x = Array.isArray(inputs) ? inputs[0]! : inputs;
      const ours =
        kwargs.training === true &&
        this.rate > 0 &&
        this.rate < 1 &&
        this.noiseShape == null &&
        this.seed == null &&
        x.dtype === 'float32' &&
        tf.getBackend() === 'wasm' &&
        getKernel(DROPOUT, 'wasm') !== undefined;
      if (!ours) return super.call(inputs, kwargs);
      const attrs: DropoutAttrs = { rate: this.rate, seed: (Math.random() * 2 ** 32) | 0 };
      return engine().runKernel(DROPOUT, { x }, attrs as never) as Tensor;
    }
  };
}

/** Registers the kernel, its gradient and the layer, where this engine runs the SIMD kernels. */
export function registerWasmDropout(): void {
  if (getKernel(DROPOUT, 'wasm') || !kernelsRunHere()) return;
  registerKernel({
    kernelName: DROPOUT,
    backendName: 'wasm',
    kernelFunc: dropoutKernel as unknown as KernelConfig['kernelFunc'],
  });
  registerGradient({
    kernelName: DROPOUT,
    gradFunc: (dy, _saved, attrs) => ({
      x: () => engine().runKernel(DROPOUT, { x: dy as Tensor }, attrs as never) as Tensor,
    }),
  });
  const [tfjsDropout] = tf.serialization.SerializationMap.getMap().classNameMap.Dropout!;
  const Dropout = fastDropout(tfjsDropout as unknown as new (args: LayerArgs) => DropoutLayer);
  tf.serialization.registerClass(Dropout as unknown as tf.serialization.SerializableConstructor<tf.layers.Layer>);
}

/**
 * A trained network in the page: its predictions for one image and what each layer makes of it. Built from
 * the model the trainer saved (`train.model`), with layer names as drawn on the canvas. Pixels are bytes in
 * the network's Input shape, scaled to the range its run trained with (core's pixel-range.ts).
 */
import { asProbabilities, base64ToBytes, scaledPixels, type PixelRange, type TrainedModel } from '@core/index.ts';
import type * as Runtime from './tfjs-runtime.ts';

type Tf = typeof Runtime;
type LayersModel = Runtime.layers.LayersModel;
type Layer = ReturnType<LayersModel['getLayer']>;

/** One layer's output for the image on show. */
export interface LayerOutput {
  /** The layer's name as drawn. */
  name: string;
  /** Keras class name: Conv2D, MaxPooling2D, Dense, … */
  kind: string;
  /** Without the batch dimension. */
  shape: number[];
  values: Float32Array;
}

export interface Kernel {
  layer: string;
  /** [kernel height, kernel width, input channels, filters]. */
  shape: [number, number, number, number];
  values: Float32Array;
}

/** Helper layers the model builder adds around a drawn layer: explicit padding and separate activations. */
const PAD_SUFFIX = '_pad';
const ACTIVATION_SUFFIX = '_activation';

export class TrainedNetwork {
  readonly inputShape: [number, number, number];
  readonly classes: number;
  private readonly inside: LayersModel;
  private readonly shown: { name: string; kind: string }[];
  /** Which of `inside`'s outputs is the network's. */
  private readonly answer: number;

  private constructor(
    private readonly tf: Tf,
    private readonly model: LayersModel,
    private readonly pixelRange: PixelRange,
  ) {
    const [, h, w, c] = model.inputs[0]!.shape as number[];
    this.inputShape = [h!, w!, c!];
    this.classes = (model.outputs[0]!.shape as number[]).at(-1)!;
    // Every drawn layer, its output taken after its own activation layer where the builder added one.
    const names = new Set(model.layers.map((l) => l.name));
    const drawn = model.layers.filter(
      (l) => l.getClassName() !== 'InputLayer' && !l.name.endsWith(PAD_SUFFIX) && !l.name.endsWith(ACTIVATION_SUFFIX),
    );
    const output = (l: Layer) =>
      names.has(l.name + ACTIVATION_SUFFIX) ? model.getLayer(l.name + ACTIVATION_SUFFIX) : l;
    this.shown = drawn.map((l) => ({ name: l.name, kind: l.getClassName() }));
    // One pass gives every layer's output, the network's answer among them.
    const outputs = drawn.map((l) => output(l).output as Runtime.layers.SymbolicTensor);
    const at = outputs.indexOf(model.outputs[0]!);
    this.answer = at >= 0 ? at : outputs.length;
    this.inside = tf.layers.model({
      inputs: model.inputs,
      outputs: at >= 0 ? outputs : [...outputs, model.outputs[0]!],
    });
  }

  static async load(trained: TrainedModel, pixelRange: PixelRange): Promise<TrainedNetwork> {
    const tf = await import('./tfjs-runtime.ts');
    await tf.ready();
    const manifest = trained.modelJson.weightsManifest[0]!;
    const weights = base64ToBytes(trained.weights);
    const model = await tf.layers.loadLayersModel(
      tf.core.io.fromMemory({
        modelTopology: trained.modelJson.modelTopology,
        weightSpecs: manifest.weights,
        weightData: weights.buffer.slice(weights.byteOffset, weights.byteOffset + weights.byteLength),
      }),
    );
    return new TrainedNetwork(tf, model, pixelRange);
  }

  /** An image's values as the network takes them (its run's pixel range). */
  inputValues(pixels: Uint8Array): Float32Array {
    return scaledPixels(pixels, this.pixelRange);
  }

  private input(pixels: Uint8Array) {
    return this.tf.core.tensor(this.inputValues(pixels), [1, ...this.inputShape]);
  }

  /** For one image: the class probabilities (they sum to 1) and every drawn layer's output, in order. */
  read(pixels: Uint8Array): { probabilities: number[]; layers: LayerOutput[] } {
    const outputs = this.tf.core.tidy(() => this.inside.predict(this.input(pixels)) as Runtime.core.Tensor[]);
    const answer = outputs[this.answer]!.dataSync();
    const layers = outputs.slice(0, this.shown.length).map((t, i) => ({
      ...this.shown[i]!,
      shape: t.shape.slice(1),
      values: t.dataSync() as Float32Array,
    }));
    this.tf.core.dispose(outputs);
    return { probabilities: asProbabilities(answer), layers };
  }

  /** The learned filters of the first Conv2D layer. */
  firstConvKernel(): Kernel | null {
    const conv = this.model.layers.find((l) => l.getClassName() === 'Conv2D');
    const kernel = conv?.getWeights()[0];
    if (!conv || !kernel || kernel.rank !== 4) return null;
    return { layer: conv.name, shape: kernel.shape as Kernel['shape'], values: kernel.dataSync() as Float32Array };
  }

  /**
   * A Conv2D's or DepthwiseConv2D's trained kernel and bias (null: no bias), by its drawn name; a depthwise
   * kernel is [height, width, channels, multiplier].
   */
  convWeights(name: string): { kernel: Kernel; bias: Float32Array | null } | null {
    const layer = this.model.layers.find(
      (l) => l.name === name && (l.getClassName() === 'Conv2D' || l.getClassName() === 'DepthwiseConv2D'),
    );
    const [kernel, bias] = layer?.getWeights() ?? [];
    if (!layer || !kernel || kernel.rank !== 4) return null;
    return {
      kernel: { layer: name, shape: kernel.shape as Kernel['shape'], values: kernel.dataSync() as Float32Array },
      bias: bias ? (bias.dataSync() as Float32Array) : null,
    };
  }

  /** A Dense layer's trained kernel [inputs, units] and bias (null: no bias), by its drawn name. */
  denseWeights(name: string): { kernel: Float32Array; shape: [number, number]; bias: Float32Array | null } | null {
    const layer = this.model.layers.find((l) => l.name === name && l.getClassName() === 'Dense');
    const [kernel, bias] = layer?.getWeights() ?? [];
    if (!layer || !kernel || kernel.rank !== 2) return null;
    return {
      kernel: kernel.dataSync() as Float32Array,
      shape: kernel.shape as [number, number],
      bias: bias ? (bias.dataSync() as Float32Array) : null,
    };
  }

  dispose(): void {
    this.model.dispose();
  }
}

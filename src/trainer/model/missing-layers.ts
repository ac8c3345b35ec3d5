/**
 * Keras layers TensorFlow.js lacks, as TF.js layers under Keras's class names (registered with TF.js's
 * serialization map, so the trainer builds them from the same Keras calls as every other layer):
 * - the random augmentation layers: in training each image of the batch is flipped, turned, zoomed or
 *   shifted at random (one tf.image.transform per batch); when predicting they return the image unchanged;
 * - SpatialDropout2D: whole channels dropped in training;
 * - Subtract: the first input minus the second.
 * None has weights. The settings are the layer modules' (src/core/layers/types/), camelCased by TF.js.
 */
import * as tf from '@tensorflow/tfjs';
import { inverseAffine } from '../train/augment.ts';

type Config = tf.serialization.ConfigDict;
type Range = [number, number];
type FillMode = 'constant' | 'reflect' | 'wrap' | 'nearest';

const uniform = ([low, high]: Range) => low + Math.random() * (high - low);

/** A layer that is the identity unless training. */
abstract class RandomLayer extends tf.layers.Layer {
  constructor(protected readonly settings: Config) {
    super({ name: settings.name as string, trainable: false });
  }

  override call(inputs: tf.Tensor | tf.Tensor[], kwargs: Config): tf.Tensor {
    const x = (Array.isArray(inputs) ? inputs[0]! : inputs) as tf.Tensor4D;
    return kwargs.training === true ? this.augment(x) : x;
  }

  protected abstract augment(x: tf.Tensor4D): tf.Tensor4D;

  override getConfig(): Config {
    return { ...super.getConfig(), ...this.settings };
  }
}

/** Rotation, zoom and shift: one inverse affine transform per image. */
abstract class RandomAffine extends RandomLayer {
  protected abstract draw(
    width: number,
    height: number,
  ): { degrees: number; scale: [number, number]; tx: number; ty: number };

  protected augment(x: tf.Tensor4D): tf.Tensor4D {
    const [n, height, width] = x.shape;
    const transforms: number[] = [];
    for (let i = 0; i < n; i++) {
      const { degrees, scale, tx, ty } = this.draw(width, height);
      transforms.push(...inverseAffine(width, height, degrees, scale, tx, ty, 1));
    }
    const interpolation = this.settings.interpolation === 'nearest' ? 'nearest' : 'bilinear';
    return tf.tidy(() =>
      tf.image.transform(
        x,
        tf.tensor2d(transforms, [n, 8]),
        interpolation,
        (this.settings.fillMode as FillMode | undefined) ?? 'reflect',
        (this.settings.fillValue as number | undefined) ?? 0,
      ),
    );
  }
}

class RandomRotation extends RandomAffine {
  static readonly className = 'RandomRotation';
  protected draw() {
    return { degrees: uniform(this.settings.factor as Range) * 360, scale: [1, 1] as [number, number], tx: 0, ty: 0 };
  }
}

class RandomZoom extends RandomAffine {
  static readonly className = 'RandomZoom';
  protected draw() {
    // A positive factor zooms out (Keras): the output shows 1 + factor of the image.
    const zy = 1 + uniform(this.settings.heightFactor as Range);
    const width = this.settings.widthFactor as Range | null | undefined;
    const zx = width ? 1 + uniform(width) : zy;
    return { degrees: 0, scale: [1 / zx, 1 / zy] as [number, number], tx: 0, ty: 0 };
  }
}

class RandomTranslation extends RandomAffine {
  static readonly className = 'RandomTranslation';
  protected draw(width: number, height: number) {
    return {
      degrees: 0,
      scale: [1, 1] as [number, number],
      tx: uniform(this.settings.widthFactor as Range) * width,
      ty: uniform(this.settings.heightFactor as Range) * height,
    };
  }
}

class RandomFlip extends RandomLayer {
  static readonly className = 'RandomFlip';
  protected augment(x: tf.Tensor4D): tf.Tensor4D {
    const mode = String(this.settings.mode ?? 'horizontalAndVertical');
    const axes = [...(mode !== 'vertical' ? [2] : []), ...(mode !== 'horizontal' ? [1] : [])];
    return tf.tidy(() =>
      axes.reduce((image, axis) => {
        const flip = tf.tensor4d(
          Array.from({ length: x.shape[0] }, () => (Math.random() < 0.5 ? 1 : 0)),
          [x.shape[0], 1, 1, 1],
          'bool',
        );
        return tf.where(flip, tf.reverse(image, axis), image);
      }, x),
    );
  }
}

class SpatialDropout2D extends RandomLayer {
  static readonly className = 'SpatialDropout2D';
  protected augment(x: tf.Tensor4D): tf.Tensor4D {
    const rate = this.settings.rate as number;
    const [n, , , c] = x.shape;
    return tf.tidy(() => tf.dropout(x, rate, [n, 1, 1, c]) as tf.Tensor4D);
  }
}

class Subtract extends tf.layers.Layer {
  static readonly className = 'Subtract';
  constructor(private readonly settings: Config) {
    super({ name: settings.name as string });
  }

  override computeOutputShape(shapes: tf.Shape | tf.Shape[]): tf.Shape {
    return (shapes as tf.Shape[])[0]!;
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    const [a, b] = inputs as tf.Tensor[];
    return tf.sub(a!, b!);
  }

  override getConfig(): Config {
    return { ...super.getConfig(), ...this.settings };
  }
}

for (const cls of [RandomFlip, RandomRotation, RandomZoom, RandomTranslation, SpatialDropout2D, Subtract]) {
  tf.serialization.registerClass(cls as unknown as tf.serialization.SerializableConstructor<tf.layers.Layer>);
}

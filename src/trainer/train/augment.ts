/**
 * Data augmentation for a batch: a random rotation, shift and zoom (and a left–right mirror when asked)
 * around each image's centre, as one affine transform per image, then Gaussian noise. Reproducible from the
 * run's seeded generator.
 */
import * as tf from '@tensorflow/tfjs';
import type { TrainingSettings } from '../../core/index.ts';

export type Augmentation = NonNullable<TrainingSettings['augmentation']>;

/**
 * The 8 numbers tf.image.transform takes for one image: they map each output pixel back to the input
 * pixel it is read from (the inverse of rotate by θ, scale by s — one for both axes or [width, height] —,
 * shift by t, mirror when flip = −1).
 */
export function inverseAffine(
  width: number,
  height: number,
  degrees: number,
  scale: number | readonly [number, number],
  tx: number,
  ty: number,
  flip: 1 | -1,
): number[] {
  const theta = (degrees * Math.PI) / 180;
  const [sx, sy] = typeof scale === 'number' ? [scale, scale] : scale;
  const [cos, sin] = [Math.cos(theta), Math.sin(theta)];
  const a = [(flip * cos) / sx, (flip * sin) / sx, -sin / sy, cos / sy];
  const [cx, cy] = [(width - 1) / 2, (height - 1) / 2];
  const [ox, oy] = [cx + tx, cy + ty];
  return [a[0]!, a[1]!, cx - a[0]! * ox - a[1]! * oy, a[2]!, a[3]!, cy - a[2]! * ox - a[3]! * oy, 0, 0];
}

export function augmentBatch(x: tf.Tensor4D, settings: Augmentation, random: () => number): tf.Tensor4D {
  const [n, height, width] = x.shape;
  const spread = (max: number) => (random() * 2 - 1) * max;
  const transforms: number[] = [];
  for (let i = 0; i < n; i++) {
    const flip: 1 | -1 = settings.flip && random() < 0.5 ? -1 : 1;
    transforms.push(
      ...inverseAffine(
        width,
        height,
        spread(settings.rotation),
        1 + spread(settings.zoom),
        spread(settings.shift) * width,
        spread(settings.shift) * height,
        flip,
      ),
    );
  }
  return tf.tidy(() => {
    let out = tf.image.transform(x, tf.tensor2d(transforms, [n, 8]), 'bilinear', 'constant', 0);
    if (settings.noise > 0) {
      const seed = Math.floor(random() * 2 ** 31);
      out = tf.clipByValue(
        tf.add(out, tf.randomNormal(out.shape, 0, settings.noise, 'float32', seed)),
        0,
        1,
      ) as tf.Tensor4D;
    }
    return out;
  });
}

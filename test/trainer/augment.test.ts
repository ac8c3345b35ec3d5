/** Augmentation moves and mirrors images as asked, and nothing else. */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { seededRandom } from '../../src/core/index.ts';
import { augmentBatch, inverseAffine } from '../../src/trainer/train/augment.ts';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** A 5 × 5 image with one bright pixel at (row, column). */
function dot(row: number, column: number): tf.Tensor4D {
  const pixels = new Float32Array(25);
  pixels[row * 5 + column] = 1;
  return tf.tensor4d(pixels, [1, 5, 5, 1]);
}

async function brightest(image: tf.Tensor4D): Promise<[number, number]> {
  const index = (await tf.argMax(tf.reshape(image, [-1])).data())[0]!;
  return [Math.floor(index / 5), index % 5];
}

describe('augmentBatch', () => {
  const none = { rotation: 0, shift: 0, zoom: 0, flip: false, noise: 0 };

  it('changes nothing when every setting is 0', async () => {
    const x = dot(1, 3);
    expect(await augmentBatch(x, none, seededRandom(1)).data()).toEqual(await x.data());
  });

  it('an identity transform maps every pixel to itself', () => {
    expect(inverseAffine(5, 5, 0, 1, 0, 0, 1)).toEqual([1, 0, 0, -0, 1, 0, 0, 0]);
  });

  it('mirrors left to right', async () => {
    const mirrored = tf.image.transform(dot(1, 0), tf.tensor2d([inverseAffine(5, 5, 0, 1, 0, 0, -1)]), 'nearest');
    expect(await brightest(mirrored)).toEqual([1, 4]);
  });

  it('turns by 90 degrees around the centre', async () => {
    const turned = tf.image.transform(dot(0, 2), tf.tensor2d([inverseAffine(5, 5, 90, 1, 0, 0, 1)]), 'nearest');
    const [row, column] = await brightest(turned);
    expect(Math.abs(row - 2) + Math.abs(column - 2)).toBe(2);
    expect([row, column]).not.toEqual([0, 2]);
  });

  it('shifts by whole pixels', async () => {
    const shifted = tf.image.transform(dot(2, 2), tf.tensor2d([inverseAffine(5, 5, 0, 1, 1, 0, 1)]), 'nearest');
    expect(await brightest(shifted)).toEqual([2, 3]);
  });

  it('is reproducible from the seed, different across seeds, and keeps values in [0, 1] with noise', async () => {
    const x = tf.randomUniform([4, 8, 8, 1], 0, 1, 'float32', 3) as tf.Tensor4D;
    const settings = { rotation: 20, shift: 0.2, zoom: 0.2, flip: true, noise: 0.3 };
    const a = await augmentBatch(x, settings, seededRandom(5)).data();
    const b = await augmentBatch(x, settings, seededRandom(5)).data();
    const c = await augmentBatch(x, settings, seededRandom(6)).data();
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
    expect(Math.min(...a)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...a)).toBeLessThanOrEqual(1);
  });
});

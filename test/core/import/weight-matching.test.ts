/**
 * Which weight of a file goes into which layer: by name (nested models' names before it, Keras 2's ':0'
 * after it), or by layer and position (Keras 3); never by guessing. Property tests over random networks and
 * files laid out as each format lays them out, shuffled.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  keras3WeightPaths,
  matchWeights,
  snakeCase,
  type SourceWeight,
  type TargetWeight,
} from '../../../src/core/index.ts';

/** A network's weights: layers with unique names, each with one to four weights of random shapes. */
const network = fc
  .uniqueArray(fc.stringMatching(/^[a-z][a-z0-9_]{0,8}$/), { minLength: 1, maxLength: 8 })
  .chain((layers) =>
    fc.tuple(
      fc.constant(layers),
      fc.array(
        fc.array(fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 1, maxLength: 4 }), {
          minLength: 1,
          maxLength: 4,
        }),
        { minLength: layers.length, maxLength: layers.length },
      ),
    ),
  )
  .map(([layers, shapes]) =>
    layers.flatMap((layer, l) =>
      shapes[l]!.map((shape, index): TargetWeight => ({ layer, name: `${layer}/w${index}`, index, shape })),
    ),
  );

function shuffled<T>(items: T[], seed: number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = (seed * (i + 7)) % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

describe('matchWeights', () => {
  it('finds every weight of a file that names them, whatever their order and nested prefixes', () => {
    fc.assert(
      fc.property(network, fc.nat(), fc.boolean(), (targets, seed, keras2) => {
        const sources: SourceWeight[] = shuffled(
          targets.map((t, i) => ({
            key: String(i),
            name: `${i % 2 ? 'sequential_1/' : ''}${t.name}${keras2 ? ':0' : ''}`,
            layer: null,
            index: 0,
            shape: t.shape,
          })),
          seed,
        );
        const match = matchWeights(targets, sources);
        expect(match.ok).toBe(true);
        if (!match.ok) return;
        match.picks.forEach((pick, t) => expect(sources[pick!]!.key).toBe(String(t)));
      }),
    );
  });

  it('finds them by layer and position in a file that places them so (Keras 3)', () => {
    fc.assert(
      fc.property(network, fc.nat(), (targets, seed) => {
        const sources: SourceWeight[] = shuffled(
          targets.map((t, i) => ({ key: String(i), name: null, layer: t.layer, index: t.index, shape: t.shape })),
          seed,
        );
        const match = matchWeights(targets, sources);
        expect(match.ok && match.picks.every((pick, t) => sources[pick!]!.key === String(t))).toBe(true);
      }),
    );
  });

  it('names the layer and weight whose shape differs; fine-tuning starts that layer afresh instead', () => {
    fc.assert(
      fc.property(network, fc.nat(), (targets, which) => {
        const changed = which % targets.length;
        const sources: SourceWeight[] = targets.map((t, i) => ({
          key: t.name,
          name: t.name,
          layer: null,
          index: 0,
          shape: i === changed ? [...t.shape, 2] : t.shape,
        }));
        const target = targets[changed]!;
        const strict = matchWeights(targets, sources);
        expect(strict.ok).toBe(false);
        if (!strict.ok) {
          expect(strict.errors[0]).toMatchObject({
            key: 'weights.shapeMismatch',
            args: { layer: target.layer, weight: `w${target.index}` },
          });
        }
        const partial = matchWeights(targets, sources, { partial: true });
        expect(partial.ok && partial.fresh).toEqual([target.layer]);
        if (partial.ok) {
          targets.forEach((t, i) => expect(partial.picks[i] === null).toBe(t.layer === target.layer));
        }
      }),
    );
  });

  it('refuses a weight found twice, one missing, and one left over', () => {
    const target: TargetWeight = { layer: 'dense', name: 'dense/kernel', index: 0, shape: [2, 3] };
    const source = (name: string): SourceWeight => ({ key: name, name, layer: null, index: 0, shape: [2, 3] });
    expect(matchWeights([target], [source('a/dense/kernel'), source('b/dense/kernel')])).toMatchObject({
      ok: false,
      errors: [{ key: 'weights.ambiguous', args: { keys: 'a/dense/kernel, b/dense/kernel' } }],
    });
    expect(matchWeights([target], [source('conv2d/kernel')])).toMatchObject({
      ok: false,
      errors: [{ key: 'weights.missing', args: { layer: 'dense', weight: 'kernel' } }],
    });
    expect(matchWeights([target], [source('dense/kernel'), source('dense/extra')])).toMatchObject({
      ok: false,
      errors: [{ key: 'weights.unused', args: { count: 1, names: 'dense/extra' } }],
    });
  });
});

describe('keras3WeightPaths', () => {
  it('numbers layers by snake-cased class within each model, as Keras 3 saves them', () => {
    expect(['Conv2D', 'MaxPooling2D', 'BatchNormalization', 'DepthwiseConv2D', 'ReLU'].map(snakeCase)).toEqual([
      'conv2d',
      'max_pooling2d',
      'batch_normalization',
      'depthwise_conv2d',
      're_lu',
    ]);
    const layer = (className: string, name: string, extra = {}) => ({
      class_name: className,
      config: { name, ...extra },
    });
    const model = {
      class_name: 'Sequential',
      config: {
        layers: [
          layer('InputLayer', 'input_layer'),
          layer('Conv2D', 'first'),
          layer('Sequential', 'block', { layers: [layer('Conv2D', 'inner'), layer('Conv2D', 'inner_2')] }),
          layer('Conv2D', 'second'),
          layer('Dense', 'head'),
        ],
      },
    };
    expect(keras3WeightPaths(model)).toEqual([
      { path: 'layers/input_layer', layer: 'input_layer' },
      { path: 'layers/conv2d', layer: 'first' },
      { path: 'layers/conv2d_1', layer: 'second' },
      { path: 'layers/dense', layer: 'head' },
      { path: 'layers/sequential/layers/conv2d', layer: 'inner' },
      { path: 'layers/sequential/layers/conv2d_1', layer: 'inner_2' },
    ]);
  });
});

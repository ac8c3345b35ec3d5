/**
 * The layer types beyond the first 15, figure by figure against Keras (keras/src/layers/…: shapes as
 * compute_output_shape gives them, counts as model.summary() prints them), worked out by hand here: output
 * shapes, parameter counts and the formulas that show them, refusals in both languages, and the wrong counts
 * the exercise checker recognises.
 */
import { describe, expect, it } from 'vitest';
import {
  SETTINGS,
  analyse,
  defaultParams,
  keySettings,
  sequential,
  settingApplies,
  translate,
  type Analysis,
  type LayerSpec,
} from '../../../src/core/index.ts';
import { namedMistakes } from '../../../src/core/exercise/common-mistakes.ts';

const s = (type: string, params: Record<string, unknown> = {}): LayerSpec => ({ type, params }) as LayerSpec;

/** The last layer of Input(shape) → layer. */
function last(shape: number[], layer: LayerSpec) {
  const graph = sequential([s('Input', { shape }), layer]);
  const analysis = analyse(graph);
  const node = analysis.nodes.at(-1)!;
  return { graph, analysis, node, errors: errorsOf(analysis) };
}

const errorsOf = (analysis: Analysis) =>
  analysis.diagnostics.filter((d) => d.severity === 'error').map((d) => translate(d.message, 'en'));

describe('recurrent layers', () => {
  it("count an LSTM(64) on 100 steps of 32 features as (32+64+1)·4·64 = 24,832, Keras's figure", () => {
    const { node, errors } = last([100, 32], s('LSTM', { units: 64 }));
    expect(errors).toEqual([]);
    expect(node.outputShape).toEqual([64]);
    expect(node.params).toEqual({ total: 24_832, trainable: 24_832, nonTrainable: 0 });
    expect(node.explanations!.params!.formula).toBe('(32+64+1)×4×64 = 24,832');
    expect(translate(node.explanations!.params!.rule, 'en')).toMatch(/input, forget, cell and output gates/);
    expect(translate(node.explanations!.params!.rule, 'zh-TW')).toMatch(/4 個閘門/);
    expect(node.macs).toBe(100 * 4 * (32 + 64) * 64);
    expect(node.receptiveField).toBeNull();
    expect(translate(node.explanations!.receptiveField!.rule, 'en')).toMatch(/Not defined for recurrent layers/);
  });

  it('return every step with return_sequences', () => {
    expect(last([100, 32], s('LSTM', { units: 64, return_sequences: true })).node.outputShape).toEqual([100, 64]);
  });

  it("count GRU with and without reset_after (Keras's default has two biases per gate)", () => {
    const after = last([100, 32], s('GRU', { units: 64 })).node;
    const before = last([100, 32], s('GRU', { units: 64, reset_after: false })).node;
    expect(after.params!.total).toBe(3 * (32 * 64 + 64 * 64 + 2 * 64));
    expect(after.explanations!.params!.formula).toBe('(32+64+2)×3×64 = 18,816');
    expect(before.params!.total).toBe(3 * (32 * 64 + 64 * 64 + 64));
    expect(before.explanations!.params!.formula).toBe('(32+64+1)×3×64 = 18,624');
  });

  it('count SimpleRNN and Bidirectional (twice the wrapped layer; concat doubles the features)', () => {
    expect(last([100, 32], s('SimpleRNN', { units: 64 })).node.params!.total).toBe(32 * 64 + 64 * 64 + 64);
    const bi = last([100, 32], s('Bidirectional', { layer: 'LSTM', units: 64 })).node;
    expect(bi.params!.total).toBe(2 * 24_832);
    expect(bi.outputShape).toEqual([128]);
    expect(bi.explanations!.params!.formula).toBe('2×(32+64+1)×4×64 = 49,664');
    const summed = last(
      [100, 32],
      s('Bidirectional', { layer: 'GRU', units: 8, merge_mode: 'sum', return_sequences: true }),
    );
    expect(summed.node.outputShape).toEqual([100, 8]);
    expect(keySettings(summed.graph.nodes[1]!)).toBe('GRU 8 ×2 · seq · sum');
  });

  it("Bidirectional's inspector shows a cell's own settings only: reset_after for a GRU", () => {
    const shown = (layer: string) =>
      SETTINGS.Bidirectional.filter((spec) =>
        settingApplies(spec, { ...(defaultParams('Bidirectional') as object), layer }),
      ).map((spec) => spec.key);
    expect(shown('GRU')).toContain('reset_after');
    expect(shown('LSTM')).not.toContain('reset_after');
    expect(shown('SimpleRNN')).not.toContain('recurrent_activation');
  });

  it('refuse an image as input, saying what to do, in both languages', () => {
    const { analysis } = last([28, 28, 1], s('LSTM', { units: 8 }));
    const [error] = analysis.diagnostics;
    expect(translate(error!.message, 'en')).toMatch(
      /'lstm' \(LSTM\) works on sequences \(time steps × features\), but its input is 28 × 28 × 1\..*Reshape/,
    );
    expect(translate(error!.message, 'zh-TW')).toMatch(/處理序列（時間步 × 特徵數），但它的輸入是 28 × 28 × 1/);
  });
});

describe('Embedding and 1-D layers', () => {
  it('Embedding: input_dim × output_dim weights, one vector per index', () => {
    const { node, errors } = last([100], s('Embedding', { input_dim: 10_000, output_dim: 128 }));
    expect(errors).toEqual([]);
    expect(node.outputShape).toEqual([100, 128]);
    expect(node.params!.total).toBe(1_280_000);
    expect(node.explanations!.params!.formula).toBe('10,000×128 = 1,280,000');
    expect(last([28, 28, 1], s('Embedding')).errors[0]).toMatch(/its input must be one size .* but it is 28 × 28 × 1/);
  });

  it('Conv1D: valid, same and causal lengths, (k × features + 1) × filters', () => {
    const valid = last([100, 128], s('Conv1D', { filters: 64, kernel_size: 5 })).node;
    expect(valid.outputShape).toEqual([96, 64]);
    expect(valid.params!.total).toBe((5 * 128 + 1) * 64);
    expect(valid.explanations!.params!.formula).toBe('((5×128)+1)×64 = 41,024');
    expect(valid.explanations!.outputShape[0]!.formula).toBe('(100−5)/1+1 = 96');
    expect(last([100, 128], s('Conv1D', { filters: 8, kernel_size: 5, padding: 'causal' })).node.outputShape).toEqual([
      100, 8,
    ]);
    expect(last([99, 4], s('Conv1D', { filters: 8, padding: 'same', strides: 2 })).node.outputShape).toEqual([50, 8]);
    const tooLong = last([4, 4], s('Conv1D', { filters: 8, kernel_size: 5 }));
    expect(tooLong.errors[0]).toMatch(/steps/);
  });

  it('1-D pooling and global pooling', () => {
    expect(last([96, 64], s('MaxPooling1D', { pool_size: 4 })).node.outputShape).toEqual([24, 64]);
    expect(
      last([10, 3], s('AveragePooling1D', { pool_size: 3, strides: 2, padding: 'same' })).node.outputShape,
    ).toEqual([5, 3]);
    expect(last([10, 3], s('GlobalMaxPooling1D')).node.outputShape).toEqual([3]);
    expect(last([10, 3], s('GlobalAveragePooling1D', { keepdims: true })).node.outputShape).toEqual([1, 3]);
  });
});

describe('depthwise, separable and transposed convolutions', () => {
  it("DepthwiseConv2D: each channel its own filters (MobileNet's 3×3×32 = 288)", () => {
    const plain = last([112, 112, 32], s('DepthwiseConv2D', { padding: 'same', use_bias: false })).node;
    expect(plain.outputShape).toEqual([112, 112, 32]);
    expect(plain.explanations!.params!.formula).toBe('3×3×32 = 288');
    const multiplied = last([8, 8, 32], s('DepthwiseConv2D', { depth_multiplier: 2 })).node;
    expect(multiplied.outputShape).toEqual([6, 6, 64]);
    expect(multiplied.params!.total).toBe((9 + 1) * 32 * 2);
    expect(multiplied.explanations!.params!.formula).toBe('(3×3+1)×32×2 = 640');
  });

  it('SeparableConv2D: depthwise 3×3×32 + pointwise (32+1)×64 = 2,400', () => {
    const node = last([16, 16, 32], s('SeparableConv2D', { filters: 64, padding: 'same' })).node;
    expect(node.outputShape).toEqual([16, 16, 64]);
    expect(node.params!.total).toBe(2_400);
    expect(node.explanations!.params!.formula).toBe('3×3×32 + (32+1)×64 = 2,400');
    expect(translate(node.explanations!.params!.rule, 'zh-TW')).toMatch(/深度卷積.*逐點卷積/);
  });

  it('Conv2DTranspose: sizes as deconv_output_length gives them', () => {
    const same = last(
      [7, 7, 64],
      s('Conv2DTranspose', { filters: 32, kernel_size: [5, 5], strides: [2, 2], padding: 'same' }),
    ).node;
    expect(same.outputShape).toEqual([14, 14, 32]);
    expect(same.params!.total).toBe(5 * 5 * 64 * 32 + 32);
    const valid = last([7, 7, 64], s('Conv2DTranspose', { filters: 1, kernel_size: [5, 5], strides: [2, 2] })).node;
    expect(valid.outputShape).toEqual([17, 17, 1]);
    expect(valid.explanations!.outputShape[0]!.formula).toBe('7×2+max(5−2, 0) = 17');
    const padded = last(
      [7, 7, 3],
      s('Conv2DTranspose', { filters: 1, strides: [2, 2], padding: 'same', output_padding: [1, 0] }),
    ).node;
    expect(padded.outputShape).toEqual([14, 13, 1]);
    const bad = last([7, 7, 3], s('Conv2DTranspose', { filters: 1, strides: [2, 2], output_padding: [2, 2] }));
    expect(bad.errors).toEqual([
      "'conv2d_transpose' (Conv2DTranspose): output_padding 2×2 must be smaller than the stride 2×2 on each axis (Keras refuses it otherwise).",
    ]);
  });
});

describe('reshaping and preprocessing', () => {
  it('UpSampling2D and Reshape (−1 takes what is left; sizes that do not multiply are refused)', () => {
    expect(last([7, 7, 3], s('UpSampling2D', { size: [2, 3] })).node.outputShape).toEqual([14, 21, 3]);
    const reshaped = last([4, 4, 8], s('Reshape', { target_shape: [-1, 16] })).node;
    expect(reshaped.outputShape).toEqual([8, 16]);
    expect(reshaped.explanations!.outputShape[0]!.formula).toBe('128 / 16 = 8 → 8 × 16');
    expect(last([4, 4, 8], s('Reshape', { target_shape: [5, 5] })).errors).toEqual([
      "'reshape' (Reshape): its input 4 × 4 × 8 has 128 values, which cannot be laid out as 5 × 5. The sizes must multiply to 128.",
    ]);
    expect(last([4, 4, 8], s('Reshape', { target_shape: [-1, -1] })).errors[0]).toMatch(/at most one may be −1/);
  });

  it('Rescaling and the random augmentation layers keep the shape and have no weights', () => {
    for (const layer of ['Rescaling', 'RandomFlip', 'RandomRotation', 'RandomZoom', 'RandomTranslation']) {
      const { node, errors } = last([32, 32, 3], s(layer));
      expect(errors).toEqual([]);
      expect([node.outputShape, node.params!.total]).toEqual([[32, 32, 3], 0]);
    }
    expect(keySettings(sequential([s('Input'), s('Rescaling')]).nodes[1]!)).toBe('×1/255');
    expect(last([32], s('RandomRotation')).errors[0]).toMatch(/works on images/);
    expect(last([32, 32, 3], s('RandomZoom', { height_factor: [0.5, -0.5] })).errors[0]).toMatch(
      /height_factor from 0.5 to −0.5 is not a valid range/,
    );
  });
});

describe('activations, normalization, noise and merges', () => {
  it('PReLU learns a slope per value, or per channel with shared_axes [1, 2]', () => {
    expect(last([28, 28, 32], s('PReLU')).node.params!.total).toBe(28 * 28 * 32);
    const shared = last([28, 28, 32], s('PReLU', { shared_axes: [1, 2] })).node;
    expect(shared.params!.total).toBe(32);
    expect(shared.explanations!.params!.formula).toBe('1×1×32 = 32');
    expect(last([10], s('PReLU', { shared_axes: [2] })).errors[0]).toMatch(
      /shared_axes 2 must name axes of its input, from 1 to 1/,
    );
  });

  it('LayerNormalization: 2 × features, all trainable; the noise layers and LeakyReLU, ELU, Softmax: none', () => {
    const norm = last([100, 64], s('LayerNormalization')).node;
    expect(norm.params).toEqual({ total: 128, trainable: 128, nonTrainable: 0 });
    expect(norm.explanations!.params!.formula).toBe('2×64 = 128');
    for (const layer of ['GaussianNoise', 'GaussianDropout', 'AlphaDropout', 'LeakyReLU', 'ELU', 'Softmax']) {
      expect(last([8, 8, 3], s(layer)).node.params!.total).toBe(0);
    }
    expect(last([10], s('SpatialDropout2D')).errors[0]).toMatch(/works on images/);
    expect(last([10, 3], s('SpatialDropout1D')).errors).toEqual([]);
  });

  it('merges value by value, Subtract exactly two inputs', () => {
    const graph = {
      nodes: [
        ...sequential([s('Input', { shape: [4, 4, 2] })]).nodes,
        ...['Multiply', 'Subtract'].map((type, i) => ({
          ...sequential([s(type)]).nodes[0]!,
          id: `m${i}`,
          name: type.toLowerCase(),
        })),
      ],
      edges: [
        { id: 'e1', source: 'n1', target: 'm0' },
        { id: 'e2', source: 'n1', target: 'm0' },
        { id: 'e3', source: 'n1', target: 'm1' },
        { id: 'e4', source: 'n1', target: 'm1' },
        { id: 'e5', source: 'n1', target: 'm1' },
      ],
    };
    const analysis = analyse(graph);
    expect(analysis.byId.get('m0')!.outputShape).toEqual([4, 4, 2]);
    expect(errorsOf(analysis)).toEqual([
      "'subtract' (Subtract) subtracts its second input from its first, so it takes exactly 2 incoming connections; it has 3.",
    ]);
  });
});

describe('Cropping2D, Permute and RepeatVector', () => {
  it('crops, reorders and repeats as Keras does', () => {
    const crop = last(
      [28, 28, 3],
      s('Cropping2D', {
        cropping: [
          [2, 2],
          [4, 0],
        ],
      }),
    ).node;
    expect(crop.outputShape).toEqual([24, 24, 3]);
    expect(
      last(
        [4, 4, 3],
        s('Cropping2D', {
          cropping: [
            [2, 2],
            [0, 0],
          ],
        }),
      ).errors[0],
    ).toMatch(/cuts away the whole 4 × 4 image/);
    expect(last([10, 3], s('Permute', { dims: [2, 1] })).node.outputShape).toEqual([3, 10]);
    expect(last([8, 6, 3], s('Permute', { dims: [3, 1, 2] })).node.outputShape).toEqual([3, 8, 6]);
    expect(last([10, 3], s('Permute', { dims: [1, 1] })).errors[0]).toMatch(/must list each of the input's axes once/);
    expect(last([64], s('RepeatVector', { n: 5 })).node.outputShape).toEqual([5, 64]);
    expect(last([5, 64], s('RepeatVector')).errors[0]).toMatch(/repeats a vector/);
  });
});

describe('the exercise checker on the new counts', () => {
  const mistakeFor = (shape: number[], layer: LayerSpec, answer: number) => {
    const { graph, analysis } = last(shape, layer);
    return namedMistakes(graph, analysis, { figure: 'params', nodeId: graph.nodes[1]!.id }, [answer]).map((m) =>
      translate(m, 'en'),
    );
  };

  it.each([
    ['an LSTM counted as one gate', [100, 32], s('LSTM', { units: 64 }), 24_832 / 4, /has 4 gates/],
    ['a GRU without its second bias', [100, 32], s('GRU', { units: 64 }), 18_624, /two biases per gate/],
    [
      'an LSTM without its recurrent kernel',
      [100, 32],
      s('LSTM', { units: 64 }),
      4 * (32 * 64 + 64),
      /recurrent kernel/,
    ],
    ['a Bidirectional counted once', [100, 32], s('Bidirectional', { units: 64 }), 24_832, /count it twice/],
    [
      'a separable conv without its pointwise part',
      [16, 16, 32],
      s('SeparableConv2D', { filters: 64 }),
      288 + 64,
      /pointwise 1×1 part/,
    ],
    [
      'a separable conv without its depthwise part',
      [16, 16, 32],
      s('SeparableConv2D', { filters: 64 }),
      2_112,
      /depthwise part has weights/,
    ],
    [
      'a depthwise conv counted as Conv2D',
      [8, 8, 32],
      s('DepthwiseConv2D', { use_bias: false }),
      3 * 3 * 32 * 32,
      /one channel only/,
    ],
    ['a depthwise conv without its bias', [8, 8, 32], s('DepthwiseConv2D'), 288, /bias/],
    ['an Embedding with a bias', [100], s('Embedding', { input_dim: 1000, output_dim: 8 }), 8_008, /no bias/],
    ['a PReLU counted as weightless', [8, 8, 4], s('PReLU', { shared_axes: [1, 2] }), 0, /learns its slope/],
    ['a LayerNormalization counted as weightless', [10, 4], s('LayerNormalization'), 0, /2 numbers per feature/],
  ])('%s', (_name, shape, layer, answer, mistake) => {
    expect(mistakeFor(shape, layer, answer).join(' ')).toMatch(mistake);
  });
});

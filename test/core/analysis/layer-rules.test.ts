/**
 * Table-driven shapes, counts, multiply-adds and receptive fields per layer type. Expected figures are
 * Keras's (computed by hand from keras/src/ops/operation_utils.py and each layer's build()).
 */
import { describe, expect, it } from 'vitest';
import { fieldGrowth, receptiveWindow, type LayerSpec } from '../../../src/core/index.ts';
import { analyseChain, input, last } from '../../helpers/layers.ts';

type Case = [string, number[], LayerSpec, number[], number, number | null];

const conv = (params: Extract<LayerSpec, { type: 'Conv2D' }>['params']): LayerSpec => ({ type: 'Conv2D', params });

describe('output shape, parameters and multiply-adds', () => {
  const cases: Case[] = [
    ['Conv2D valid', [28, 28, 1], conv({ filters: 32, kernel_size: [3, 3] }), [26, 26, 32], 320, 26 * 26 * 9 * 32],
    [
      'Conv2D same stride 2 (⌈n/s⌉)',
      [28, 28, 3],
      conv({ filters: 8, kernel_size: [3, 3], strides: [2, 2], padding: 'same' }),
      [14, 14, 8],
      224,
      14 * 14 * 27 * 8,
    ],
    [
      'Conv2D same stride 2 on odd size',
      [7, 7, 1],
      conv({ filters: 1, kernel_size: [3, 3], strides: [2, 2], padding: 'same' }),
      [4, 4, 1],
      10,
      16 * 9,
    ],
    [
      'Conv2D valid stride 2 floors',
      [28, 28, 1],
      conv({ filters: 4, kernel_size: [3, 3], strides: [2, 2] }),
      [13, 13, 4],
      40,
      13 * 13 * 9 * 4,
    ],
    [
      'Conv2D numeric padding 1',
      [7, 7, 3],
      conv({ filters: 2, kernel_size: [3, 3], padding: 1 }),
      [7, 7, 2],
      56,
      49 * 27 * 2,
    ],
    [
      'Conv2D numeric padding 2, kernel 5, stride 2',
      [32, 32, 3],
      conv({ filters: 6, kernel_size: [5, 5], strides: [2, 2], padding: 2 }),
      [16, 16, 6],
      456,
      256 * 75 * 6,
    ],
    [
      'Conv2D without bias',
      [8, 8, 16],
      conv({ filters: 16, kernel_size: [3, 3], use_bias: false }),
      [6, 6, 16],
      2304,
      36 * 144 * 16,
    ],
    [
      'Conv2D non-square kernel and stride',
      [20, 30, 2],
      conv({ filters: 3, kernel_size: [3, 5], strides: [1, 2] }),
      [18, 13, 3],
      93,
      18 * 13 * 30 * 3,
    ],
    [
      'Conv2D dilation 2',
      [28, 28, 1],
      conv({ filters: 8, kernel_size: [3, 3], dilation_rate: [2, 2] }),
      [24, 24, 8],
      80,
      24 * 24 * 9 * 8,
    ],
    ['Conv2D groups 2', [10, 10, 8], conv({ filters: 4, kernel_size: [3, 3], groups: 2 }), [8, 8, 4], 148, 64 * 36 * 4],
    [
      'MaxPooling2D strides default to pool size',
      [24, 24, 64],
      { type: 'MaxPooling2D', params: { pool_size: [2, 2] } },
      [12, 12, 64],
      0,
      0,
    ],
    [
      'MaxPooling2D 3×3 stride 2 valid',
      [13, 13, 5],
      { type: 'MaxPooling2D', params: { pool_size: [3, 3], strides: [2, 2] } },
      [6, 6, 5],
      0,
      0,
    ],
    [
      'AveragePooling2D same',
      [5, 5, 2],
      { type: 'AveragePooling2D', params: { pool_size: [2, 2], padding: 'same' } },
      [3, 3, 2],
      0,
      0,
    ],
    ['GlobalAveragePooling2D', [7, 7, 512], { type: 'GlobalAveragePooling2D' }, [512], 0, 0],
    [
      'GlobalMaxPooling2D keepdims',
      [7, 7, 16],
      { type: 'GlobalMaxPooling2D', params: { keepdims: true } },
      [1, 1, 16],
      0,
      0,
    ],
    ['Flatten', [12, 12, 64], { type: 'Flatten' }, [9216], 0, 0],
    ['Dense', [9216], { type: 'Dense', params: { units: 128 } }, [128], 1_179_776, 9216 * 128],
    ['Dense without bias', [100], { type: 'Dense', params: { units: 10, use_bias: false } }, [10], 1000, 1000],
    [
      'Dense on the last axis of an image',
      [4, 4, 8],
      { type: 'Dense', params: { units: 3 } },
      [4, 4, 3],
      27,
      16 * 8 * 3,
    ],
    ['Dropout', [128], { type: 'Dropout', params: { rate: 0.5 } }, [128], 0, 0],
    ['BatchNormalization counts 4 × channels', [26, 26, 32], { type: 'BatchNormalization' }, [26, 26, 32], 128, 0],
    ['Activation', [10], { type: 'Activation', params: { activation: 'softmax' } }, [10], 0, 0],
    [
      'ZeroPadding2D',
      [28, 28, 1],
      {
        type: 'ZeroPadding2D',
        params: {
          padding: [
            [1, 2],
            [3, 4],
          ],
        },
      },
      [31, 35, 1],
      0,
      0,
    ],
  ];

  it.each(cases)('%s', (_name, shape, layer, outputShape, params, macs) => {
    const analysis = analyseChain([input(shape), layer]);
    const node = last(analysis);
    expect(analysis.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(node.outputShape).toEqual(outputShape);
    expect(node.params?.total).toBe(params);
    expect(node.macs).toBe(macs);
  });

  it('BatchNormalization: 2 × channels trainable, 2 × channels non-trainable, as Keras counts', () => {
    const node = last(analyseChain([input([8, 8, 32]), { type: 'BatchNormalization' }]));
    expect(node.params).toEqual({ total: 128, trainable: 64, nonTrainable: 64 });
    expect(node.explanations!.params!.formula).toBe('4×32 = 128 (64 + 64)');
  });

  it('BatchNormalization without scale and center keeps only the moving statistics', () => {
    const node = last(
      analyseChain([input([16]), { type: 'BatchNormalization', params: { scale: false, center: false } }]),
    );
    expect(node.params).toEqual({ total: 32, trainable: 0, nonTrainable: 32 });
  });

  it('activation memory is 4 bytes per float32 output value', () => {
    const node = last(analyseChain([input([28, 28, 1]), conv({ filters: 32, kernel_size: [3, 3] })]));
    expect(node.activationBytes).toBe(26 * 26 * 32 * 4);
  });
});

describe('receptive field and jump', () => {
  const block: LayerSpec[] = [
    conv({ filters: 8, kernel_size: [3, 3] }),
    { type: 'MaxPooling2D', params: { pool_size: [2, 2] } },
  ];

  it('is 22 after three 3×3 convolutions each followed by 2×2 max pooling (the slide approximates 24)', () => {
    const analysis = analyseChain([input([64, 64, 1]), ...block, ...block, ...block]);
    expect(last(analysis).receptiveField).toEqual({ size: [22, 22], jump: [8, 8], start: [0, 0] });
    expect(analysis.nodes.map((n) => n.receptiveField?.size[0])).toEqual([1, 3, 4, 8, 10, 18, 22]);
    // Layer by layer, with each step's arithmetic, as the Inside view draws it.
    const growth = fieldGrowth(analysis, last(analysis).id);
    expect(growth.map((step) => step.field.jump[0])).toEqual([1, 1, 2, 2, 4, 4, 8]);
    expect(growth.map((step) => step.formula)).toEqual([
      null,
      '1+(3−1)×1 = 3; j = 1×1 = 1',
      '3+(2−1)×1 = 4; j = 1×2 = 2',
      '4+(3−1)×2 = 8; j = 2×1 = 2',
      '8+(2−1)×2 = 10; j = 2×2 = 4',
      '10+(3−1)×4 = 18; j = 4×1 = 4',
      '18+(2−1)×4 = 22; j = 4×2 = 8',
    ]);
    // Cell (2, 3) of the last 6×6 map sees rows 16–37 and columns 24–45 of the 64×64 image.
    expect(receptiveWindow(last(analysis).receptiveField!, [2, 3])).toEqual({ start: [16, 24], size: [22, 22] });
  });

  it('starts in the padding where a layer pads: half a kernel for same, the rows ZeroPadding2D adds', () => {
    const same = analyseChain([input([28, 28, 1]), conv({ filters: 1, kernel_size: [5, 3], padding: 'same' })]);
    expect(last(same).receptiveField).toEqual({ size: [5, 3], jump: [1, 1], start: [-2, -1] });
    // 'same' with stride 2 on an even size pads the smaller half first (TensorFlow): 28 → 14, 1 row before.
    const strided = analyseChain([
      input([28, 28, 1]),
      conv({ filters: 1, kernel_size: [4, 4], strides: [2, 2], padding: 'same' }),
    ]);
    expect(last(strided).receptiveField!.start).toEqual([-1, -1]);
    const padded = analyseChain([
      input([28, 28, 1]),
      {
        type: 'ZeroPadding2D',
        params: {
          padding: [
            [2, 2],
            [1, 1],
          ],
        },
      },
      conv({ filters: 1, kernel_size: [3, 3] }),
    ]);
    expect(last(padded).receptiveField).toEqual({ size: [3, 3], jump: [1, 1], start: [-2, -1] });
  });

  it('grows with dilation and strides, per axis', () => {
    const analysis = analyseChain([
      input([64, 64, 1]),
      conv({ filters: 1, kernel_size: [3, 5], strides: [2, 1] }),
      conv({ filters: 1, kernel_size: [3, 3], dilation_rate: [2, 2] }),
    ]);
    expect(analysis.nodes[1]!.receptiveField).toEqual({ size: [3, 5], jump: [2, 1], start: [0, 0] });
    expect(last(analysis).receptiveField).toEqual({ size: [3 + 4 * 2, 5 + 4 * 1], jump: [2, 1], start: [0, 0] });
    expect(analysis.nodes[1]!.explanations!.receptiveField!.formula).toBe(
      'H: 1+(3−1)×1 = 3; j = 1×2 = 2 | W: 1+(5−1)×1 = 5; j = 1×1 = 1',
    );
  });

  it('is null after Flatten and global pooling, and on vector inputs', () => {
    expect(last(analyseChain([input([8, 8, 1]), { type: 'Flatten' }])).receptiveField).toBeNull();
    expect(last(analyseChain([input([8, 8, 1]), { type: 'GlobalAveragePooling2D' }])).receptiveField).toBeNull();
    expect(last(analyseChain([input([10]), { type: 'Dense', params: { units: 3 } }])).receptiveField).toBeNull();
  });

  it('is unchanged by padding, dropout, batch normalization and activations', () => {
    const analysis = analyseChain([
      input([16, 16, 1]),
      conv({ filters: 2, kernel_size: [3, 3] }),
      { type: 'ZeroPadding2D' },
      { type: 'Dropout', params: { rate: 0.1 } },
      { type: 'BatchNormalization' },
      { type: 'Activation', params: { activation: 'relu' } },
    ]);
    expect(analysis.nodes.slice(1).map((n) => n.receptiveField?.size)).toEqual([
      [3, 3],
      [3, 3],
      [3, 3],
      [3, 3],
      [3, 3],
    ]);
  });
});

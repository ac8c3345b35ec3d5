/**
 * Every layer module in the registry, table-driven: its own invariants (names, defaults, settings), a Keras
 * round trip (what it writes, read back, is what it had), and the new ReLU layer's shapes, counts and code
 * (keras/src/layers/activations/relu.py and keras/src/activations/activations.py `relu` are the reference).
 */
import { describe, expect, it } from 'vitest';
import {
  LAYER_TYPES,
  PALETTE,
  SETTINGS,
  analyse,
  defaultParams,
  kerasConfig,
  kerasScript,
  keySettings,
  layerModule,
  loadModelText,
  makeNode,
  makeProject,
  moduleForKerasClass,
  sequential,
  translate,
  type LayerSpec,
  type LayerType,
} from '../../../src/core/index.ts';
import { torchModule } from '../../../src/core/export/pytorch-module.ts';
import { exportPlan } from '../../../src/core/export/export-plan.ts';

/** Settings other than the defaults, per type, for the round trip (the defaults are tried too). */
const OTHER_SETTINGS: Partial<Record<LayerType, Record<string, unknown>[]>> = {
  Conv2D: [
    { filters: 8, kernel_size: [5, 3], strides: [2, 1], padding: 'same', activation: 'relu', use_bias: false },
    { filters: 4, kernel_size: [3, 3], dilation_rate: [2, 2], kernel_l2: 0.01, activation: 'leaky_relu' },
  ],
  MaxPooling2D: [{ pool_size: [3, 3], strides: [2, 2], padding: 'same' }],
  AveragePooling2D: [{ pool_size: [2, 2], strides: null }],
  GlobalAveragePooling2D: [{ keepdims: true }],
  GlobalMaxPooling2D: [{ keepdims: true }],
  Dense: [{ units: 64, activation: 'softmax', use_bias: false, kernel_l1: 0.001 }],
  Dropout: [{ rate: 0.25 }],
  BatchNormalization: [{ center: false, scale: true, momentum: 0.9, epsilon: 0.0001 }],
  Activation: [{ activation: 'gelu' }, { activation: 'hard_sigmoid' }],
  ReLU: [{ max_value: 6 }, { negative_slope: 0.1, threshold: 0.5, max_value: 4 }],
  ZeroPadding2D: [
    {
      padding: [
        [1, 2],
        [3, 4],
      ],
    },
  ],
  Concatenate: [{ axis: -1 }],
  DepthwiseConv2D: [
    { kernel_size: [5, 5], strides: [2, 2], padding: 'same', depth_multiplier: 2, use_bias: false },
    { dilation_rate: [2, 2], activation: 'relu6' },
  ],
  SeparableConv2D: [
    { filters: 64, strides: [2, 2], padding: 'same', depth_multiplier: 3, use_bias: false, activation: 'relu' },
  ],
  Conv2DTranspose: [
    { filters: 16, kernel_size: [4, 4], strides: [2, 2], padding: 'same', activation: 'relu' },
    { filters: 3, strides: [3, 3], output_padding: [1, 2], use_bias: false },
  ],
  UpSampling2D: [{ size: [3, 2], interpolation: 'bilinear' }],
  Reshape: [{ target_shape: [7, 7, 64] }, { target_shape: [-1, 16] }],
  Rescaling: [{ scale: 1 / 127.5, offset: -1 }],
  RandomFlip: [{ mode: 'vertical' }],
  RandomRotation: [{ factor: [-0.25, 0.05], fill_mode: 'constant', fill_value: 0.5, interpolation: 'nearest' }],
  RandomZoom: [{ height_factor: [-0.2, 0.3], width_factor: [0.1, 0.1], fill_mode: 'nearest' }],
  RandomTranslation: [{ height_factor: [-0.2, 0.2], width_factor: [0, 0.3], fill_mode: 'wrap' }],
  Embedding: [{ input_dim: 20_001, output_dim: 300, mask_zero: true }],
  Conv1D: [{ filters: 8, kernel_size: 5, strides: 2, padding: 'causal', dilation_rate: 2, kernel_l2: 0.01 }],
  MaxPooling1D: [{ pool_size: 4, strides: 2, padding: 'same' }],
  AveragePooling1D: [{ pool_size: 3 }],
  GlobalMaxPooling1D: [{ keepdims: true }],
  LSTM: [{ units: 64, return_sequences: true, go_backwards: true, dropout: 0.2, unit_forget_bias: false }],
  GRU: [{ units: 8, reset_after: false, recurrent_activation: 'hard_sigmoid', use_bias: false }],
  SimpleRNN: [{ units: 5, activation: 'relu', recurrent_dropout: 0.1 }],
  Bidirectional: [
    { layer: 'GRU', units: 16, merge_mode: 'sum', return_sequences: true },
    { layer: 'SimpleRNN', units: 4, merge_mode: 'ave' },
  ],
  Cropping2D: [
    {
      cropping: [
        [1, 2],
        [0, 3],
      ],
    },
  ],
  Permute: [{ dims: [3, 1, 2] }],
  RepeatVector: [{ n: 30 }],
  SpatialDropout2D: [{ rate: 0.2 }],
  GaussianNoise: [{ stddev: 0.5 }],
  LayerNormalization: [{ epsilon: 1e-6, center: false }],
  LeakyReLU: [{ negative_slope: 0.1 }],
  PReLU: [{ shared_axes: null }, { shared_axes: [1] }],
  ELU: [{ alpha: 0.5 }],
};

describe('the registry', () => {
  it('gives every type a unique name stem and unique Keras class names, read back by the same module', () => {
    const stems = LAYER_TYPES.map((t) => layerModule(t).keras.nameStem);
    expect(new Set(stems).size).toBe(stems.length);
    const classes = LAYER_TYPES.flatMap((t) => layerModule(t).keras.classNames);
    expect(new Set(classes).size).toBe(classes.length);
    for (const type of LAYER_TYPES) {
      for (const className of layerModule(type).keras.classNames)
        expect(moduleForKerasClass(className)?.type).toBe(type);
    }
    expect(moduleForKerasClass('constructor')).toBeUndefined();
  });

  it('puts every type in the palette once, and lists settings that its schema has', () => {
    expect(PALETTE.flatMap((g) => g.types).sort()).toEqual([...LAYER_TYPES].sort());
    for (const type of LAYER_TYPES) {
      const defaults = defaultParams(type) as Record<string, unknown>;
      for (const spec of SETTINGS[type]) expect(Object.keys(defaults), `${type}.${spec.key}`).toContain(spec.key);
    }
  });
});

describe('Keras round trip: each module reads back what it writes', () => {
  const cases = LAYER_TYPES.filter((t) => t !== 'Input').flatMap((type) =>
    [{}, ...(OTHER_SETTINGS[type] ?? [])].map((params, i) => [`${type} #${i}`, type, params] as const),
  );
  it.each(cases)('%s', (_label, type, params) => {
    const module = layerModule(type);
    const node = makeNode({ type, params } as LayerSpec, 'n1', 'layer');
    const calls = module.keras.write(node);
    const own = calls.at(-1)!;
    expect(module.keras.classNames[0]).toBe(own.className);
    const read = module.keras.read(kerasConfig(own) as Record<string, unknown>, { className: own.className, rank: 3 });
    expect({ ...(defaultParams(type) as object), ...read }).toEqual(node.params);
  });
});

describe('ReLU as a layer', () => {
  const net = (params: Record<string, unknown>) =>
    sequential([
      { type: 'Input', params: { shape: [8, 8, 3] } },
      { type: 'Conv2D', params: { filters: 4, kernel_size: [3, 3] } },
      { type: 'ReLU', params } as LayerSpec,
      { type: 'Flatten' },
      { type: 'Dense', params: { units: 2 } },
    ]);

  it.each<[string, Record<string, unknown>, string, string]>([
    ['plain', {}, 'ReLU', 'F.relu(x)'],
    ['ReLU6', { max_value: 6 }, 'ReLU ≤ 6', 'F.relu6(x)'],
    ['capped at 4', { max_value: 4 }, 'ReLU ≤ 4', 'F.relu(x).clamp(max=4.0)'],
    [
      'threshold, slope and cap',
      { threshold: 0.5, negative_slope: 0.1, max_value: 4 },
      'ReLU ≤ 4 · slope 0.1 · > 0.5',
      '(x * (x > 0.5)).clamp(0.0, 4.0) - 0.1 * F.relu(0.5 - x)',
    ],
  ])('%s: same shape, no weights, its key settings and its PyTorch expression', (_name, params, key, torch) => {
    const graph = net(params);
    const analysis = analyse(graph);
    const relu = analysis.nodes.find((n) => n.type === 'ReLU')!;
    expect(analysis.diagnostics).toEqual([]);
    expect(relu.outputShape).toEqual([6, 6, 4]);
    expect(relu.params).toEqual({ total: 0, trainable: 0, nonTrainable: 0 });
    expect(keySettings(graph.nodes[2]!)).toBe(key);
    if (key.includes('slope')) expect(keySettings(graph.nodes[2]!, 'zh-TW')).toBe(key.replace('slope', '斜率'));
    const planned = exportPlan(makeProject(graph, 'relu'));
    if (!planned.ok) throw new Error('plan');
    expect(torchModule(planned.plan, 'Net').lines.join('\n')).toContain(`x = ${torch}`);
  });

  it('is written to Keras with only what differs from the defaults', () => {
    const script = kerasScript(makeProject(net({ max_value: 6 }), 'relu'));
    if (!script.ok) throw new Error('export');
    expect(script.text).toContain('model.add(ReLU(max_value=6.0, name="re_lu"))');
    expect(script.text).toMatch(/from keras\.layers import .*ReLU/);
  });

  it('refuses a negative cap or slope, naming the setting, in both languages', () => {
    const analysis = analyse(net({ max_value: -1, negative_slope: -0.5 }));
    const words = analysis.diagnostics.map((d) => translate(d.message, 'en'));
    expect(words).toEqual([
      "'re_lu' (ReLU): max_value is −1; it must be 0 or more.",
      "'re_lu' (ReLU): negative_slope is −0.5; it must be 0 or more.",
    ]);
    expect(translate(analysis.diagnostics[0]!.message, 'zh-TW')).toBe(
      "'re_lu' (ReLU)：max_value 是 −1；它必須是 0 或更大。",
    );
  });

  it('is read from Keras files as a ReLU layer with its settings (MobileNet writes ReLU6 as max_value 6)', () => {
    const model = {
      class_name: 'Sequential',
      config: {
        name: 's',
        layers: [
          { class_name: 'InputLayer', config: { name: 'in', batch_input_shape: [null, 4, 4, 2] } },
          { class_name: 'ReLU', config: { name: 'relu6', max_value: 6, negative_slope: 0, threshold: 0 } },
        ],
      },
    };
    const loaded = loadModelText(JSON.stringify(model), 'm.json');
    if (!loaded.ok) throw new Error('load');
    expect(loaded.project.graph.nodes[1]).toMatchObject({
      type: 'ReLU',
      name: 'relu6',
      params: { max_value: 6, negative_slope: 0, threshold: 0 },
    });
  });
});

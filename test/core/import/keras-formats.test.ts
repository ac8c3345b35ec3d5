/**
 * Keras and TensorFlow.js model files in every supported format, written from the Keras and TF.js
 * documentation (test/fixtures/keras). Expected figures are what Keras's model.summary() prints.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyse, loadModelText, summaryJson, translate } from '../../../src/core/index.ts';

const FIXTURES = join(import.meta.dirname, '../../fixtures/keras');

function load(file: string) {
  const result = loadModelText(readFileSync(join(FIXTURES, file), 'utf8'), file);
  if (!result.ok) throw new Error(result.errors.map((e) => translate(e, 'en')).join('\n'));
  return { ...result, summary: summaryJson(analyse(result.project.graph)) };
}

const rows = (summary: ReturnType<typeof load>['summary']) =>
  summary.layers.map((l) => [l.name, l.output_shape, l.params]);

describe('tf.keras 2.x model.to_json()', () => {
  it('Sequential with an explicit InputLayer: the 4-layer MNIST CNN', () => {
    const { summary, kind, project } = load('tf-keras-2-sequential.json');
    expect(kind).toBe('keras');
    expect(project.meta.name).toBe('sequential');
    expect(summary.input_shape).toEqual([28, 28, 1]);
    expect(summary.total_params).toBe(1_199_882);
    expect(rows(summary)).toEqual([
      ['conv2d', [26, 26, 32], 320],
      ['conv2d_1', [24, 24, 64], 18_496],
      ['max_pooling2d', [12, 12, 64], 0],
      ['dropout', [12, 12, 64], 0],
      ['flatten', [9216], 0],
      ['dense', [128], 1_179_776],
      ['dropout_1', [128], 0],
      ['dense_1', [10], 1_290],
    ]);
  });

  it('Functional with a shortcut (Add), BatchNormalization and a ReLU layer', () => {
    const { summary, project } = load('tf-keras-2-functional.json');
    expect(summary).toMatchObject({ total_params: 5_306, trainable_params: 5_274, non_trainable_params: 32 });
    expect(rows(summary)).toEqual([
      ['stem', [32, 32, 16], 448],
      ['conv_a', [32, 32, 16], 2_304],
      ['bn', [32, 32, 16], 64],
      ['relu_a', [32, 32, 16], 0],
      ['conv_b', [32, 32, 16], 2_320],
      ['add', [32, 32, 16], 0],
      ['re_lu', [32, 32, 16], 0],
      ['gap', [16], 0],
      ['logits', [10], 170],
    ]);
    const add = project.graph.nodes.find((n) => n.name === 'add')!;
    const sources = project.graph.edges
      .filter((e) => e.target === add.id)
      .map((e) => project.graph.nodes.find((n) => n.id === e.source)!.name);
    expect(sources).toEqual(['stem', 'conv_b']);
    expect(summary.layers.find((l) => l.name === 'conv_b')!.receptive_field).toEqual([7, 7]);
  });
});

describe('Keras 2.2: config is the list of layers', () => {
  it('reads the input shape from the first layer’s batch_input_shape', () => {
    const { summary, project } = load('keras-2.2-sequential.json');
    expect(project.graph.nodes[0]).toMatchObject({
      type: 'Input',
      name: 'conv2d_1_input',
      params: { shape: [32, 32, 3] },
    });
    expect(summary.total_params).toBe(3_702_186);
    expect(rows(summary)).toEqual([
      ['conv2d_1', [32, 32, 32], 896],
      ['conv2d_2', [30, 30, 32], 9_248],
      ['activation_1', [30, 30, 32], 0],
      ['max_pooling2d_1', [15, 15, 32], 0],
      ['dropout_1', [15, 15, 32], 0],
      ['flatten_1', [7200], 0],
      ['dense_1', [512], 3_686_912],
      ['dropout_2', [512], 0],
      ['dense_2', [10], 5_130],
    ]);
  });
});

describe('Keras 3', () => {
  it('Sequential with module, registered_name, batch_shape and DTypePolicy objects: LeNet-5', () => {
    const { summary } = load('keras-3-sequential.json');
    expect(summary.total_params).toBe(61_706);
    expect(rows(summary)).toEqual([
      ['conv2d', [28, 28, 6], 156],
      ['average_pooling2d', [14, 14, 6], 0],
      ['conv2d_1', [10, 10, 16], 2_416],
      ['average_pooling2d_1', [5, 5, 16], 0],
      ['flatten', [400], 0],
      ['dense', [120], 48_120],
      ['dense_1', [84], 10_164],
      ['dense_2', [10], 850],
    ]);
    expect(summary.layers.map((l) => l.receptive_field)).toEqual([
      [5, 5],
      [6, 6],
      [14, 14],
      [16, 16],
      null,
      null,
      null,
      null,
    ]);
  });

  it('Functional with keras_history arguments and a three-way Concatenate', () => {
    const { summary, project } = load('keras-3-functional.json');
    expect(summary.total_params).toBe(49_186);
    expect(rows(summary)).toEqual([
      ['branch_1x1', [28, 28, 8], 16],
      ['branch_3x3', [28, 28, 16], 160],
      ['branch_pool', [28, 28, 1], 0],
      ['mixed', [28, 28, 25], 0],
      ['pool', [14, 14, 25], 0],
      ['flatten', [4900], 0],
      ['predictions', [10], 49_010],
    ]);
    const mixed = project.graph.nodes.find((n) => n.name === 'mixed')!;
    expect(project.graph.edges.filter((e) => e.target === mixed.id)).toHaveLength(3);
  });
});

describe('TensorFlow.js model.json', () => {
  it('saved by tfjs-layers (modelTopology is the model)', () => {
    const { summary, kind } = load('tfjs-layers-model.json');
    expect(kind).toBe('tfjs');
    expect(summary.total_params).toBe(5_994);
    expect(summary.layers[0]).toEqual({
      name: 'conv2d_Conv2D1',
      type: 'Conv2D',
      output_shape: [24, 24, 8],
      params: 208,
      trainable_params: 208,
      macs: 24 * 24 * 25 * 8,
      receptive_field: [5, 5],
      nested_model: null,
    });
  });

  it('written by tensorflowjs_converter (modelTopology.model_config)', () => {
    const { summary } = load('tfjs-converted-model.json');
    expect(summary.input_shape).toEqual([32, 32, 3]);
    expect(summary.total_params).toBe(4_224_970);
  });
});

describe('model.get_config(): the config without its class', () => {
  it('reads a Sequential config and a functional one', () => {
    const sequentialModel = JSON.parse(readFileSync(join(FIXTURES, 'tf-keras-2-sequential.json'), 'utf8'));
    const functionalModel = JSON.parse(readFileSync(join(FIXTURES, 'keras-3-functional.json'), 'utf8'));
    const total = (value: unknown) => {
      const result = loadModelText(JSON.stringify(value), 'config.json');
      return result.ok ? analyse(result.project.graph).totals.total : result.errors;
    };
    expect(total(sequentialModel.config)).toBe(1_199_882);
    expect(total(functionalModel.config)).toBe(49_186);
  });
});

describe('files ConvStudio refuses, with the reason', () => {
  const errors = (text: string, lang: 'en' | 'zh-TW' = 'en') => {
    const result = loadModelText(text, 'model.json');
    expect(result.ok).toBe(false);
    return result.ok ? [] : result.errors.map((e) => translate(e, lang));
  };
  const sequential = (layers: unknown[]) => JSON.stringify({ class_name: 'Sequential', config: { name: 's', layers } });
  const inputLayer = { class_name: 'InputLayer', config: { batch_input_shape: [null, 28, 28, 1], name: 'in' } };

  it.each<[string, string, RegExp]>([
    ['empty', '', /model\.json is empty/],
    ['whitespace', '  \n ', /model\.json is empty/],
    [
      'truncated',
      '{"class_name": "Sequential", "config": {"layers": [',
      /not valid JSON \(line 1, column 52: the text ends before the JSON does\)\. The file may be truncated/,
    ],
    ['not JSON', 'Hello', /not valid JSON \(line 1, column 1: a character that JSON does not allow here/],
    ['deeply nested', '['.repeat(100_000) + ']'.repeat(100_000), /nested more than 100 levels deep/],
    ['a JSON array', '[1, 2]', /neither a ConvStudio project nor a Keras or TensorFlow\.js model/],
    ['an unrelated object', '{"name": "x"}', /neither a ConvStudio project/],
    ['no layers', sequential([]), /The model has no layers/],
    [
      'a layer ConvStudio lacks',
      sequential([inputLayer, { class_name: 'ConvLSTM2D', config: { name: 'conv_lstm_1', filters: 4 } }]),
      /The file uses ConvLSTM2D, which ConvStudio does not support yet \(1 layer: 'conv_lstm_1'\)/,
    ],
    [
      'an empty nested model',
      sequential([inputLayer, { class_name: 'Sequential', config: { name: 'inner', layers: [] } }]),
      /The nested model 'inner' has no layers/,
    ],
    ['a model of another class', JSON.stringify({ class_name: 'Subclassed', config: {} }), /is a 'Subclassed'/],
    [
      'no input shape',
      sequential([{ class_name: 'Dense', config: { name: 'd', units: 3 } }]),
      /first layer 'd' has no batch_input_shape/,
    ],
    [
      'channels_first',
      sequential([
        inputLayer,
        { class_name: 'Conv2D', config: { name: 'c', filters: 2, kernel_size: 3, data_format: 'channels_first' } },
      ]),
      /'c' uses data_format 'channels_first'/,
    ],
    [
      'a setting of the wrong type',
      sequential([inputLayer, { class_name: 'Conv2D', config: { name: 'c', filters: 'many', kernel_size: 3 } }]),
      /Layer 'c' \(Conv2D\): the setting filters = "many" cannot be read/,
    ],
    [
      'a missing setting',
      sequential([inputLayer, { class_name: 'Dense', config: { name: 'd' } }]),
      /Layer 'd' \(Dense\) has no units setting/,
    ],
    [
      'an unknown activation',
      sequential([inputLayer, { class_name: 'Dense', config: { name: 'd', units: 2, activation: 'sparkle' } }]),
      /the setting activation = "sparkle"/,
    ],
  ])('%s', (_name, text, pattern) => {
    const found = errors(text);
    expect(
      found.some((e) => pattern.test(e)),
      found.join('\n'),
    ).toBe(true);
  });

  it('names every unsupported layer, not only the first', () => {
    const found = errors(
      sequential([
        inputLayer,
        { class_name: 'ConvLSTM2D', config: { name: 'a' } },
        { class_name: 'MultiHeadAttention', config: { name: 'b' } },
      ]),
    );
    expect(found).toEqual([
      "The file uses ConvLSTM2D, which ConvStudio does not support yet (1 layer: 'a').",
      "The file uses MultiHeadAttention, which ConvStudio does not support yet (1 layer: 'b').",
    ]);
  });

  it('names each unsupported class once, and no follow-on errors after it', () => {
    const found = errors(
      sequential([
        inputLayer,
        { class_name: 'RandomContrast', config: { name: 'r1', factor: 0.1 } },
        { class_name: 'BatchNormalization', config: { name: 'bn', axis: [3] } },
        { class_name: 'RandomContrast', config: { name: 'r2', factor: 2 } },
        { class_name: 'RandomContrast', config: { name: 'r3', factor: 2 } },
        { class_name: 'RandomContrast', config: { name: 'r4', factor: 2 } },
      ]),
    );
    expect(found).toEqual([
      "The file uses RandomContrast, which ConvStudio does not support yet (4 layers: 'r1', 'r2', 'r3', …).",
    ]);
  });

  it('a layer used twice (shared weights) and an unknown inbound layer', () => {
    const functional = (layers: unknown[]) =>
      JSON.stringify({ class_name: 'Functional', config: { name: 'f', layers } });
    const input = {
      class_name: 'InputLayer',
      name: 'in',
      config: { name: 'in', batch_input_shape: [null, 4] },
      inbound_nodes: [],
    };
    expect(
      errors(
        functional([
          input,
          {
            class_name: 'Dense',
            name: 'd',
            config: { name: 'd', units: 2 },
            inbound_nodes: [[['in', 0, 0, {}]], [['in', 0, 0, {}]]],
          },
        ]),
      ),
    ).toEqual(["Layer 'd' is used 2 times (shared weights); ConvStudio supports each layer once."]);
    expect(
      errors(
        functional([
          input,
          { class_name: 'Dense', name: 'd', config: { name: 'd', units: 2 }, inbound_nodes: [[['ghost', 0, 0, {}]]] },
        ]),
      ),
    ).toEqual(["Layer 'd' takes its input from 'ghost', which is not a layer of this model."]);
  });

  it('says it in Traditional Chinese too', () => {
    expect(errors(sequential([inputLayer, { class_name: 'ConvLSTM2D', config: { name: 'c1' } }]), 'zh-TW')).toEqual([
      "檔案用到 ConvLSTM2D，ConvStudio 目前還不支援（共 1 層：'c1'）。",
    ]);
  });

  it('reads the Keras details real files use: batchInputShape, "rate": null, layers wired by their outer name', () => {
    const functional = {
      class_name: 'Functional',
      config: {
        name: 'f',
        layers: [
          // TF.js's spelling of the batch shape, as hand-patched Keras 3 files have it.
          {
            class_name: 'InputLayer',
            name: 'in',
            config: { name: 'in', batchInputShape: [null, 6] },
            inbound_nodes: [],
          },
          // The outer name is what other layers refer to (TensorFlowOpLayer / TFOpLambda style).
          {
            class_name: 'Dense',
            name: 'tf_op_layer_dense',
            config: { name: 'dense', units: 3 },
            inbound_nodes: [[['in', 0, 0, {}]]],
          },
          {
            class_name: 'Dropout',
            name: 'drop',
            config: { name: 'drop', rate: null, noise_shape: null, seed: null },
            inbound_nodes: [[['tf_op_layer_dense', 0, 0, {}]]],
          },
        ],
        input_layers: [['in', 0, 0]],
        output_layers: [['drop', 0, 0]],
      },
    };
    const result = loadModelText(JSON.stringify(functional), 'f.json');
    if (!result.ok) throw new Error(result.errors.map((e) => translate(e, 'en')).join('\n'));
    const summary = summaryJson(analyse(result.project.graph));
    expect(summary.input_shape).toEqual([6]);
    expect(summary.layers.map((l) => [l.name, l.params])).toEqual([
      ['tf_op_layer_dense', 21],
      ['drop', 0],
    ]);
    expect(result.project.graph.nodes.find((n) => n.name === 'drop')!.params).toEqual({ rate: 0.5 });
  });

  it('accepts settings written as one number, and Keras aliases', () => {
    const result = loadModelText(
      sequential([
        inputLayer,
        {
          class_name: 'Convolution2D',
          config: { name: 'c', filters: 4, kernel_size: 3, strides: 1, padding: 'same', activation: 'relu' },
        },
        { class_name: 'MaxPool2D', config: { name: 'p', pool_size: 2, strides: null } },
        { class_name: 'ZeroPadding2D', config: { name: 'z', padding: [1, 2] } },
        { class_name: 'LeakyReLU', config: { name: 'l', alpha: 0.3 } },
      ]),
      'm.json',
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(analyse(result.project.graph).nodes.map((n) => n.outputShape)).toEqual([
      [28, 28, 1],
      [28, 28, 4],
      [14, 14, 4],
      [16, 18, 4],
      [16, 18, 4],
    ]);
  });
});

describe('weight penalties', () => {
  it('reads kernel_regularizer as tf.keras 2 and Keras 3 write it', () => {
    const model = JSON.stringify({
      class_name: 'Sequential',
      config: {
        layers: [
          { class_name: 'InputLayer', config: { name: 'in', batch_input_shape: [null, 8] } },
          {
            class_name: 'Dense',
            config: {
              name: 'a',
              units: 4,
              kernel_regularizer: { class_name: 'L2', config: { l2: 0.009999999776482582 } },
            },
          },
          {
            class_name: 'Dense',
            config: {
              name: 'b',
              units: 2,
              kernel_regularizer: {
                module: 'keras.regularizers',
                class_name: 'L1L2',
                config: { l1: 0.001, l2: 0.02 },
                registered_name: null,
              },
            },
          },
        ],
      },
    });
    const result = loadModelText(model, 'm.json');
    if (!result.ok) throw new Error('not read');
    expect(
      result.project.graph.nodes.map((n) => [
        n.name,
        (n.params as { kernel_l1?: number }).kernel_l1,
        (n.params as { kernel_l2?: number }).kernel_l2,
      ]),
    ).toEqual([
      ['in', undefined, undefined],
      ['a', 0, 0.01],
      ['b', 0.001, 0.02],
    ]);
  });
});

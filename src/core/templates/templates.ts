/**
 * Ready-made networks from the courses and the textbooks. Parameter totals are Keras's model.summary()
 * figures and are checked in test/core/templates.test.ts.
 */
import { kerasNamer, makeNode, sequential, type LayerSpec } from '../document/build.ts';
import { conv, dense, dropout, flatten, input, maxPool } from './layer-specs.ts';
import type { Graph } from '../document/graph-schema.ts';
import { layeredPositions } from '../document/layered-layout.ts';

export interface Template {
  id: string;
  name: { en: string; 'zh-TW': string };
  description: { en: string; 'zh-TW': string };
  build(): Graph;
}

function vggBlock(filters: number, convs: number): LayerSpec[] {
  return [...Array.from({ length: convs }, () => conv(filters, 3, { padding: 'same' })), maxPool(2)];
}

const batchNorm: LayerSpec = { type: 'BatchNormalization' };
const relu6: LayerSpec = { type: 'ReLU', params: { max_value: 6 } };

/**
 * MobileNet v1 (Howard et al., 2017) as keras/src/applications/mobilenet.py builds it with α = 1: a strided
 * convolution, then 13 depthwise-separable blocks (3×3 depthwise, 1×1 pointwise, each followed by
 * BatchNormalization and ReLU6); strided blocks pad one row and column after and use 'valid'.
 */
function mobileNet(): LayerSpec[] {
  const block = (filters: number, stride: 1 | 2): LayerSpec[] => [
    ...(stride === 2
      ? [
          {
            type: 'ZeroPadding2D',
            params: {
              padding: [
                [0, 1],
                [0, 1],
              ],
            },
          } as LayerSpec,
        ]
      : []),
    {
      type: 'DepthwiseConv2D',
      params: {
        kernel_size: [3, 3],
        strides: [stride, stride],
        padding: stride === 1 ? 'same' : 'valid',
        use_bias: false,
      },
    },
    batchNorm,
    relu6,
    conv(filters, 1, { padding: 'same', use_bias: false, activation: 'linear' }),
    batchNorm,
    relu6,
  ];
  return [
    input([224, 224, 3]),
    conv(32, 3, { strides: [2, 2], padding: 'same', use_bias: false, activation: 'linear' }),
    batchNorm,
    relu6,
    ...block(64, 1),
    ...block(128, 2),
    ...block(128, 1),
    ...block(256, 2),
    ...block(256, 1),
    ...block(512, 2),
    ...[1, 2, 3, 4, 5].flatMap(() => block(512, 1)),
    ...block(1024, 2),
    ...block(1024, 1),
    { type: 'GlobalAveragePooling2D', params: { keepdims: true } },
    dropout(0.001),
    conv(1000, 1, { padding: 'same', activation: 'linear' }),
    { type: 'Reshape', params: { target_shape: [1000] } },
    { type: 'Activation', params: { activation: 'softmax' } },
  ];
}

/** Layers joined by named edges (a DAG), laid out top to bottom. */
function functional(specs: Array<[string, LayerSpec, string[]]>): Graph {
  const name = kerasNamer();
  const nodes = specs.map(([id, spec]) => makeNode(spec, id, name(spec.type)));
  const edges = specs.flatMap(([id, , inputs]) =>
    inputs.map((from, i) => ({ id: `e-${id}-${i}`, source: from, target: id })),
  );
  const graph: Graph = { nodes, edges };
  const positions = layeredPositions(graph);
  for (const node of nodes) node.position = positions.get(node.id)!;
  return graph;
}

/**
 * A small U-Net (Ronneberger et al., 2015): an encoder that halves the map twice, a decoder that doubles it
 * back (a transposed convolution, then upsampling), and skip connections that join each decoder step to
 * the encoder's map of the same size.
 */
function smallUNet(): Graph {
  return functional([
    ['in', input([32, 32, 3]), []],
    ['c1', conv(16, 3, { padding: 'same' }), ['in']],
    ['p1', maxPool(2), ['c1']],
    ['c2', conv(32, 3, { padding: 'same' }), ['p1']],
    ['p2', maxPool(2), ['c2']],
    ['b', conv(64, 3, { padding: 'same' }), ['p2']],
    ['u1', { type: 'Conv2DTranspose', params: { filters: 32, kernel_size: [2, 2], strides: [2, 2] } }, ['b']],
    ['j1', { type: 'Concatenate' }, ['u1', 'c2']],
    ['c3', conv(32, 3, { padding: 'same' }), ['j1']],
    ['u2', { type: 'UpSampling2D' }, ['c3']],
    ['j2', { type: 'Concatenate' }, ['u2', 'c1']],
    ['c4', conv(16, 3, { padding: 'same' }), ['j2']],
    ['out', conv(1, 1, { activation: 'sigmoid' }), ['c4']],
  ]);
}

/** A small residual block: the input of two convolutions is added to their output (He et al., 2016). */
function residualBlock(): Graph {
  const name = kerasNamer();
  const specs: LayerSpec[] = [
    input([32, 32, 3]),
    conv(16, 3, { padding: 'same' }),
    conv(16, 3, { padding: 'same' }),
    conv(16, 3, { padding: 'same', activation: 'linear' }),
    { type: 'Add' },
    { type: 'Activation', params: { activation: 'relu' } },
    { type: 'GlobalAveragePooling2D' },
    dense(10, 'softmax'),
  ];
  const nodes = specs.map((s, i) => makeNode(s, `n${i + 1}`, name(s.type)));
  const link = (id: string, a: number, b: number) => ({
    id,
    source: `n${a}`,
    target: `n${b}`,
  });
  const graph: Graph = {
    nodes,
    edges: [
      link('e1', 1, 2),
      link('e2', 2, 3),
      link('e3', 3, 4),
      link('e4', 2, 5),
      link('e5', 4, 5),
      link('e6', 5, 6),
      link('e7', 6, 7),
      link('e8', 7, 8),
    ],
  };
  const positions = layeredPositions(graph);
  for (const node of nodes) node.position = positions.get(node.id)!;
  return graph;
}

export const TEMPLATES: Template[] = [
  {
    id: 'mnist-4-layer',
    name: { en: '4-layer MNIST CNN', 'zh-TW': '4 層 MNIST 卷積神經網路' },
    description: {
      en: 'Two convolutions, max pooling and two Dense layers: 1,199,882 parameters, as counted in the lecture.',
      'zh-TW': '兩個卷積層、最大池化與兩個全連接層：共 1,199,882 個參數，與課堂計算相同。',
    },
    build: () =>
      sequential([
        input([28, 28, 1]),
        conv(32, 3),
        conv(64, 3),
        maxPool(2),
        dropout(0.25),
        flatten,
        dense(128),
        dropout(0.5),
        dense(10, 'softmax'),
      ]),
  },
  {
    id: 'lenet-5',
    name: { en: 'LeNet-5', 'zh-TW': 'LeNet-5' },
    description: {
      en: 'LeCun et al. (1998) on 28×28 digits: 61,706 parameters.',
      'zh-TW': 'LeCun 等人 (1998) 的手寫數字網路，輸入 28×28：61,706 個參數。',
    },
    build: () =>
      sequential([
        input([28, 28, 1]),
        conv(6, 5, { padding: 'same', activation: 'tanh' }),
        { type: 'AveragePooling2D', params: { pool_size: [2, 2] } },
        conv(16, 5, { activation: 'tanh' }),
        { type: 'AveragePooling2D', params: { pool_size: [2, 2] } },
        flatten,
        { type: 'Dense', params: { units: 120, activation: 'tanh' } },
        { type: 'Dense', params: { units: 84, activation: 'tanh' } },
        dense(10, 'softmax'),
      ]),
  },
  {
    id: 'textbook-mnist',
    name: { en: 'Textbook MNIST CNN', 'zh-TW': '教科書 MNIST 卷積神經網路' },
    description: {
      en: 'Conv 16 5×5 → pool → Conv 36 5×5 → pool → Dense 128 → Dense 10, with Dropout (99.40% in the textbook).',
      'zh-TW': '卷積 16 個 5×5 → 池化 → 卷積 36 個 5×5 → 池化 → 全連接 128 → 全連接 10，含丟棄法（教科書 99.40%）。',
    },
    build: () =>
      sequential([
        input([28, 28, 1]),
        conv(16, 5, { padding: 'same' }),
        maxPool(2),
        conv(36, 5, { padding: 'same' }),
        maxPool(2),
        dropout(0.25),
        flatten,
        dense(128),
        dropout(0.5),
        dense(10, 'softmax'),
      ]),
  },
  {
    id: 'textbook-cifar10',
    name: {
      en: 'Textbook CIFAR-10 CNN',
      'zh-TW': '教科書 CIFAR-10 卷積神經網路',
    },
    description: {
      en: 'Two 3×3 convolution blocks with Dropout and a Dense 1024 classifier for 32×32 colour images.',
      'zh-TW': '兩個 3×3 卷積區塊加丟棄法，以及全連接 1024 的分類器，用於 32×32 彩色影像。',
    },
    build: () =>
      sequential([
        input([32, 32, 3]),
        conv(32, 3, { padding: 'same' }),
        dropout(0.25),
        maxPool(2),
        conv(64, 3, { padding: 'same' }),
        dropout(0.25),
        maxPool(2),
        flatten,
        dropout(0.25),
        dense(1024),
        dropout(0.25),
        dense(10, 'softmax'),
      ]),
  },
  {
    id: 'worked-7x7x3',
    name: { en: 'Worked example: 7×7×3', 'zh-TW': '範例演算：7×7×3' },
    description: {
      en: 'The course’s step-by-step example: padding 1, 3×3 pools with stride 1, down to 18 values.',
      'zh-TW': '課程中的逐步範例：填充 1、步幅 1 的 3×3 池化，最後得到 18 個值。',
    },
    build: () =>
      sequential([
        input([7, 7, 3]),
        conv(2, 3, { padding: 1, activation: 'relu' }),
        maxPool(3, 1),
        conv(2, 3, { padding: 1, activation: 'relu' }),
        maxPool(3, 1),
        flatten,
      ]),
  },
  {
    id: 'vgg-style',
    name: { en: 'VGG-style stack', 'zh-TW': 'VGG 風格堆疊' },
    description: {
      en: 'Blocks of 3×3 convolutions with same padding, each followed by 2×2 max pooling, on 32×32×3.',
      'zh-TW': '以 same 填充的 3×3 卷積區塊，每塊後接 2×2 最大池化，輸入 32×32×3。',
    },
    build: () =>
      sequential([
        input([32, 32, 3]),
        ...vggBlock(32, 2),
        ...vggBlock(64, 2),
        ...vggBlock(128, 2),
        flatten,
        dense(256),
        dropout(0.5),
        dense(10, 'softmax'),
      ]),
  },
  {
    id: 'vgg16',
    name: { en: 'VGG16', 'zh-TW': 'VGG16' },
    description: {
      en: 'Simonyan & Zisserman (2014) with its classifier, on 224×224×3: 138,357,544 parameters.',
      'zh-TW': 'Simonyan 與 Zisserman (2014) 的 VGG16 含分類器，輸入 224×224×3：138,357,544 個參數。',
    },
    build: () =>
      sequential([
        input([224, 224, 3]),
        ...vggBlock(64, 2),
        ...vggBlock(128, 2),
        ...vggBlock(256, 3),
        ...vggBlock(512, 3),
        ...vggBlock(512, 3),
        flatten,
        dense(4096),
        dense(4096),
        dense(1000, 'softmax'),
      ]),
  },
  {
    id: 'mobilenet-v1',
    name: { en: 'MobileNet v1', 'zh-TW': 'MobileNet v1' },
    description: {
      en: 'Howard et al. (2017), α = 1, on 224×224×3: depthwise-separable blocks, 4,253,864 parameters (3,228,864 without the classifier).',
      'zh-TW':
        'Howard 等人 (2017)，α = 1，輸入 224×224×3：深度可分離卷積區塊，4,253,864 個參數（不含分類器為 3,228,864）。',
    },
    build: () => sequential(mobileNet()),
  },
  {
    id: 'separable-block',
    name: { en: 'Depthwise-separable block', 'zh-TW': '深度可分離卷積區塊' },
    description: {
      en: 'A 3×3 convolution split into a depthwise and a 1×1 pointwise step, as MobileNet does; compare its count with the ordinary Conv2D before it.',
      'zh-TW': '把 3×3 卷積拆成深度卷積與 1×1 逐點卷積，如 MobileNet；和前面的一般 Conv2D 比較參數數量。',
    },
    build: () =>
      sequential([
        input([32, 32, 32]),
        conv(64, 3, { padding: 'same' }),
        {
          type: 'DepthwiseConv2D',
          params: { kernel_size: [3, 3], padding: 'same', use_bias: false },
        },
        batchNorm,
        { type: 'Activation', params: { activation: 'relu' } },
        conv(64, 1, { padding: 'same', use_bias: false, activation: 'linear' }),
        batchNorm,
        { type: 'Activation', params: { activation: 'relu' } },
        { type: 'SeparableConv2D', params: { filters: 128, kernel_size: [3, 3], padding: 'same', activation: 'relu' } },
        { type: 'GlobalAveragePooling2D' },
        dense(10, 'softmax'),
      ]),
  },
  {
    id: 'unet-small',
    name: { en: 'Small U-Net (encoder–decoder)', 'zh-TW': '小型 U-Net（編碼器–解碼器）' },
    description: {
      en: 'Shrinks a 32×32×3 image twice and grows it back (Conv2DTranspose, UpSampling2D), joining each size to its encoder twin: 57,217 parameters.',
      'zh-TW':
        '把 32×32×3 影像縮小兩次再放大回來（Conv2DTranspose、UpSampling2D），每個大小都與編碼器同大小的特徵圖相接：57,217 個參數。',
    },
    build: smallUNet,
  },
  {
    id: 'conv1d-signals',
    name: { en: '1-D CNN for signals', 'zh-TW': '訊號用的一維 CNN' },
    description: {
      en: 'Conv1D over 128 time steps of 3 sensor axes (as in activity recognition) into 6 classes: 11,206 parameters.',
      'zh-TW': '在 128 個時間步、3 個感測軸上做 Conv1D（如動作辨識），分成 6 類：11,206 個參數。',
    },
    build: () =>
      sequential([
        input([128, 3]),
        { type: 'Conv1D', params: { filters: 32, kernel_size: 5, activation: 'relu' } },
        { type: 'MaxPooling1D', params: { pool_size: 2 } },
        { type: 'Conv1D', params: { filters: 64, kernel_size: 5, activation: 'relu' } },
        { type: 'GlobalAveragePooling1D' },
        { type: 'Dense', params: { units: 6, activation: 'softmax' } },
      ]),
  },
  {
    id: 'lstm-text',
    name: { en: 'LSTM text classifier', 'zh-TW': 'LSTM 文字分類器' },
    description: {
      en: 'Reviews of 100 word indices (a 10,000-word vocabulary) through Embedding and LSTM(64) to positive or negative: 344,897 parameters.',
      'zh-TW':
        '由 100 個字詞編號組成的評論（詞彙量 10,000），經 Embedding 與 LSTM(64) 判斷正面或負面：344,897 個參數。',
    },
    build: () =>
      sequential([
        input([100]),
        { type: 'Embedding', params: { input_dim: 10_000, output_dim: 32 } },
        { type: 'LSTM', params: { units: 64 } },
        { type: 'Dense', params: { units: 1, activation: 'sigmoid' } },
      ]),
  },
  {
    id: 'residual-block',
    name: { en: 'Residual block', 'zh-TW': '殘差區塊' },
    description: {
      en: 'A shortcut adds a block’s input to its output (Add), as in ResNet.',
      'zh-TW': '捷徑連線把區塊的輸入加到輸出 (Add)，如 ResNet。',
    },
    build: residualBlock,
  },
];

export function findTemplate(id: string): Template | undefined {
  return TEMPLATES.find((t) => t.id === id);
}

/** Every problem becomes a diagnostic on its layer with a message that names it and gives the arithmetic. */
import { describe, expect, it } from 'vitest';
import { analyse, makeNode, translate, type Graph, type LayerSpec } from '../../../src/core/index.ts';
import { analyseChain, input } from '../../helpers/layers.ts';

function messages(graphOrAnalysis: ReturnType<typeof analyseChain>, severity: 'error' | 'warning') {
  return graphOrAnalysis.diagnostics.filter((d) => d.severity === severity).map((d) => translate(d.message, 'en'));
}

const conv = (params: Extract<LayerSpec, { type: 'Conv2D' }>['params']): LayerSpec => ({ type: 'Conv2D', params });

function graphOf(specs: LayerSpec[], links: Array<[number, number]>): Graph {
  return {
    nodes: specs.map((s, i) => makeNode(s, `n${i}`, s.name ?? `layer_${i}`)),
    edges: links.map(([a, b], i) => ({ id: `e${i}`, source: `n${a}`, target: `n${b}` })),
  };
}

describe('errors', () => {
  it.each<[string, LayerSpec[], RegExp]>([
    [
      'filters 0',
      [input([28, 28, 1]), conv({ filters: 0 })],
      /'conv2d' \(Conv2D\): filters is 0; it must be a whole number from 1 to 65,536/,
    ],
    ['filters 65,537', [input([28, 28, 1]), conv({ filters: 65_537 })], /filters is 65,537/],
    ['fractional filters', [input([28, 28, 1]), conv({ filters: 2.5 })], /filters is 2.5; it must be a whole number/],
    [
      'kernel 0',
      [input([28, 28, 1]), conv({ kernel_size: [0, 0] })],
      /kernel_size is 0; it must be a whole number from 1 to 4,096/,
    ],
    ['stride 5,000', [input([28, 28, 1]), conv({ strides: [1, 5000] })], /strides\[1\] is 5,000/],
    ['units 0', [input([10]), { type: 'Dense', params: { units: 0 } }], /'dense' \(Dense\): units is 0/],
    [
      'dropout 1',
      [input([10]), { type: 'Dropout', params: { rate: 1 } }],
      /'dropout' \(Dropout\): the dropout rate is 1; it must be at least 0 and less than 1/,
    ],
    ['dropout −0.1', [input([10]), { type: 'Dropout', params: { rate: -0.1 } }], /the dropout rate is −0.1/],
    ['pool 0', [input([8, 8, 1]), { type: 'MaxPooling2D', params: { pool_size: [0, 0] } }], /pool_size is 0/],
    [
      'negative padding',
      [input([8, 8, 1]), conv({ padding: -1 })],
      /padding is −1; it must be a whole number from 0 to 4,096/,
    ],
    [
      'kernel larger than its input',
      [input([3, 3, 1]), conv({ kernel_size: [5, 5] })],
      /^'conv2d' \(Conv2D\): the kernel \(5\) is larger than the height and width of its input \(3\): \(3−5\)\/1\+1 = −1\. Use a kernel of at most 3, or 'same' padding\.$/,
    ],
    [
      'pool larger than its padded input',
      [input([2, 2, 1]), { type: 'MaxPooling2D', params: { pool_size: [5, 5], padding: 1 } }],
      /the pool window \(5\) is larger than the height and width of its padded input \(4\)/,
    ],
    [
      'Conv2D after Flatten',
      [input([8, 8, 1]), { type: 'Flatten' }, conv({})],
      /works on images .* but its input is 64/,
    ],
    ['missing input shape', [{ type: 'Input', params: { shape: [] } }], /'input_layer' \(Input\) has no input shape/],
    ['no input shape', [{ type: 'Input', params: { shape: [] } }], /has no input shape/],
    [
      'input shape with None',
      [{ type: 'Input', params: { shape: [null, null, 3] } }],
      /leaves some sizes of its input open \(\? × \? × 3/,
    ],
    ['input size 0', [input([0, 28, 1])], /the input shape 0 × 28 × 1 is not valid/],
    [
      'a negative weight penalty',
      [input([10]), { type: 'Dense', params: { units: 2, kernel_l2: -0.1 } }],
      /'dense' \(Dense\): kernel_l2 is −0.1; a weight penalty must be 0 \(none\) or a small positive number/,
    ],
    [
      'groups that do not divide',
      [input([8, 8, 3]), conv({ filters: 4, groups: 2 })],
      /groups = 2 must divide both the input channels \(3\) and the filters \(4\)/,
    ],
  ])('%s', (_name, layers, pattern) => {
    const found = messages(analyseChain(layers), 'error');
    expect(
      found.some((m) => pattern.test(m)),
      found.join('\n'),
    ).toBe(true);
  });

  it('a cycle marks every layer on it', () => {
    const graph = graphOf(
      [input([8, 8, 1]), { type: 'Add', name: 'a' }, { type: 'Activation', name: 'b' }],
      [
        [0, 1],
        [1, 2],
        [2, 1],
      ],
    );
    const analysis = analyse(graph);
    const cyclic = analysis.diagnostics.filter((d) => translate(d.message, 'en').includes('part of a loop'));
    expect(cyclic.map((d) => d.nodeId).sort()).toEqual(['n1', 'n2']);
  });

  it('a layer not connected to any Input', () => {
    const graph = graphOf([input([8, 8, 1]), { type: 'Flatten', name: 'lonely' }], []);
    expect(messages(analyse(graph), 'error')).toEqual([
      "'lonely' (Flatten) is not connected to an Input layer, so its input shape is unknown. Drag from the dot under the layer that should feed it to the dot on top of this one.",
    ]);
  });

  it('an empty network and one without an Input', () => {
    expect(messages(analyse({ nodes: [], edges: [] }), 'error')).toEqual([
      'The network has no layers yet. Start with an Input layer.',
    ]);
    const noInput = graphOf([{ type: 'Flatten', name: 'f' }], []);
    expect(messages(analyse(noInput), 'error')).toEqual([
      'The network has no Input layer, so no shape can be worked out.',
    ]);
  });

  it('Add with different shapes, Concatenate with mismatched sizes, merges with one input', () => {
    const add = graphOf(
      [
        input([8, 8, 1]),
        conv({ filters: 4, kernel_size: [3, 3] }),
        conv({ filters: 4, kernel_size: [1, 1] }),
        { type: 'Add', name: 'sum' },
      ],
      [
        [0, 1],
        [0, 2],
        [1, 3],
        [2, 3],
      ],
    );
    add.nodes[2]!.name = 'conv2d_1';
    expect(messages(analyse(add), 'error')).toEqual([
      "'sum' (Add): Add sums its inputs value by value, so their shapes must match: 'layer_1' (Conv2D) 6 × 6 × 4, 'conv2d_1' (Conv2D) 8 × 8 × 4. Try 'same' padding on the branch that shrinks, or a 1×1 Conv2D on the other.",
    ]);
    const concat = graphOf(
      [input([8, 8, 1]), conv({ filters: 4, kernel_size: [3, 3] }), { type: 'Concatenate', name: 'cat' }],
      [
        [0, 1],
        [0, 2],
        [1, 2],
      ],
    );
    expect(messages(analyse(concat), 'error')[0]).toMatch(
      /'cat' \(Concatenate\): Concatenate joins along axis -1, so every other size must match: 'layer_0' \(Input\) 8 × 8 × 1, 'layer_1' \(Conv2D\) 6 × 6 × 4\. Try 'same' padding/,
    );
    const single = graphOf([input([8]), { type: 'Add', name: 'only' }], [[0, 1]]);
    expect(messages(analyse(single), 'error')).toEqual([
      "'only' (Add) combines layers and needs at least 2 incoming connections; it has 1.",
    ]);
  });

  it('a layer with two inputs that takes one, and an Input with an incoming connection', () => {
    const graph = graphOf(
      [input([4]), input([4]), { type: 'Dense', name: 'd', params: { units: 2 } }],
      [
        [0, 2],
        [1, 2],
      ],
    );
    graph.nodes[1]!.name = 'second_input';
    expect(messages(analyse(graph), 'error')).toEqual([
      "'d' (Dense) has 2 incoming connections, but takes exactly one. Only the merge layers (Add, Concatenate, Multiply…) combine several.",
    ]);
    const intoInput = graphOf([input([4]), input([4])], [[0, 1]]);
    intoInput.nodes[1]!.name = 'x';
    expect(messages(analyse(intoInput), 'error')).toEqual([
      "'x' (Input) is an Input layer and cannot receive a connection from another layer.",
    ]);
  });
});

describe('layer names', () => {
  it('two layers with one name are both marked, and still show their figures', () => {
    const graph = graphOf(
      [
        input([4]),
        { type: 'Dense', name: 'same', params: { units: 2 } },
        { type: 'Dense', name: 'same', params: { units: 3 } },
      ],
      [
        [0, 1],
        [1, 2],
      ],
    );
    const analysis = analyse(graph);
    expect(messages(analysis, 'error')).toEqual([
      "'same' (Dense): another layer has the same name. Keras needs every layer name to be different.",
      "'same' (Dense): another layer has the same name. Keras needs every layer name to be different.",
    ]);
    expect(analysis.byId.get('n2')!.params!.total).toBe(9);
  });
});

describe('nothing blanks out', () => {
  it('layers before and beside an invalid layer still show their figures', () => {
    const analysis = analyseChain([
      input([28, 28, 1]),
      conv({ filters: 32, kernel_size: [3, 3] }),
      conv({ filters: 0 }),
      { type: 'Flatten' },
    ]);
    expect(analysis.nodes[1]!.outputShape).toEqual([26, 26, 32]);
    expect(analysis.nodes[1]!.params?.total).toBe(320);
    expect(analysis.nodes[2]!.outputShape).toBeNull();
    expect(analysis.nodes[3]!.outputShape).toBeNull();
    expect(analysis.nodes[3]!.diagnostics).toEqual([]);
    expect(analysis.totals).toMatchObject({ total: 320, complete: false });
  });

  it('a kernel too large for its input still has its parameter count', () => {
    const node = analyseChain([input([3, 3, 2]), conv({ filters: 4, kernel_size: [5, 5] })]).nodes[1]!;
    expect(node.outputShape).toBeNull();
    expect(node.params?.total).toBe(5 * 5 * 2 * 4 + 4);
  });
});

describe('warnings', () => {
  it('a stride that does not tile the input says how many rows and columns Keras drops', () => {
    const found = messages(
      analyseChain([input([28, 27, 1]), conv({ kernel_size: [3, 3], strides: [2, 2] })]),
      'warning',
    );
    expect(found).toEqual([
      "'conv2d' (Conv2D): along the height, 28−3 = 25 is not divisible by the stride 2, so Keras ignores the last 1 row of the input.",
    ]);
    const pool = messages(
      analyseChain([input([10, 10, 1]), { type: 'MaxPooling2D', params: { pool_size: [3, 3], strides: [4, 4] } }]),
      'warning',
    );
    expect(pool[0]).toMatch(
      /along the height and width, 10−3 = 7 is not divisible by the stride 4, so Keras ignores the last 3 rows and columns/,
    );
  });

  it('no tiling warning for same padding', () => {
    expect(messages(analyseChain([input([27, 27, 1]), conv({ strides: [2, 2], padding: 'same' })]), 'warning')).toEqual(
      [],
    );
  });

  it('Dense on a tensor that is not flat, suggesting Flatten', () => {
    expect(messages(analyseChain([input([4, 4, 8]), { type: 'Dense', params: { units: 3 } }]), 'warning')).toEqual([
      "'dense' (Dense): Dense gets 4 × 4 × 8 values arranged as an image, not a flat list, so each position gets its own 3 outputs. To connect every value to every unit, put a Flatten layer (or GlobalAveragePooling2D) before it.",
    ]);
  });

  it('softmax before the last layer', () => {
    const found = messages(
      analyseChain([
        input([10]),
        { type: 'Dense', params: { units: 5, activation: 'softmax' } },
        { type: 'Dense', params: { units: 2 } },
      ]),
      'warning',
    );
    expect(found).toEqual([
      "'dense' (Dense) uses softmax but is not the last layer. Softmax usually belongs only to the output layer.",
    ]);
  });

  it('warnings do not stop the figures', () => {
    const analysis = analyseChain([input([28, 28, 1]), conv({ kernel_size: [3, 3], strides: [2, 2], filters: 4 })]);
    expect(analysis.nodes[1]!.outputShape).toEqual([13, 13, 4]);
  });
});

describe('both languages', () => {
  it('words every diagnostic in Traditional Chinese too', () => {
    const analysis = analyseChain([input([28, 28, 1]), conv({ filters: 0 }), { type: 'Dropout', params: { rate: 2 } }]);
    const zh = analysis.diagnostics.map((d) => translate(d.message, 'zh-TW'));
    expect(zh[0]).toBe("'conv2d' (Conv2D)：filters 是 0；必須是 1 到 65,536 的整數。");
    expect(zh[1]).toMatch(/丟棄率 \(Dropout rate\) 是 2/);
  });
});

describe('a hidden layer without an activation', () => {
  const dense = (activation: string, units = 16): LayerSpec =>
    ({ type: 'Dense', params: { units, activation } }) as LayerSpec;
  it('warns when a linear Conv2D or Dense feeds another directly, saying why and what to do', () => {
    const analysis = analyseChain([
      input([8, 8, 1]),
      conv({ filters: 4 }),
      conv({ filters: 4, activation: 'relu' }),
      { type: 'Flatten' },
      dense('linear'),
      dense('softmax', 10),
    ]);
    expect(messages(analysis, 'warning')).toEqual([
      "'conv2d' (Conv2D) has no activation (linear) and feeds 'conv2d_1' (Conv2D) directly: two layers with no activation between them can only learn what one layer could. Set its activation to ReLU, the usual choice.",
      "'dense' (Dense) has no activation (linear) and feeds 'dense_1' (Dense) directly: two layers with no activation between them can only learn what one layer could. Set its activation to ReLU, the usual choice.",
    ]);
    expect(translate(analysis.diagnostics[0]!.message, 'zh-TW')).toContain('請把它的激活函數設為 ReLU');
  });

  it('stays quiet when something non-linear follows, or for the last layer (its logits)', () => {
    const analysis = analyseChain([
      input([8, 8, 1]),
      conv({ filters: 4 }),
      { type: 'BatchNormalization' },
      { type: 'Activation', params: { activation: 'relu' } },
      { type: 'Flatten' },
      dense('linear', 10),
    ]);
    expect(messages(analysis, 'warning')).toEqual([]);
  });
});

describe('counts past 2^53', () => {
  it('refuses a count JavaScript cannot hold exactly, naming the layer, and shows no wrong digit', () => {
    // 65,536 × 65,536 × 64 features into 65,536 units: 18,014,398,509,547,520 weights and biases.
    const analysis = analyseChain([
      input([65_536, 65_536, 64]),
      { type: 'Flatten' },
      { type: 'Dense', params: { units: 65_536 } },
    ]);
    const dense = analysis.nodes[2]!;
    expect(dense.params).toBeNull();
    expect(dense.macs).toBeNull();
    expect(dense.explanations?.params).toBeNull();
    expect(dense.outputShape).toEqual([65_536]);
    expect(messages(analysis, 'error')).toContain(
      "'dense' (Dense): its parameter or multiply-add count is larger than 9,007,199,254,740,991, more than ConvStudio can count to the last digit. Make the layer or its input smaller.",
    );
    expect(translate(analysis.diagnostics.find((d) => d.severity === 'error')!.message, 'zh-TW')).toContain(
      '無法精確算到最後一位',
    );
  });

  it('refuses a total past 2^53 made of layers that are each exact', () => {
    // Two branches of 2^52 weights each (2^36 features into 65,536 units): each exact, their sum 2^53 not.
    const big: LayerSpec = { type: 'Dense', params: { units: 65_536, use_bias: false } };
    const graph = graphOf(
      [
        input([65_536, 65_536, 16]),
        { type: 'Flatten' },
        { ...big, name: 'a' },
        { ...big, name: 'b' },
        { type: 'Concatenate' },
      ],
      [
        [0, 1],
        [1, 2],
        [1, 3],
        [2, 4],
        [3, 4],
      ],
    );
    const analysis = analyse(graph);
    expect(analysis.nodes.find((n) => n.name === 'a')!.params!.total).toBe(2 ** 52);
    expect(messages(analysis, 'error')).toEqual([
      'The network’s total parameter or multiply-add count is larger than 9,007,199,254,740,991, more than ConvStudio can count to the last digit. Make some layers or the input smaller.',
    ]);
  });
});

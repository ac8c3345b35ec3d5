/** The course's and the literature's reference networks, with Keras's model.summary() figures. */
import { describe, expect, it } from 'vitest';
import { analyse, findTemplate, translate } from '../../../src/core/index.ts';

function templateAnalysis(id: string) {
  const template = findTemplate(id);
  if (!template) throw new Error(`no template ${id}`);
  return analyse(template.build());
}

describe('the 4-layer MNIST CNN from the lecture', () => {
  const analysis = templateAnalysis('mnist-4-layer');
  const byName = (name: string) => analysis.nodes.find((n) => n.name === name)!;

  it('counts 320 + 18,496 + 1,179,776 + 1,290 = 1,199,882 parameters', () => {
    expect(byName('conv2d').params?.total).toBe(320);
    expect(byName('conv2d_1').params?.total).toBe(18_496);
    expect(byName('dense').params?.total).toBe(1_179_776);
    expect(byName('dense_1').params?.total).toBe(1_290);
    expect(analysis.totals).toMatchObject({ total: 1_199_882, trainable: 1_199_882, nonTrainable: 0, complete: true });
  });

  it('goes 28×28×1 → 26×26×32 → 24×24×64 → 12×12×64 → 9,216', () => {
    expect(analysis.nodes.map((n) => n.outputShape)).toEqual([
      [28, 28, 1],
      [26, 26, 32],
      [24, 24, 64],
      [12, 12, 64],
      [12, 12, 64],
      [9216],
      [128],
      [128],
      [10],
    ]);
  });

  it('explains each figure with the layer’s own numbers', () => {
    const conv = byName('conv2d').explanations!;
    expect(conv.params!.formula).toBe('((3×3×1)+1)×32 = 320');
    expect(conv.outputShape[0]!.formula).toBe('(28−3)/1+1 = 26');
    expect(byName('conv2d_1').explanations!.params!.formula).toBe('((3×3×32)+1)×64 = 18,496');
    expect(byName('dense').explanations!.params!.formula).toBe('(9,216+1)×128 = 1,179,776');
    expect(byName('flatten').explanations!.outputShape[0]!.formula).toBe('12×12×64 = 9,216');
    expect(translate(conv.params!.rule, 'en')).toMatch(/kernel height × kernel width × input channels \+ 1 bias/);
    expect(translate(conv.params!.rule, 'zh-TW')).toMatch(/濾波器高 × 濾波器寬 × 輸入通道數/);
  });

  it('has no diagnostics', () => {
    expect(analysis.diagnostics).toEqual([]);
  });
});

describe('reference totals', () => {
  it.each([
    ['lenet-5', 61_706],
    ['vgg16', 138_357_544],
    ['textbook-mnist', 242_062],
    ['textbook-cifar10', 4_224_970],
    // keras.applications.MobileNet(alpha=1.0).summary(): 4,253,864 (21,888 non-trainable).
    ['mobilenet-v1', 4_253_864],
    // (3·3·32+1)·64 + 3·3·64 + 4·64 + 64·64 + 4·64 + (3·3·64 + (64+1)·128) + (128+1)·10
    ['separable-block', 33_866],
    // (27+1)·16 + (144+1)·32 + (288+1)·64 + (2·2·64·32+32) + (9·64+1)·32 + (9·48+1)·16 + (16+1)
    ['unet-small', 57_217],
    // (5·3+1)·32 + (5·32+1)·64 + (64+1)·6
    ['conv1d-signals', 11_206],
    // 10,000·32 + (32+64+1)·4·64 + (64+1)
    ['lstm-text', 344_897],
  ])('%s has %i parameters', (id, total) => {
    expect(templateAnalysis(id).totals.total).toBe(total);
  });

  it('MobileNet v1 without its classifier is 3,228,864, with 21,888 non-trainable (Keras, include_top=False)', () => {
    const analysis = templateAnalysis('mobilenet-v1');
    const classifier = ['global_average_pooling2d', 'dropout', 'conv2d_14', 'reshape', 'activation'];
    const kept = analysis.nodes.filter((n) => !classifier.includes(n.name));
    expect(kept.reduce((sum, n) => sum + n.params!.total, 0)).toBe(3_228_864);
    expect(analysis.totals.nonTrainable).toBe(21_888);
  });

  it('warns that VGG16 is over 100 million parameters', () => {
    const diagnostics = templateAnalysis('vgg16').diagnostics;
    expect(diagnostics).toHaveLength(1);
    expect(translate(diagnostics[0]!.message, 'en')).toMatch(/138,357,544 parameters \(over 100 million\)/);
  });
});

describe('the worked 7×7×3 example', () => {
  it('reads correctly step by step', () => {
    const analysis = templateAnalysis('worked-7x7x3');
    const steps = analysis.nodes.map((n) => [n.type, n.outputShape, n.explanations?.outputShape[0]?.formula]);
    expect(steps).toEqual([
      ['Input', [7, 7, 3], '7 × 7 × 3'],
      ['Conv2D', [7, 7, 2], '(7+2×1−3)/1+1 = 7'],
      ['MaxPooling2D', [5, 5, 2], '(7−3)/1+1 = 5'],
      ['Conv2D', [5, 5, 2], '(5+2×1−3)/1+1 = 5'],
      ['MaxPooling2D', [3, 3, 2], '(5−3)/1+1 = 3'],
      ['Flatten', [18], '3×3×2 = 18'],
    ]);
    expect(analysis.nodes[1]!.explanations!.params!.formula).toBe('((3×3×3)+1)×2 = 56');
    expect(analysis.nodes[3]!.explanations!.params!.formula).toBe('((3×3×2)+1)×2 = 38');
  });
});

/** Whether a dataset fits a network: the same check before training (Data panel, Export) and at its start. */
import { describe, expect, it } from 'vitest';
import { analyse, datasetFitProblems, findTemplate, translate } from '../../../src/core/index.ts';

const mnist = { name: 'MNIST', shape: [28, 28, 1], classes: 10 };
const problems = (template: string, dataset = mnist, lang: 'en' | 'zh-TW' = 'en') =>
  datasetFitProblems(analyse(findTemplate(template)!.build()), dataset).map((m) => translate(m, lang));

describe('datasetFitProblems', () => {
  it('finds none when the images are the Input’s shape and the classes the output’s values', () => {
    expect(problems('textbook-mnist')).toEqual([]);
    expect(problems('textbook-cifar10', { name: 'CIFAR-10', shape: [32, 32, 3], classes: 10 })).toEqual([]);
  });

  it('names a shape that is not the Input’s and a class count that is not the output’s', () => {
    expect(problems('textbook-cifar10')).toEqual([
      "The images of MNIST are 28 × 28 × 1, but the network's Input is 32 × 32 × 3. Set the Input to 28 × 28 × 1.",
    ]);
    expect(problems('textbook-mnist', { ...mnist, classes: 26 })).toEqual([
      'MNIST has 26 classes, but the last layer has 10 outputs. Give the last Dense layer 26 units.',
    ]);
    expect(problems('textbook-cifar10', { name: 'EMNIST', shape: [28, 28, 1], classes: 26 })).toHaveLength(2);
  });

  it('says so in Traditional Chinese too', () => {
    const [zh] = problems('textbook-mnist', { ...mnist, classes: 26 }, 'zh-TW');
    expect(zh).toMatch(/26.*10/);
    expect(zh).toMatch(/[\u4e00-\u9fff]/);
  });
});

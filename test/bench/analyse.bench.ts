/**
 * Recomputing every shape, count and explanation after an edit must fit in one frame. Bar: a 300-layer
 * graph under 5 ms on our machines (docs/performance.md has the figures).
 */
import { bench, describe } from 'vitest';
import { analyse, findTemplate, sequential, type LayerSpec } from '../../src/core/index.ts';

function deepChain(layers: number): LayerSpec[] {
  const specs: LayerSpec[] = [{ type: 'Input', params: { shape: [224, 224, 3] } }];
  while (specs.length < layers - 3) {
    specs.push(
      { type: 'Conv2D', params: { filters: 64, kernel_size: [3, 3], padding: 'same', activation: 'linear' } },
      { type: 'BatchNormalization' },
      { type: 'Activation', params: { activation: 'relu' } },
    );
  }
  specs.push({ type: 'GlobalAveragePooling2D' }, { type: 'Dense', params: { units: 1000, activation: 'softmax' } });
  return specs.slice(0, layers);
}

const chain300 = sequential(deepChain(300));
const vgg16 = findTemplate('vgg16')!.build();

describe('analyse()', () => {
  bench('300-layer chain (Conv2D · BatchNormalization · ReLU blocks)', () => {
    analyse(chain300);
  });
  bench('VGG16 (22 layers)', () => {
    analyse(vgg16);
  });
});

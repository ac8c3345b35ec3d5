/** The links the desktop app hands to the system's browser: ConvStudio's help links, nothing else. */
import { expect, it } from 'vitest';
import { isHelpLink } from '../../../src/core/index.ts';

it.each([
  ['https://keras.io/api/layers/convolution_layers/convolution2d/', true],
  ['https://pytorch.org/docs/stable/generated/torch.nn.Conv2d.html', true],
  ['https://www.tensorflow.org/js/guide', true],
  ['https://keras.io.evil.example/api/', false],
  ['https://evil.example/?https://keras.io/api/', false],
  ['https://keras.io@evil.example/api/', false],
  ['https://user:pw@keras.io/api/', false],
  ['https://keras.io:8443/api/', false],
  ['http://keras.io/api/', false],
  ['https://keras.io/', false],
  ['javascript:alert(1)', false],
  ['file:///etc/passwd', false],
  ['not a url', false],
])('%s → %s', (url, allowed) => {
  expect(isHelpLink(url)).toBe(allowed);
});

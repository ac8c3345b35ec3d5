/** The name the backend badge gives a WebGL renderer, from the strings browsers report. */
import { describe, expect, it } from 'vitest';
import { rendererName } from '../../src/trainer/page/gpu-in-page.ts';

describe('rendererName', () => {
  it.each([
    ['ANGLE (NVIDIA, NVIDIA GeForce RTX 3060 Direct3D11 vs_5_0 ps_5_0, D3D11)', 'NVIDIA GeForce RTX 3060'],
    [
      'ANGLE (Intel, Intel(R) UHD Graphics 620 (0x00005917) Direct3D11 vs_5_0 ps_5_0, D3D11)',
      'Intel(R) UHD Graphics 620',
    ],
    ['ANGLE (Apple, ANGLE Metal Renderer: Apple M2, Unspecified Version)', 'ANGLE Metal Renderer: Apple M2'],
    ['ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)', 'SwiftShader'],
    ['Mesa Intel(R) Xe Graphics (TGL GT2)', 'Mesa Intel(R) Xe Graphics (TGL GT2)'],
    ['', 'WebGL'],
  ])('%s → %s', (renderer, name) => {
    expect(rendererName(renderer)).toBe(name);
  });
});

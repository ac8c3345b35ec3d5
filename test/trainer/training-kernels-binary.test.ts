/** The trainer loads the SIMD kernels' binary from a generated module: it must be the source, compiled. */
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { compileKernels, KERNELS_MODULE_PATH, kernelsModuleText } from '../../scripts/build-kernels.ts';

it('training-kernels-binary.ts is training-kernels.wat compiled (run npm run build:kernels after editing it)', async () => {
  expect(readFileSync(KERNELS_MODULE_PATH, 'utf8')).toBe(
    kernelsModuleText(await compileKernels(), await compileKernels(undefined, 'shared')),
  );
});

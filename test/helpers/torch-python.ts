/** A Python interpreter with PyTorch (Debian's python3-torch), or null where there is none. */
import { execFileSync } from 'node:child_process';
import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { builtinMnistFolder } from '../../src/trainer/data/load-dataset.ts';

export function torchPython(): string | null {
  for (const python of ['python3', '/usr/bin/python3']) {
    try {
      execFileSync(python, ['-c', 'import torch, numpy'], { stdio: 'ignore' });
      return python;
    } catch {
      // no torch for this interpreter; try the next
    }
  }
  return null;
}

/** CI installs PyTorch and sets this, so checks that need it fail there instead of being skipped. */
export const TORCH_REQUIRED = process.env.CONVSTUDIO_REQUIRE_TORCH === '1';

/**
 * An exported PyTorch script and weights run as an attendee would: MNIST's test images through the module
 * (`module`.py in `folder`, class `className`, Keras weights from `weights`). Returns the parameter count and
 * the test accuracy, or null where there is no PyTorch to run them (and CI does not require one).
 */
export function mnistThroughExport(
  folder: string,
  module: string,
  className: string,
  weights: string,
): { params: number; accuracy: number } | null {
  const python = pythonForCheck();
  if (!python) return null;
  const check = [
    'import sys, numpy as np, torch',
    'sys.path.insert(0, sys.argv[1])',
    `import ${module} as m`,
    `model = m.${className}(); m.load_keras_weights(model, sys.argv[2]); model.eval()`,
    'raw = lambda name, skip: np.fromfile(sys.argv[3] + "/" + name, dtype=np.uint8)[skip:]',
    'x = raw("t10k-images-idx3-ubyte", 16).reshape(-1, 1, 28, 28).astype("float32") / 255',
    'y = raw("t10k-labels-idx1-ubyte", 8)',
    'with torch.no_grad(): p = model(torch.from_numpy(x)).argmax(1).numpy()',
    'print(sum(p.numel() for p in model.parameters()), (p == y).mean())',
  ].join('\n');
  const mnist = builtinMnistFolder();
  const [params, accuracy] = execFileSync(python, ['-c', check, folder, weights, mnist], { encoding: 'utf8' })
    .trim()
    .split(' ')
    .map(Number);
  return { params: params!, accuracy: accuracy! };
}

/** The interpreter for a PyTorch check, or null to skip it; where CI requires PyTorch, a missing one fails. */
export function pythonForCheck(): string | null {
  const python = torchPython();
  if (!python && TORCH_REQUIRED)
    throw new Error('PyTorch is required (CONVSTUDIO_REQUIRE_TORCH=1) but no python3 has it');
  return python;
}

/**
 * A stand-in Python in `folder` that says it has a graphics card (so that an automatic choice takes PyTorch;
 * the tests keep the run on the processor with CONVSTUDIO_TORCH_DEVICE=cpu) and otherwise runs `real`,
 * a Python with torch. With `answers`, its engine's answers stop after that many lines, as if the process had
 * died (`sed -u`: `head` buffers and deadlocks).
 */
export function standInGpuPython(folder: string, real: string, answers: number | null = null): string {
  const executable = execFileSync(real, ['-c', 'import sys; print(sys.executable)'], { encoding: 'utf8' }).trim();
  const standIn = join(folder, 'python');
  writeFileSync(
    standIn,
    [
      '#!/bin/sh',
      'if [ "$1" = "-c" ]; then',
      `  echo '{"torch": "1.13.1", "python": "3.11.2", "cuda": "Stand-in GPU", "mps": false}'`,
      '  exit 0',
      'fi',
      answers === null ? `exec "${executable}" "$@"` : `"${executable}" "$@" | { sed -u ${answers}q; kill $$; }`,
    ].join('\n'),
  );
  chmodSync(standIn, 0o755);
  return standIn;
}

/** A Python interpreter with PyTorch (Debian's python3-torch), or null where there is none. */
import { execFileSync } from 'node:child_process';

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

/**
 * Finds a Python with PyTorch on this computer, for the PyTorch backend: the one the run names (`--python`,
 * or CONVSTUDIO_PYTHON), else python3 / python (py on Windows) on PATH, a conda environment's, then the
 * system's own (Debian's python3-torch lives in /usr/bin/python3 while another python3 may come first on
 * PATH). Never required: without one the backend is skipped with the reason.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { msg, type Msg } from '../../core/index.ts';

export interface TorchDevice {
  kind: 'cuda' | 'mps' | 'cpu';
  name: string;
}

export type FoundTorch = { ok: true; python: string; torch: string; device: TorchDevice } | { ok: false; reason: Msg };

/** Importing torch can take many seconds on a cold laptop disk. */
const ASK_TIMEOUT_MS = 60_000;

const ASK = `
import json, sys
try:
    import numpy, torch
except Exception as error:
    print(json.dumps({"torch": None, "python": sys.version.split()[0], "error": str(error)}))
    sys.exit(0)
mps = getattr(torch.backends, "mps", None)
cuda = torch.cuda.is_available()
print(json.dumps({
    "torch": torch.__version__,
    "python": sys.version.split()[0],
    "cuda": torch.cuda.get_device_name(0) if cuda else None,
    "mps": bool(mps is not None and mps.is_available()),
}))
`;

interface Answer {
  torch: string | null;
  python: string;
  cuda?: string | null;
  mps?: boolean;
}

function ask(python: string): Promise<Answer | null> {
  return new Promise((resolve) => {
    execFile(python, ['-c', ASK], { timeout: ASK_TIMEOUT_MS, windowsHide: true }, (error, stdout) => {
      if (error) return resolve(null);
      try {
        const answer = JSON.parse(stdout.trim().split('\n').at(-1) ?? '') as Answer;
        resolve(typeof answer.python === 'string' ? answer : null);
      } catch {
        resolve(null);
      }
    });
  });
}

/** The interpreters to try, in order, without duplicates. */
export function pythonCandidates(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string[] {
  const onPath = platform === 'win32' ? ['py', 'python', 'python3'] : ['python3', 'python'];
  const conda = env.CONDA_PREFIX
    ? [platform === 'win32' ? join(env.CONDA_PREFIX, 'python.exe') : join(env.CONDA_PREFIX, 'bin', 'python')]
    : [];
  const system =
    platform === 'darwin'
      ? ['/opt/homebrew/bin/python3', '/usr/local/bin/python3', '/usr/bin/python3']
      : platform === 'win32'
        ? []
        : ['/usr/bin/python3', '/usr/local/bin/python3'];
  return [...new Set([...onPath, ...conda, ...system])];
}

/** `python`: the interpreter the run names, if any; otherwise the candidates in turn. */
export async function findTorch(python: string | null = process.env.CONVSTUDIO_PYTHON || null): Promise<FoundTorch> {
  const candidates = python ? [python] : pythonCandidates();
  let withoutTorch: string | null = null;
  for (const candidate of candidates) {
    // A path that is not there is not worth a process.
    if ((candidate.includes('/') || candidate.includes('\\')) && !existsSync(candidate)) continue;
    const answer = await ask(candidate);
    if (!answer) continue;
    if (!answer.torch) {
      withoutTorch ??= candidate;
      continue;
    }
    const device: TorchDevice = answer.cuda
      ? { kind: 'cuda', name: answer.cuda }
      : answer.mps
        ? { kind: 'mps', name: 'Apple GPU (Metal)' }
        : { kind: 'cpu', name: 'CPU' };
    return { ok: true, python: candidate, torch: answer.torch, device };
  }
  if (python && !withoutTorch) return { ok: false, reason: msg('backend.pythonNotFound', { python }) };
  return withoutTorch
    ? { ok: false, reason: msg('backend.noTorch', { python: withoutTorch }) }
    : { ok: false, reason: msg('backend.noPython') };
}

/** CONVSTUDIO_TORCH_DEVICE=cpu keeps PyTorch on the processor where it has a graphics card (tests, comparisons). */
export const torchOnCpu = (): boolean => process.env.CONVSTUDIO_TORCH_DEVICE === 'cpu';

/**
 * Whether this computer has a graphics card PyTorch could train on, told without starting Python: NVIDIA's
 * driver (Linux, Windows) or Apple silicon. Without one an automatic choice passes PyTorch by at no cost.
 */
export function gpuForTorch(platform = process.platform, arch = process.arch): boolean {
  if (platform === 'darwin') return arch === 'arm64';
  if (platform === 'win32') return existsSync(join(process.env.SystemRoot ?? 'C:\\Windows', 'System32', 'nvcuda.dll'));
  return existsSync('/proc/driver/nvidia/version') || existsSync('/dev/nvidiactl');
}

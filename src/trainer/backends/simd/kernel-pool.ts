/**
 * ConvStudio's SIMD kernels on several threads: each worker instantiates the kernels on the wasm backend's
 * shared memory, so a kernel call split into parts (images of the batch, rows of a tensor) runs one part on
 * each thread, reading and writing the tensors where they lie. The calling thread takes the first part and
 * waits for the others with Atomics, since TensorFlow.js's kernels are synchronous.
 *
 * The control block (an Int32Array over shared memory): [0] the call's generation, bumped once per call;
 * [1] how many workers have finished it; [2] 1 when the pool is closing; [3] a worker's error flag; then a
 * slot per worker: the kernel's index (−1: nothing for this worker this time), its argument count and its
 * arguments (every kernel takes 32-bit integers: pointers and sizes).
 *
 * Both sides spin a little before they sleep (a worker for its next part, the caller for the workers), as
 * OpenMP's and XNNPACK's pools do: waking a sleeping thread took 50–100 µs on our 2-core virtual machine,
 * longer than a 225,000-value ReLU takes on one thread (53 µs; 102 µs on two threads that sleep between
 * calls, 31 µs on two that spin), and the kernels of a training step follow one another within that time.
 */
import { Worker } from 'node:worker_threads';

const HEADER = 4;
const SLOT = 24;
const GENERATION = 0;
const DONE = 1;
const CLOSING = 2;
const FAILED = 3;
/** How long a worker spins for its next part before it sleeps, and the caller for the workers. */
const WORKER_SPIN_MS = 0.25;
const CALLER_SPIN_MS = 1;

/** Spins until `ready()` or until `ms` have passed (the clock read every 256 turns). */
function spinUntil(ready: () => boolean, ms: number): void {
  const until = performance.now() + ms;
  for (let turns = 1; !ready(); turns++) if ((turns & 255) === 0 && performance.now() > until) return;
}

/** The worker: plain JavaScript run by Node (eval), so it needs no file of its own in any build. */
const WORKER_CODE = `
const { workerData } = require('node:worker_threads');
const { memory, module, control, slot, names, header, slotSize, spinMs } = workerData;
const kernels = new WebAssembly.Instance(module, { env: { memory } }).exports;
const c = new Int32Array(control);
const base = header + slot * slotSize;
const spinUntil = ${spinUntil.toString()};
let seen = 0;
for (;;) {
  spinUntil(() => Atomics.load(c, 0) !== seen, spinMs);
  Atomics.wait(c, 0, seen);
  seen = Atomics.load(c, 0);
  if (Atomics.load(c, 2) === 1) break;
  const fn = c[base];
  if (fn >= 0) {
    const args = [];
    for (let i = 0; i < c[base + 1]; i++) args.push(c[base + 2 + i]);
    try { kernels[names[fn]](...args); } catch { Atomics.store(c, 3, 1); }
  }
  Atomics.add(c, 1, 1);
  Atomics.notify(c, 1);
}
`;

export interface KernelPool {
  /** Threads in all, the calling one included. */
  readonly threads: number;
  /** Runs `name` once per part of `parts` (its arguments), the parts at once on the pool's threads. */
  run(name: string, parts: readonly (readonly number[])[]): void;
  close(): void;
}

/**
 * A pool of `threads − 1` workers over `memory` (a shared WebAssembly.Memory), running `kernels` (the
 * calling thread's own instance of `module`, a WebAssembly.Module whose exports are the kernels).
 */
export function createKernelPool(
  module: object,
  memory: object,
  kernels: Record<string, (...args: number[]) => void>,
  threads: number,
): KernelPool {
  const names = Object.keys(kernels);
  const workers = threads - 1;
  const control = new Int32Array(new SharedArrayBuffer(4 * (HEADER + SLOT * workers)));
  const pool = Array.from({ length: workers }, (_, slot) => {
    const worker = new Worker(WORKER_CODE, {
      eval: true,
      workerData: {
        memory,
        module,
        control: control.buffer,
        slot,
        names,
        header: HEADER,
        slotSize: SLOT,
        spinMs: WORKER_SPIN_MS,
      },
    });
    // Idle workers wait on Atomics and must not keep the trainer alive once it is done.
    worker.unref();
    return worker;
  });
  let closed = false;
  return {
    threads,
    run(name, parts) {
      if (closed || parts.length === 1 || workers === 0) {
        for (const args of parts) kernels[name]!(...args);
        return;
      }
      if (parts.length > threads) throw new Error(`${parts.length} parts for ${threads} threads`);
      const fn = names.indexOf(name);
      for (let w = 0; w < workers; w++) {
        const base = HEADER + w * SLOT;
        const args = parts[w + 1];
        control[base] = args ? fn : -1;
        if (args) {
          control[base + 1] = args.length;
          control.set(args, base + 2);
        }
      }
      Atomics.store(control, DONE, 0);
      Atomics.add(control, GENERATION, 1);
      Atomics.notify(control, GENERATION);
      try {
        kernels[name]!(...parts[0]!);
      } finally {
        // Even when this thread's part failed, the others finish theirs before the next call reuses the slots.
        spinUntil(() => Atomics.load(control, DONE) >= workers, CALLER_SPIN_MS);
        for (let done = Atomics.load(control, DONE); done < workers; done = Atomics.load(control, DONE))
          Atomics.wait(control, DONE, done);
      }
      if (Atomics.exchange(control, FAILED, 0) !== 0) throw new Error(`The kernel ${name} failed on a worker thread`);
    },
    close() {
      if (closed) return;
      closed = true;
      Atomics.store(control, CLOSING, 1);
      Atomics.add(control, GENERATION, 1);
      Atomics.notify(control, GENERATION);
      for (const worker of pool) void worker.terminate();
    },
  };
}

/**
 * [start, end) ranges splitting `count` items into at most `parts` runs of at least `least` items each,
 * the starts multiples of `align`.
 */
export function splitRange(count: number, parts: number, least = 1, align = 1): [number, number][] {
  // Starts rounded down to the alignment (the last run takes the rest); where that leaves a run shorter
  // than `least`, one run fewer.
  for (let n = Math.max(1, Math.min(parts, Math.floor(count / Math.max(least, align)))); n > 1; n--) {
    const ranges: [number, number][] = [];
    let start = 0;
    for (let i = 1; i <= n; i++) {
      const end = i === n ? count : Math.floor((count * i) / n / align) * align;
      ranges.push([start, end]);
      start = end;
    }
    if (ranges.every(([a, b]) => b - a >= least && b > a)) return ranges;
  }
  return [[0, count]];
}

/**
 * Fewer values than this in a thread's share of an element-wise pass and waking the threads costs more than
 * it saves (a few microseconds each way; 16,384 values take about 5 µs on one core).
 */
export const MIN_PART = 16_384;

/** Ranges of an element-wise pass over `count` values, each at least MIN_PART long, starting on a vector. */
export function elementParts(count: number, threads: number): [number, number][] {
  return splitRange(count, threads, MIN_PART, 4);
}

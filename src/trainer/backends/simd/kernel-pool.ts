/**
 * ConvStudio's SIMD kernels on several threads: each worker instantiates the kernels on the wasm backend's
 * shared memory, so a kernel call split into parts (images of the batch, rows of a tensor) runs its parts
 * on the pool's threads, reading and writing the tensors where they lie. The calling thread works on the
 * parts too and returns once all are done, since TensorFlow.js's kernels are synchronous.
 *
 * The parts are not dealt out in advance: every thread, the caller included, claims the next part left
 * (an atomic counter) until none is left. So a thread that is slow this minute (a busy core, a virtual
 * machine's neighbour, a worker still waking up) does fewer parts instead of holding up the call, and a
 * call whose parts are all done before a sleeping worker wakes does not wait for it at all. Which thread
 * runs a part never changes what the part computes: results depend on the parts, not on the threads.
 *
 * The control block (an Int32Array over shared memory): [0] the call's generation, bumped once per call
 * (the workers wait on it); [1] the next part to claim, CLOSED between calls; [2] how many parts are done;
 * [3] 1 when the pool is closing; [4] 1 when a part failed; [5] the kernel's index; [6] its argument count;
 * [7] the part count; then each part's arguments (every kernel takes 32-bit integers: pointers and sizes).
 *
 * Both sides spin a little before they sleep (a worker for the next call, the caller for the parts still
 * running), as OpenMP's and XNNPACK's pools do: waking a sleeping thread took 50–100 µs on our 2-core
 * virtual machine, longer than a 225,000-value ReLU takes on one thread (53 µs; 102 µs on two threads that
 * sleep between calls, 31 µs on two that spin), and the kernels of a training step follow one another
 * within that time.
 */
import { Worker } from 'node:worker_threads';

const GENERATION = 0;
const NEXT = 1;
const DONE = 2;
const CLOSING = 3;
const FAILED = 4;
const KERNEL = 5;
const ARG_COUNT = 6;
const PART_COUNT = 7;
const TABLE = 8;
/** NEXT between calls: a claim a late worker makes then finds no part, however often it is bumped. */
const CLOSED = 1 << 30;
/** The most parts one call may have, and the most arguments a part may take. */
export const MAX_PARTS = 256;
const MAX_ARGS = 24;
/** How long a worker spins for its next call before it sleeps, and the caller for the parts running. */
const WORKER_SPIN_MS = 0.25;
const CALLER_SPIN_MS = 1;

/** Spins until `ready()` or until `ms` have passed (the clock read every 256 turns). */
function spinUntil(ready: () => boolean, ms: number): void {
  const until = performance.now() + ms;
  for (let turns = 1; !ready(); turns++) if ((turns & 255) === 0 && performance.now() > until) return;
}

/**
 * Claims and runs parts of the current call until none is left (the workers and the caller alike).
 * A part's arguments are read only after it is claimed: the caller writes them before it opens NEXT and
 * rewrites them only once every claimed part is done. The workers get this function as text, without
 * the constants above, so it names the control block's slots by number.
 */
function runParts(c: Int32Array, kernels: Record<string, (...args: number[]) => void>, names: string[]): void {
  for (let part = Atomics.add(c, 1, 1); part < c[7]!; part = Atomics.add(c, 1, 1)) {
    const count = c[6]!;
    const first = 8 + part * count;
    try {
      kernels[names[c[5]!]!]!(...c.subarray(first, first + count));
    } catch {
      Atomics.store(c, 4, 1);
    }
    if (Atomics.add(c, 2, 1) + 1 === c[7]) Atomics.notify(c, 2);
  }
}

/** The worker: plain JavaScript run by Node (eval), so it needs no file of its own in any build. */
const WORKER_CODE = `
const { workerData } = require('node:worker_threads');
const { memory, module, control, names, spinMs } = workerData;
const kernels = new WebAssembly.Instance(module, { env: { memory } }).exports;
const c = new Int32Array(control);
const spinUntil = ${spinUntil.toString()};
const runParts = ${runParts.toString()};
let seen = 0;
for (;;) {
  spinUntil(() => Atomics.load(c, 0) !== seen, spinMs);
  Atomics.wait(c, 0, seen);
  seen = Atomics.load(c, 0);
  if (Atomics.load(c, 3) === 1) break;
  runParts(c, kernels, names);
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
  const control = new Int32Array(new SharedArrayBuffer(4 * (TABLE + MAX_PARTS * MAX_ARGS)));
  control[NEXT] = CLOSED;
  const pool = Array.from({ length: workers }, () => {
    const worker = new Worker(WORKER_CODE, {
      eval: true,
      workerData: { memory, module, control: control.buffer, names, spinMs: WORKER_SPIN_MS },
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
      const count = parts[0]!.length;
      if (parts.length > MAX_PARTS || count > MAX_ARGS || parts.some((args) => args.length !== count))
        throw new Error(`${name}: ${parts.length} parts of ${count} arguments do not fit the kernel pool`);
      control[KERNEL] = names.indexOf(name);
      control[ARG_COUNT] = count;
      control[PART_COUNT] = parts.length;
      parts.forEach((args, i) => control.set(args, TABLE + i * count));
      Atomics.store(control, DONE, 0);
      Atomics.store(control, NEXT, 0);
      Atomics.add(control, GENERATION, 1);
      Atomics.notify(control, GENERATION);
      runParts(control, kernels, names);
      spinUntil(() => Atomics.load(control, DONE) === parts.length, CALLER_SPIN_MS);
      for (let done = Atomics.load(control, DONE); done < parts.length; done = Atomics.load(control, DONE))
        Atomics.wait(control, DONE, done);
      Atomics.store(control, NEXT, CLOSED);
      if (Atomics.exchange(control, FAILED, 0) !== 0) throw new Error(`The kernel ${name} failed on one of its parts`);
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
 * How many parts a call is cut into per thread, where its work allows: enough that a thread slowed down
 * for a while leaves the rest of its share to the others. With one part per thread a call lasts as long
 * as its slowest thread, and a virtual machine's core or a laptop's busy one can run at half speed for
 * seconds at a time (measured here: the same SIMD loop on one core took 0.71 s, then 1.1–1.27 s).
 */
export const PARTS_PER_THREAD = 4;

/**
 * Ranges of `count` items (the images of a batch, rows) for a call on `threads` threads, each at least
 * `least` long and starting on a multiple of `align`: one range on one thread.
 */
export function batchParts(count: number, threads: number, least = 1, align = 1): [number, number][] {
  return splitRange(count, threads > 1 ? threads * PARTS_PER_THREAD : 1, least, align);
}

/**
 * Fewer values than this in a part of an element-wise pass and waking the threads costs more than
 * it saves (a few microseconds each way; 16,384 values take about 5 µs on one core).
 */
export const MIN_PART = 16_384;

/** Ranges of an element-wise pass over `count` values, each at least MIN_PART long, starting on a vector. */
export function elementParts(count: number, threads: number): [number, number][] {
  return splitRange(count, threads > 1 ? threads * PARTS_PER_THREAD : 1, MIN_PART, 4);
}

'use strict';
/**
 * One thread of TensorFlow.js's threaded WebAssembly build in Node (wasm-threads.ts). Emscripten starts its
 * threads with `new Worker(path)`; the package ships the worker's code only as a string (its browser
 * loader turns that into a blob: URL, which Node's workers cannot load), so this file is that path: it runs
 * the string here, where it finds `require`, `__filename` and Node's worker_threads as it expects.
 */
const WORKER = '@tensorflow/tfjs-backend-wasm/wasm-out/tfjs-backend-wasm-threaded-simd.worker.js';
// eslint-disable-next-line @typescript-eslint/no-require-imports -- Emscripten's workers are CommonJS
const { wasmWorkerContents } = require(WORKER);
// The string's escaped newlines became real ones in the package's template literal; the browser loader
// escapes them again before running it, and so does this.
eval(wasmWorkerContents.replace(/\n/g, '\\n'));

import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import { readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import type { Plugin } from 'vite';
import { CONTENT_SECURITY_POLICY } from './src/core/security/content-security-policy.ts';

/** Writes the one Content Security Policy into index.html's meta tag. */
function contentSecurityPolicy(): Plugin {
  return {
    name: 'convstudio-csp',
    transformIndexHtml: (html) => html.replace('%CONTENT_SECURITY_POLICY%', CONTENT_SECURITY_POLICY),
  };
}

/**
 * Files the trainer starts as they are, which must lie beside it in the build, where it looks for them:
 * Emscripten's worker for the threaded WebAssembly build (read by worker threads) and the PyTorch engine
 * (run by Python).
 */
function besideTrainer(sources: string[]): Plugin {
  const files = sources.map((s) => resolve(s));
  return {
    name: 'convstudio-beside-trainer',
    buildStart() {
      for (const file of files) this.addWatchFile(file);
    },
    generateBundle() {
      for (const file of files) {
        this.emitFile({ type: 'asset', fileName: basename(file), source: readFileSync(file, 'utf8') });
      }
    },
  };
}

export default defineConfig({
  main: {
    resolve: {
      // fflate's Node build declares its own `require`, which clashes with the bundler's in a chunk that
      // has both (the trainer did not start). Its plain ES build has the same functions without it.
      alias: { fflate: resolve('node_modules/fflate/esm/browser.js') },
    },
    build: {
      // Small pure-JavaScript dependencies are bundled in: Node resolves and reads zod's hundred files on
      // every start of the `convstudio` command otherwise (zod's hundred files alone took 0.13 s) (docs/performance.md, "Start-up").
      externalizeDeps: { exclude: ['zod', 'jsonc-parser', '@dagrejs/dagre', 'fflate'] },
      minify: true,
      rollupOptions: {
        plugins: [
          besideTrainer(['src/trainer/backends/wasm-pthread-worker.cjs', 'src/trainer/pytorch/pytorch-engine.py']),
        ],
        // src/core is pure (docs/architecture.md): importing one of its modules does nothing but define
        // things, so a process loads only the core modules it uses — `convstudio summary` not the API's
        // schemas, not the exporters.
        treeshake: { moduleSideEffects: (id: string) => !id.includes('/src/core/') },
        input: {
          index: resolve('src/main/index.ts'),
          // The trainer: started by main as an Electron utilityProcess, and by the CLI and the browser host
          // with child_process.fork (plain Node runs it too).
          trainer: resolve('src/trainer/trainer-process.ts'),
          // The `convstudio` command (packages/cli/convstudio.mjs runs it with plain Node).
          cli: resolve('src/cli/main.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      rollupOptions: {
        input: { index: resolve('src/preload/index.ts') },
        // A sandboxed preload must be a CommonJS script.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve('src/renderer'),
    resolve: { alias: { '@core': resolve('src/core') } },
    build: {
      rollupOptions: { input: { index: resolve('src/renderer/index.html') } },
      // The page's code ships in the installer and loads on every start: 4.7 MB as written, 1.8 MB minified.
      minify: true,
      // Loaded from disk, not a network: one 1.2 MB chunk for the app and one for TensorFlow.js is fine.
      chunkSizeWarningLimit: 1500,
    },
    plugins: [react(), contentSecurityPolicy()],
    // The page's trainer (src/trainer/page) is a module worker that loads TensorFlow.js's WebGPU backend when
    // it starts: ES modules, so that it can.
    worker: { format: 'es' },
  },
});

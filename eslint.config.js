// Lint, including the architecture's import rules (docs/architecture.md): src/core is pure, and each
// layer imports only what it may.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeBuiltins = [
  'node:*',
  'fs',
  'fs/*',
  'path',
  'os',
  'child_process',
  'crypto',
  'http',
  'https',
  'net',
  'url',
  'util',
  'worker_threads',
  'stream',
];

/** Import restrictions for one layer of the architecture. */
function layer(files, forbidden, message) {
  return {
    files,
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: forbidden, message }] }],
    },
  };
}

export default tseslint.config(
  {
    ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', '.ci/artifacts/**', 'scripts/*.tmp.mjs', 'scripts/*.tmp.ts'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  layer(
    ['src/core/**/*.ts'],
    [
      'react',
      'react-dom',
      'react/*',
      '@xyflow/*',
      'electron',
      'ws',
      ...nodeBuiltins,
      '**/main/**',
      '**/renderer/**',
      '**/host/**',
      '**/cli/**',
      '**/services/**',
      '**/trainer/**',
      '**/preload/**',
    ],
    'src/core is pure TypeScript shared by every process: no UI, Electron, Node or other layers.',
  ),
  layer(
    ['src/renderer/**/*.{ts,tsx}'],
    [
      'electron',
      'ws',
      ...nodeBuiltins,
      '**/main/**',
      '**/host/**',
      '**/cli/**',
      '**/services/**',
      '**/trainer/**',
      '**/preload/**',
    ],
    'The renderer talks to its host only through the typed API (src/core/api).',
  ),
  layer(
    ['src/preload/**/*.ts'],
    [
      'react',
      'react-dom',
      '@xyflow/*',
      ...nodeBuiltins,
      '**/main/**',
      '**/renderer/**',
      '**/host/**',
      '**/services/**',
    ],
    'The preload exposes the typed API object and nothing else.',
  ),
  layer(
    ['src/services/**/*.ts', 'src/host/**/*.ts', 'src/cli/**/*.ts', 'src/trainer/**/*.ts'],
    ['react', 'react-dom', '@xyflow/*', 'electron', '**/renderer/**', '**/main/**', '**/preload/**'],
    'Node-side code must run without Electron or the UI.',
  ),
  layer(
    ['src/main/**/*.ts'],
    ['react', 'react-dom', '@xyflow/*', '**/renderer/**', '**/cli/**'],
    'Electron main does not import the UI or the CLI.',
  ),
);

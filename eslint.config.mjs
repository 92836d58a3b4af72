// Lint, including the layering of the design card: the folder is the layer, and each layer may
// import only what is listed here. Type-only imports stay allowed (they vanish at build time).
import js from '@eslint/js';
import globals from 'globals';
import { builtinModules } from 'node:module';
import tseslint from 'typescript-eslint';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];
const ban = (names, patterns = []) => [
  'error',
  {
    paths: names.map((name) => ({ name, allowTypeImports: true, message: 'This layer may not import it (see eslint.config.mjs).' })),
    patterns: patterns.map((group) => ({
      group: [group],
      allowTypeImports: true,
      message: 'This layer may not import it (see eslint.config.mjs).',
    })),
  },
];
const rule = '@typescript-eslint/no-restricted-imports';

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // A focused test would silently skip the rest of the suite.
      'no-restricted-properties': [
        'error',
        { object: 'it', property: 'only', message: 'Remove .only before committing.' },
        { object: 'test', property: 'only', message: 'Remove .only before committing.' },
        { object: 'describe', property: 'only', message: 'Remove .only before committing.' },
      ],
    },
  },
  {
    files: ['bin/**/*.js'],
    languageOptions: { sourceType: 'commonjs', globals: globals.node },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  { files: ['**/*.mjs', 'test/**', 'bench/**', '*.config.ts'], languageOptions: { globals: globals.node } },
  // shared: pure TypeScript, no Node, no DOM, nothing from the other layers.
  {
    files: ['src/shared/**'],
    rules: {
      [rule]: ban(
        ['electron', 'react', 'react-dom', 'zustand', 'undici', 'better-sqlite3', ...nodeBuiltins],
        ['**/main/**', '**/renderer/**', '**/preload/**'],
      ),
    },
  },
  // renderer: browser code; reaches main only over HTTP or the preload bridge.
  {
    files: ['src/renderer/**'],
    languageOptions: { globals: globals.browser },
    rules: { [rule]: ban(['electron', 'undici', 'better-sqlite3', ...nodeBuiltins], ['**/main/**', '**/preload/index*']) },
  },
  // main: Node; only the Electron entry may import 'electron', so `mockmost serve` runs without it.
  {
    files: ['src/main/**'],
    ignores: ['src/main/electron/index.ts'],
    rules: { [rule]: ban(['electron'], ['**/renderer/**', '**/preload/**']) },
  },
  // preload: the bridge only.
  {
    files: ['src/preload/**'],
    rules: { [rule]: ban([...nodeBuiltins, 'better-sqlite3', 'undici', 'react'], ['**/main/**', '**/renderer/**']) },
  },
);

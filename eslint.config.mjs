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

/**
 * The layers of src/main, each with the layers below it that it may import (docs/architecture.md).
 * `core` composes the server from the rest; `cli`, `electron` and `library` (the testing library) start a core.
 */
export const MAIN_LAYERS = {
  base: [],
  store: ['base'],
  diagnostics: [],
  workspace: ['store', 'diagnostics', 'base'],
  caller: ['workspace', 'store', 'diagnostics', 'base'],
  replay: ['base'],
  server: ['caller', 'workspace', 'store', 'diagnostics', 'replay', 'base'],
  core: ['server', 'caller', 'workspace', 'store', 'diagnostics', 'replay', 'base'],
  cli: ['core', 'replay', 'store', 'workspace', 'base'],
  electron: ['core', 'base'],
  library: ['core', 'base'],
};

/**
 * A main layer's ban: the other main layers it may not reach (an import path that climbs out of
 * its folder, `../../`…, straight into theirs), the renderer and preload, and `names`.
 */
function mainLayerBan(layer, allowed, names) {
  const banned = Object.keys(MAIN_LAYERS).filter((other) => other !== layer && !allowed.includes(other));
  const message = `src/main/${layer} may import only ${allowed.join(', ') || 'shared'} of main's layers (see MAIN_LAYERS in eslint.config.mjs).`;
  const [level, options] = ban(names, ['**/renderer/**', '**/preload/**']);
  const climb = { regex: `^(\\.\\./)+(${banned.join('|')})/`, allowTypeImports: true, message };
  return [level, { ...options, patterns: [...options.patterns, climb] }];
}

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
    files: ['bin/**/*.js', '**/*.cjs'],
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
    // A component reads the store through a selector, so that it re-renders only when what it reads changes.
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.name='useApp'][arguments.length=0]",
          message: 'Select what the component reads: useApp((s) => …).',
        },
      ],
    },
  },
  {
    files: ['src/renderer/**'],
    rules: { [rule]: ban(['electron', 'undici', 'better-sqlite3', ...nodeBuiltins], ['**/main/**', '**/preload/index*']) },
  },
  // main: Node; only the Electron entry may import 'electron', so `mockmost serve` runs without it.
  // Inside main, each folder is a layer that may import only the layers listed for it (MAIN_LAYERS).
  ...Object.entries(MAIN_LAYERS).map(([layer, allowed]) => ({
    files: [`src/main/${layer}/**`],
    ignores: ['src/main/electron/index.ts'],
    rules: { [rule]: mainLayerBan(layer, allowed, ['electron']) },
  })),
  {
    files: ['src/main/electron/index.ts'],
    rules: { [rule]: mainLayerBan('electron', MAIN_LAYERS.electron, []) },
  },
  // preload: the bridge only.
  {
    files: ['src/preload/**'],
    rules: { [rule]: ban([...nodeBuiltins, 'better-sqlite3', 'undici', 'react'], ['**/main/**', '**/renderer/**']) },
  },
);

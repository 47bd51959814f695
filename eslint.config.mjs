// Lint for the whole repo: typescript-eslint's recommended rules, React's hook rules in the renderer,
// and the architecture's layering as rules, so an arrow that points the wrong way fails
// `npm test` instead of waiting for a reviewer to notice. Only syntax-level rules (no type-aware
// ones): the whole tree lints in seconds on two cores.
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import comments from '@eslint-community/eslint-plugin-eslint-comments/configs';
import { defineConfig } from 'eslint/config';
import boundaries from 'eslint-plugin-boundaries';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import { importX } from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const root = import.meta.dirname;
const TS = ['**/*.ts', '**/*.tsx', '**/*.mts', '**/*.cts'];
const JS = ['**/*.js', '**/*.mjs', '**/*.cjs'];

// Bare specifiers only (`fs`, `node:fs`, `fs/promises`, `electron/main`): a relative path that
// happens to end in `domain` or `path` is one of ours, and boundaries/dependencies judges those.
const builtins = builtinModules.filter((name) => !name.startsWith('_')).join('|');
const nodeImports = {
  regex: `^(node:.*|(${builtins})(/.*)?)$`,
  message: 'Node built-ins belong to electron/core, main or cli, not here.',
};
const electronImports = {
  regex: '^electron(/.*)?$',
  message: 'Only electron/main and electron/preload may import Electron.',
};

/**
 * Forbids these specifiers as static imports and re-exports (no-restricted-imports) and as
 * `import()` (which that rule does not see). esquery's regex literals cannot hold a `/`, hence
 * the \u002F. `extraSyntax` carries the block's other no-restricted-syntax entries, which one
 * rule setting per block would otherwise drop.
 */
function forbidImports(specs, extraSyntax = []) {
  const dynamic = specs.map(({ regex, message }) => ({
    selector: `ImportExpression[source.value=/${regex.replaceAll('/', '\\u002F')}/]`,
    message,
  }));
  return {
    'no-restricted-imports': ['error', { patterns: specs }],
    'no-restricted-syntax': ['error', ...dynamic, ...extraSyntax],
  };
}

// `window.api` is the preload's bridge; one module wraps it so the rest of the renderer stays
// testable and the channel list has one caller. Covers `window.api`, `window['api']`,
// `globalThis.api` and `const { api } = window`.
const BRIDGE_GLOBAL = '/^(window|globalThis|self)$/';
const bridgeMessage = 'Only renderer/src/lib/ipc.ts touches window.api; call its functions instead.';
const noBridgeAccess = [
  { selector: `MemberExpression[object.name=${BRIDGE_GLOBAL}][property.name='api']`, message: bridgeMessage },
  { selector: `MemberExpression[object.name=${BRIDGE_GLOBAL}][property.value='api']`, message: bridgeMessage },
  {
    selector: `VariableDeclarator[init.name=${BRIDGE_GLOBAL}] > ObjectPattern > Property[key.name='api']`,
    message: bridgeMessage,
  },
];

// Each element is a folder, matched from the repo root. Files outside them (tests, bench, scripts,
// configs) are not elements: they may import anything, and no element may import them.
const ELEMENTS = [
  { type: 'core', pattern: 'electron/core' },
  { type: 'main', pattern: 'electron/main' },
  { type: 'preload', pattern: 'electron/preload' },
  { type: 'cli', pattern: 'electron/cli' },
  { type: 'shared', pattern: 'shared' },
  { type: 'app', pattern: 'renderer/src/app' },
  { type: 'feature', pattern: 'renderer/src/features/*', capture: ['feature'] },
  { type: 'state', pattern: 'renderer/src/state' },
  { type: 'components', pattern: 'renderer/src/components' },
  { type: 'lib', pattern: 'renderer/src/lib' },
  // The rest of renderer/src: its entry file, and any folder not named above.
  { type: 'renderer', pattern: 'renderer/src' },
].map((element) => ({ partialMatch: false, ...element }));

// One resolver for both plugins, reading the node and web tsconfigs (module resolution "Bundler").
const RESOLVER = {
  project: [`${root}/tsconfig.json`, `${root}/tsconfig.web.json`],
  noWarnOnMultipleProjects: true,
};

const allow = (from, to) => ({
  from: { element: { type: from } },
  allow: { to: { element: { types: { anyOf: to } } } },
});

// Everything not listed is refused: the arrows of the architecture, one way only. Imports inside one
// element (a feature's own files, core's folders among themselves) are not checked here; cycles are.
const LAYERS = [
  allow('core', ['shared']),
  allow('main', ['core', 'shared']),
  allow('preload', ['shared']),
  allow('cli', ['core', 'shared']),
  allow('shared', []),
  allow('renderer', ['app', 'state', 'components', 'lib', 'shared']),
  allow('app', ['feature', 'state', 'components', 'lib', 'shared']),
  allow('feature', ['state', 'components', 'lib', 'shared']),
  allow('state', ['lib', 'shared']),
  allow('components', ['lib', 'shared']),
  allow('lib', ['shared']),
];

export default defineConfig(
  {
    ignores: ['out/**', 'dist/**', '**/node_modules/**', '.native/**', 'test-results/**'],
  },
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  comments.recommended,
  {
    rules: {
      // A disabled rule says why on the same line (`-- reason`), and names the rule it disables.
      '@eslint-community/eslint-comments/require-description': ['error', { ignore: [] }],
      '@eslint-community/eslint-comments/no-unlimited-disable': 'error',
      // `_`-prefixed names are the house way to say "deliberately unused".
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: JS,
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['bin/**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },

  // Layering and cycles, for every TypeScript file.
  {
    files: TS,
    plugins: { boundaries, 'import-x': importX },
    settings: {
      'boundaries/root-path': root,
      'boundaries/elements': ELEMENTS,
      'import/resolver': {
        typescript: RESOLVER,
      },
      'import-x/resolver-next': [createTypeScriptImportResolver(RESOLVER)],
      // no-cycle follows only the files it knows how to parse: without these, it skips every .ts.
      'import-x/extensions': importX.flatConfigs.typescript.settings['import-x/extensions'],
      'import-x/parsers': importX.flatConfigs.typescript.settings['import-x/parsers'],
    },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
    },
  },
  {
    // Nothing imports a test file, so none can sit on a cycle; walking each test's whole import
    // graph would be most of the lint's time.
    files: ['**/*.test.ts'],
    rules: { 'import-x/no-cycle': 'off' },
  },
  {
    files: ['electron/**/*.ts', 'shared/**/*.ts', 'renderer/**/*.{ts,tsx}'],
    rules: {
      'boundaries/dependencies': ['error', { default: 'disallow', checkUnknownLocals: true, policies: LAYERS }],
    },
  },

  // The core runs in the CLI, the tests and the benchmark: no Electron.
  {
    files: ['electron/core/**'],
    rules: forbidImports([electronImports]),
  },
  // The contract is read by main, preload and the renderer alike: neither Node nor Electron.
  // (No DOM either: tsconfig.shared.json type-checks shared/ without DOM types.)
  {
    files: ['shared/**'],
    rules: forbidImports([nodeImports, electronImports]),
  },
  // The renderer is sandboxed: no Node, no Electron, and the bridge only through lib/ipc.ts.
  {
    files: ['renderer/**'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      // The two classic hook rules. The React Compiler rules of the plugin's preset would cost more
      // than the rest of the lint together and ask for a compiler this app does not use.
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      ...forbidImports([nodeImports, electronImports], noBridgeAccess),
    },
  },
  {
    files: ['renderer/src/lib/ipc.ts'],
    rules: forbidImports([nodeImports, electronImports]),
  },
);

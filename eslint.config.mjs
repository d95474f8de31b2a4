// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'coverage/**',
      'build/**',
      'pane-dist/**',
      'pane-preview/**',
      'pane-dev/**',
      'wps-dist/**',
      'tmp-*/**',
      '.test-build/**',
      // root-level *.js config files (jest/webpack config); this file (.mjs) is still linted
      '*.js',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          caughtErrorsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
        },
      ],
    },
  },
  // Plain CommonJS Node scripts (bin/, scripts/, the test run's setup and helpers)
  {
    files: ['bin/**/*.js', 'scripts/**/*.js', 'test/**/*.js'],
    languageOptions: { sourceType: 'commonjs', globals: { ...globals.node } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  // The WPS add-in's ribbon callbacks: plain ES5 scripts whose functions WPS calls by name.
  {
    files: ['wps/**/*.js'],
    languageOptions: { ecmaVersion: 5, sourceType: 'script', globals: { ...globals.browser } },
    rules: { 'no-unused-vars': 'off', '@typescript-eslint/no-unused-vars': 'off', 'no-var': 'off' },
  },
  // The runtime-floor guard and loader: ES5 scripts inlined into every page (the build fills in the placeholders).
  {
    files: ['src/runtime/guard.js', 'src/runtime/loader.js'],
    languageOptions: { ecmaVersion: 5, sourceType: 'script', globals: { ...globals.browser, __ANNEX_FLOOR_CONFIG__: 'readonly', __ANNEX_FILES__: 'readonly' } },
    rules: { 'no-var': 'off' },
  },
  // The polyfill entry: core-js and two ES5 fallbacks, for webviews at the floor.
  {
    files: ['src/runtime/polyfills.js'],
    languageOptions: { sourceType: 'module', globals: { ...globals.browser } },
    rules: { 'no-var': 'off' },
  },
  {
    files: ['**/*.mjs'],
    languageOptions: { sourceType: 'module', globals: { ...globals.node } },
  },
  {
    files: ['src/taskpane/**/*.ts', 'src/taskpane/**/*.tsx'],
    languageOptions: { globals: { ...globals.browser } },
  },
  // The core must stay pure: no I/O, no Excel/Office, no Node, no sibling layers.
  {
    files: ['src/core/**/*.ts', 'src/core/**/*.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'exceljs', message: 'src/core must not depend on exceljs (use src/xlsx).' },
            { name: 'fs', message: 'src/core must not do I/O.' },
            { name: 'fs/promises', message: 'src/core must not do I/O.' },
            { name: 'path', message: 'src/core must not depend on Node.' },
            { name: 'react', message: 'src/core must not depend on UI.' },
          ],
          patterns: [
            { group: ['node:*'], message: 'src/core must not depend on Node built-ins.' },
            {
              group: ['../xlsx*', '../excel*', '../cli*', '../taskpane*', '**/xlsx/**', '**/excel/**', '**/cli/**', '**/taskpane/**'],
              message: 'src/core must not import from adapter layers (xlsx/excel/cli/taskpane).',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'Excel', message: 'src/core must not touch the Excel API.' },
        { name: 'Office', message: 'src/core must not touch the Office API.' },
        { name: 'document', message: 'src/core must not touch the DOM.' },
        { name: 'window', message: 'src/core must not touch the DOM.' },
        { name: 'process', message: 'src/core must not read process state.' },
      ],
    },
  },
  // One host layer: what the Office.js adapter (src/excel) and the WPS adapter (src/wps) share lives in src/hosts.
  // The adapters never import each other, and src/hosts imports neither (nor the pane, the file adapters, the CLI).
  {
    files: ['src/excel/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['../wps', '../wps/*', '**/wps/**', '../taskpane*', '**/taskpane/**', '../cli*'], message: 'src/excel must not import the WPS adapter or the pane: share through src/hosts.' }] },
      ],
    },
  },
  {
    files: ['src/wps/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['../excel', '../excel/*', '**/excel/**', '../taskpane*', '**/taskpane/**', '../cli*'], message: 'src/wps must not import the Office.js adapter or the pane: share through src/hosts.' }] },
      ],
    },
  },
  {
    files: ['src/hosts/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['../excel', '../excel/*', '../wps', '../wps/*', '../taskpane*', '../xlsx*', '../cli*', '**/excel/**', '**/wps/**', '**/taskpane/**', '**/xlsx/**', '**/cli/**'],
              message: 'src/hosts is what the host adapters share: it must not import an adapter, the pane, the file adapters or the CLI.',
            },
          ],
        },
      ],
    },
  },
  // ---- The core's public surface (issue 22) ----
  // Outside src/core (the adapters src/xlsx, src/excel, src/wps, src/hosts, src/commands, the CLI, the pane,
  // scripts/, bin/), the core is imported only through its public entries:
  //   src/core/index.ts  ('../core', '../../src/core'): everything the surfaces use, types included;
  //   src/core/engine.ts ('../../core/engine'): the checks alone, for the pane's lazy `import()` (its own chunk).
  // Bundles stay small through the index because webpack reads src/core as free of side effects (webpack.config.js)
  // and keeps only what a chunk uses. Type-only imports count too. Tests (test/) may import internals: they test them.
  // A rule of its own (@typescript-eslint's), so that it adds to the per-layer `no-restricted-imports` blocks above
  // instead of replacing them. The import cycles are checked by test/build/no-cycle.test.ts (type-only ones included).
  {
    files: ['src/**/*.ts', 'src/**/*.tsx', 'scripts/**/*.ts', 'scripts/**/*.js', 'bin/**/*.js'],
    ignores: ['src/core/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^\\.{1,2}/(\\.\\./)*(src/)?core/(?!engine$)',
              message: "Import the core through its public surface: src/core/index.ts ('…/core'), or src/core/engine.ts for a lazy import(). Export what you need from src/core/index.ts.",
            },
          ],
        },
      ],
    },
  },
  // ---- end of the core's public surface ----
  {
    files: ['test/**/*.ts', 'test/**/*.tsx'],
    languageOptions: { globals: { ...globals.jest, ...globals.node } },
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  // Specs beside the source (src/core/annexes/<kind>/<rule>.test.ts): jest's globals; the core's import rules still apply.
  {
    files: ['src/**/*.test.ts'],
    languageOptions: { globals: { ...globals.jest } },
  },
);

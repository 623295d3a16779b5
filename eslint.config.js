// One lint configuration for the whole tree: TypeScript rules everywhere, Lit's template rules in
// the browser folders, and Prettier owning the layout (eslint-config-prettier turns off every
// stylistic rule that would fight it).
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import lit from 'eslint-plugin-lit';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'data/**', 'bench/results.*', 'test/fixtures/**', 'public/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // `_name` marks a parameter an interface requires but this implementation does not use.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
    },
  },
  {
    // Tests and benchmarks reach into page globals (window.__probe) and send deliberately
    // malformed, untyped payloads; typing those would only restate the test.
    files: ['test/**/*.ts', 'bench/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // The server logs through its one logger (server/platform/logger.ts). What a program prints as
    // its result (the start banner, a CLI's output) goes to process.stdout / stderr directly.
    files: ['server/**/*.ts'],
    rules: { 'no-console': 'error' },
  },
  { files: ['display/**/*.ts', 'control/**/*.ts'], ...lit.configs['flat/recommended'] },
  prettier,
);

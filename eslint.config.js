import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';
import layers from './eslint-rules/layers.js';

export default tseslint.config(
  {
    ignores: [
      'dist',
      'node_modules',
      'test-results',
      'playwright-report',
      'bench/results',
      // deliberate back-arrows and cycles; eslint-rules/layers.test.ts lints them on purpose
      'lint-fixtures',
      // AssemblyScript (v128, decorators on functions): compiled by asc, not tsc
      'assembly',
      'bench/peak',
    ],
  },
  {
    extends: [js.configs.recommended, ...tseslint.configs.recommended],
    files: ['**/*.{ts,tsx}'],
    languageOptions: { ecmaVersion: 2022, globals: { ...globals.browser, ...globals.node } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    // The layer order lives in eslint-rules/layers.js (LAYERS).
    files: ['src/**/*.{ts,tsx}', 'lint-fixtures/**/*.{ts,tsx}'],
    plugins: { playground: layers },
    rules: { 'playground/layers': 'error' },
  },
  { files: ['**/*.{js,mjs}'], languageOptions: { globals: { ...globals.node } } },
);

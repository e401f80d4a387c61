// @ts-check
import eslint from '@eslint/js';
import prettier from 'eslint-config-prettier';
import { defineConfig, globalIgnores } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// typescript-eslint's `strict`, not `strictTypeChecked`: the type-checked rules took about 5x the CPU
// (83 s against 15 s on this codebase) and flag mostly test code reading untyped GraphQL responses.
export default defineConfig(
  globalIgnores(['dist/', 'coverage/', '.data/', 'node_modules/']),
  {
    files: ['**/*.{ts,tsx,js,mjs,mts}'],
    extends: [eslint.configs.recommended, tseslint.configs.strict],
    languageOptions: { globals: globals.node },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // Nest modules and GraphQL types are classes that only carry decorators.
      '@typescript-eslint/no-extraneous-class': ['error', { allowWithDecorator: true }],
      // A leading underscore marks a parameter an interface requires but this implementation ignores.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    // Arguments are validated by the pipes on each argument (src/common/validation/arg.decorator.ts),
    // not by global pipes that would also run on every field resolver's parameters.
    files: ['src/**/*.ts'],
    ignores: ['src/common/validation/arg.decorator.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@nestjs/graphql',
              importNames: ['Args'],
              message: 'Use Arg from common/validation/arg.decorator: it carries the argument pipes.',
            },
          ],
        },
      ],
    },
  },
  {
    // A test that assumed wrong fails on the next line anyway; a guard would only restate the assertion.
    files: ['test/**', '**/*.spec.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  {
    // The test setup, the fault suite's Postgres host and jest's configs are CommonJS that jest or node loads as is.
    files: ['**/*.js'],
    languageOptions: { sourceType: 'commonjs' },
    rules: {
      '@typescript-eslint/no-require-imports': 'off',
      // A module's own `const crypto = require('node:crypto')` may shadow Node's global of that name.
      'no-redeclare': ['error', { builtinGlobals: false }],
    },
  },
  {
    // The web client runs in the browser (its service worker too); its specs and build config run in Node.
    files: ['web/src/**/*.{ts,tsx}'],
    ignores: ['web/src/**/*.spec.ts'],
    languageOptions: { globals: { ...globals.browser, ...globals.serviceworker } },
  },
  // Formatting is prettier's: turn off every stylistic rule that would fight it.
  prettier,
);

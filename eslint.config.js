// @ts-check
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import tseslint from 'typescript-eslint';

/** Rules that keep pure code pure: no clock, no randomness, no I/O (DESIGN.md decision 6). */
const determinism = {
  'no-restricted-properties': [
    'error',
    { object: 'Math', property: 'random', message: 'Pure code takes randomness through its input.' },
    { object: 'Date', property: 'now', message: 'Time comes in through metadata.' },
  ],
  'no-restricted-syntax': [
    'error',
    {
      selector: "NewExpression[callee.name='Date'][arguments.length=0]",
      message: 'Time comes in through metadata: `new Date()` reads the clock.',
    },
  ],
  'no-restricted-imports': [
    'error',
    {
      patterns: [
        { group: ['node:*', 'fs', 'path', 'crypto', 'http', 'net'], message: 'No I/O in pure code.' },
        { group: ['pg', 'kysely', '@panggung/event-store'], message: 'No database in pure code.' },
      ],
    },
  ],
};

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '.data/**',
      '.test-data/**',
      'test-results/**',
      'apps/dashboard/**/*.svelte',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['packages/domain/src/**/*.ts', 'workflows/src/**/*.ts'],
    // Tests and their support (recording and replaying histories) run in Node, never inside a workflow.
    ignores: ['**/*.spec.ts', 'workflows/src/testing/**'],
    rules: determinism,
  },
  prettier,
);

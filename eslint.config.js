import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', '.data/', '.wrangler/', 'public/', 'db/migrations/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-console': ['error', { allow: ['error', 'warn'] }],
    },
  },
  {
    // Entry points and logging sinks may write to stdout.
    files: ['src/platform/logger.ts', 'scripts/**', 'bench/**', 'test/**', 'src/worker.ts'],
    rules: { 'no-console': 'off' },
  },
  {
    // Only src/config/env.ts reads the environment (tests, scripts and benches are tools around the app).
    files: ['src/**/*.ts', 'db/**/*.ts'],
    ignores: ['src/config/env.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'env', message: 'Read settings through src/config/env.ts.' },
      ],
    },
  },
);

import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'dist/',
      '.data/',
      '.wrangler/',
      'public/',
      'db/migrations/',
      'scratch/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    // Type-aware: rules that need the types (a promise nobody awaits, a promise where a value belongs).
    files: ['**/*.ts'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: false }],
      '@typescript-eslint/await-thenable': 'error',
    },
  },
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
    files: [
      'src/platform/logger.ts',
      'scripts/**',
      'bench/**',
      'eval/**',
      'test/**',
      'src/worker.ts',
    ],
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
  {
    // Layers: routes speak HTTP and call domain verbs; they never touch the database directly.
    files: ['src/routes/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['drizzle-orm', 'drizzle-orm/*'],
              message: 'Routes call domain verbs; queries live in the domain rooms.',
            },
            {
              group: ['**/db/*', '**/db'],
              message: 'Routes call domain verbs; the schema and clients live behind them.',
            },
          ],
        },
      ],
    },
  },
  {
    // Pure computation (scoring, agreement rules, scheduling, forum times and calendars, Markdown rendering, query expansion): no I/O of any kind, so it is deterministic and testable alone.
    files: [
      'src/scoring/**/*.ts',
      'src/scheduling/**/*.ts',
      'src/forums/time.ts',
      'src/platform/date-rules.ts',
      'src/reference/authority.ts',
      'src/platform/offices.ts',
      'src/platform/links.ts',
      'src/events/types.ts',
      'src/events/channels.ts',
      'src/webhooks/addresses.ts',
      'src/webhooks/signing.ts',
      'src/forums/recurrence.ts',
      'src/forums/calendar.ts',
      'src/discussion/markdown.ts',
      'src/digests/render.ts',
      'src/search/**/*.ts',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['drizzle-orm', 'drizzle-orm/*', '**/db/*', '**/db'],
              message: 'Pure modules do no I/O: pass data in.',
            },
            {
              group: [
                'node:*',
                'hono',
                'hono/*',
                '@hono/*',
                'resend',
                'pg',
                '@neondatabase/*',
                '@electric-sql/*',
              ],
              message: 'Pure modules do no I/O: pass data in.',
            },
            {
              // platform/text (text rules, HTML escaping), errors (the error value), i18n (messages) and date-rules are pure themselves
              group: [
                '**/platform/*',
                '!**/platform/text',
                '!**/platform/date-rules',
                '!**/platform/offices',
                '!**/platform/links',
                '!**/platform/errors',
                '!**/platform/i18n',
                '**/identity/*',
                '**/email/*',
              ],
              message:
                'Pure modules depend only on other pure modules and the reference vocabularies.',
            },
          ],
        },
      ],
    },
  },
);

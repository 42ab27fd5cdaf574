import { cloudflareTest } from '@cloudflare/vitest-pool-workers';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        // HTTP tests against the real app on embedded PostgreSQL (PGlite), and pure unit tests.
        test: {
          name: 'app',
          include: ['test/http/**/*.test.ts', 'test/unit/**/*.test.ts', 'test/e2e/**/*.test.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        // The production driver (@neondatabase/serverless) against a real PostgreSQL server.
        test: {
          name: 'neon',
          include: ['test/neon/**/*.test.ts'],
          globalSetup: ['test/global-setup-postgres.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        // The worker's own fetch, inside workerd.
        plugins: [cloudflareTest({ wrangler: { configPath: './wrangler.toml' } })],
        test: {
          name: 'worker',
          include: ['test/worker/**/*.test.ts'],
          // sanitize-html and postcss ship CommonJS: pre-bundled to ESM for workerd, as wrangler's esbuild does on deploy
          deps: { optimizer: { ssr: { enabled: true, include: ['sanitize-html'] } } },
          globalSetup: ['test/global-setup-postgres.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});

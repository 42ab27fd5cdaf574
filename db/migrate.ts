import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DbHandle } from './client';

/** db/migrations, found upwards from this module, so it resolves from source and from the dist/ bundle alike. */
function findMigrationsFolder(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    for (const candidate of [join(dir, 'migrations'), join(dir, 'db', 'migrations')]) {
      if (existsSync(join(candidate, 'meta', '_journal.json'))) return candidate;
    }
    dir = dirname(dir);
  }
  throw new Error('db/migrations not found');
}

export const MIGRATIONS_FOLDER = findMigrationsFolder();

/**
 * Applies the committed SQL migrations (db/migrations) that the database has not
 * seen yet; drizzle records applied ones in drizzle.__drizzle_migrations, so a
 * second run is a no-op. Uses each driver's own migrator, so the production
 * path (Neon) is the one exercised against a real server in tests.
 */
export async function migrate(handle: DbHandle): Promise<void> {
  const config = { migrationsFolder: MIGRATIONS_FOLDER };
  switch (handle.driver) {
    case 'pglite': {
      const { migrate: run } = await import('drizzle-orm/pglite/migrator');
      await run(handle.db as never, config);
      return;
    }
    case 'pg': {
      const { migrate: run } = await import('drizzle-orm/node-postgres/migrator');
      await run(handle.db as never, config);
      return;
    }
    case 'neon': {
      const { migrate: run } = await import('drizzle-orm/neon-serverless/migrator');
      await run(handle.db as never, config);
      return;
    }
  }
}

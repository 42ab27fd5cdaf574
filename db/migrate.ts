import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
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
/**
 * True when the database already records the journal's last migration (drizzle
 * stores each migration's journal timestamp as created_at): restarts skip the
 * migrator, which costs ~200 ms on the embedded database even with nothing to do.
 */
async function upToDate(handle: DbHandle): Promise<boolean> {
  const journal = JSON.parse(
    readFileSync(join(MIGRATIONS_FOLDER, 'meta', '_journal.json'), 'utf8'),
  ) as { entries: { when: number }[] };
  const last = journal.entries.at(-1)?.when;
  const exists = (await handle.db.execute(
    sql`select to_regclass('drizzle.__drizzle_migrations') is not null as present`,
  )) as unknown as { rows: { present: boolean }[] };
  if (!last || !exists.rows[0]?.present) return false;
  const applied = (await handle.db.execute(
    sql`select max(created_at)::text as last from drizzle.__drizzle_migrations`,
  )) as unknown as { rows: { last: string | null }[] };
  return Number(applied.rows[0]?.last) === last;
}

export async function migrate(handle: DbHandle): Promise<void> {
  if (await upToDate(handle)) return;
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

import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { drizzle } from 'drizzle-orm/pglite';
import { type Db, type DbHandle, DRIZZLE_CASING } from '../client';
import * as schema from '../schema';

/**
 * The planner's cost of a page read out of order: every page of the embedded
 * database is in memory, so as cheap as one read in order (PostgreSQL's own
 * advice; the default 4 models spinning disks). Migration 0019 sets it for a
 * server's database; an embedded session sets it when it opens, since the
 * migration may run after.
 */
const PLANNER_SETTINGS = 'SET random_page_cost = 1.1';

/** A PGlite instance with the extensions and settings the app needs. */
export async function createPglite(dataDir?: string): Promise<PGlite> {
  const client = await PGlite.create({
    ...(dataDir ? { dataDir } : {}),
    extensions: { pg_trgm, unaccent },
  });
  await client.exec(PLANNER_SETTINGS);
  return client;
}

/** Embedded PostgreSQL (WASM). `dataDir` undefined: in memory. One process per data dir. */
export async function openPglite(dataDir?: string): Promise<DbHandle & { client: PGlite }> {
  const client = await createPglite(dataDir);
  const db = drizzle({ client, schema, casing: DRIZZLE_CASING }) as unknown as Db;
  return { db, client, driver: 'pglite', close: () => client.close() };
}

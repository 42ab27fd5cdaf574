import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { drizzle } from 'drizzle-orm/pglite';
import { type Db, type DbHandle, DRIZZLE_CASING, RANDOM_PAGE_COST } from '../client';
import * as schema from '../schema';

/** A PGlite instance with the extensions and settings the app needs. */
export async function createPglite(dataDir?: string): Promise<PGlite> {
  const client = await PGlite.create({
    ...(dataDir ? { dataDir } : {}),
    extensions: { pg_trgm, unaccent },
  });
  await client.exec(`SET random_page_cost = ${RANDOM_PAGE_COST}`);
  return client;
}

/** Embedded PostgreSQL (WASM). `dataDir` undefined: in memory. One process per data dir. */
export async function openPglite(dataDir?: string): Promise<DbHandle & { client: PGlite }> {
  const client = await createPglite(dataDir);
  const db = drizzle({ client, schema, casing: DRIZZLE_CASING }) as unknown as Db;
  return { db, client, driver: 'pglite', close: () => client.close() };
}

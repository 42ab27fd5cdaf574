import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { drizzle } from 'drizzle-orm/pglite';
import * as schema from '../schema';
import { DRIZZLE_CASING, type Db, type DbHandle } from '../client';

/** Embedded PostgreSQL (WASM). `dataDir` undefined: in memory. One process per data dir. */
export async function openPglite(dataDir?: string): Promise<DbHandle & { client: PGlite }> {
  const client = await PGlite.create({
    ...(dataDir ? { dataDir } : {}),
    extensions: { pg_trgm, unaccent },
  });
  const db = drizzle({ client, schema, casing: DRIZZLE_CASING }) as unknown as Db;
  return { db, client, driver: 'pglite', close: () => client.close() };
}

/** A copy of a migrated and seeded instance: how tests get a fresh database in ~0.4 s. */
export async function clonePglite(source: PGlite): Promise<DbHandle & { client: PGlite }> {
  const client = (await source.clone()) as PGlite;
  const db = drizzle({ client, schema, casing: DRIZZLE_CASING }) as unknown as Db;
  return { db, client, driver: 'pglite', close: () => client.close() };
}

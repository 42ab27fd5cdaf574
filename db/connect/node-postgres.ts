import { drizzle, NodePgSession, NodePgTransaction } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import {
  type Db,
  type DbHandle,
  DRIZZLE_CASING,
  keepAlive,
  NAMED_STATEMENTS,
  RANDOM_PAGE_COST,
} from '../client';
import * as schema from '../schema';
import { releaseClientsOnFailure } from './safe-transactions';

releaseClientsOnFailure(
  NodePgSession as never,
  NodePgTransaction as never,
  (c) => c instanceof pg.Pool,
);

/** A PostgreSQL server over TCP, for Node deployments with DATABASE_URL. */
export function openNodePostgres(url: string, max = 10): DbHandle & { pool: pg.Pool } {
  // Bounded waits: a dead connection must fail a query (→ 503), never hang it.
  const pool = new pg.Pool({
    connectionString: url,
    max,
    connectionTimeoutMillis: 5_000,
    query_timeout: 10_000,
    keepAlive: true,
    // per session as well as per database (0019): connections opened before the migration plan with it too
    options: `-c random_page_cost=${RANDOM_PAGE_COST}`,
  });
  keepAlive(pool);
  const db = drizzle({ client: pool, schema, casing: DRIZZLE_CASING }) as unknown as Db;
  NAMED_STATEMENTS.add(db);
  return { db, pool, driver: 'pg', close: () => pool.end() };
}

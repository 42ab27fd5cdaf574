import pg from 'pg';
import { drizzle } from 'drizzle-orm/node-postgres';
import * as schema from '../schema';
import { DRIZZLE_CASING, type Db, type DbHandle, keepAlive } from '../client';

/** A PostgreSQL server over TCP, for Node deployments with DATABASE_URL. */
export function openNodePostgres(url: string, max = 10): DbHandle & { pool: pg.Pool } {
  const pool = new pg.Pool({ connectionString: url, max, connectionTimeoutMillis: 5_000 });
  keepAlive(pool);
  const db = drizzle({ client: pool, schema, casing: DRIZZLE_CASING }) as unknown as Db;
  return { db, pool, driver: 'pg', close: () => pool.end() };
}

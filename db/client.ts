import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type * as schema from './schema';

export type Schema = typeof schema;
/** The database as the app sees it, whichever driver is behind it (PGlite, node-postgres, Neon). */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
/** What a transaction callback receives; it has the same query surface as Db. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type DbDriver = 'pglite' | 'pg' | 'neon';

export interface DbHandle {
  db: Db;
  driver: DbDriver;
  close(): Promise<void>;
}

/**
 * Databases whose statements may be named (parsed and planned once per
 * connection): a node-postgres pool, whose connections are its own. Not Neon,
 * whose pooled endpoint may hand a connection to another client between
 * transactions, and not PGlite, which has no use for names.
 */
export const NAMED_STATEMENTS = new WeakSet<object>();

/** drizzle options shared by every driver: the schema and snake_case column names. */
export const DRIZZLE_CASING = 'snake_case' as const;

/**
 * The planner's cost of a page read out of order: as cheap as one read in
 * order when pages are cached or on SSD (PostgreSQL's own advice; the default
 * 4 models spinning disks, and makes the catalogue read every entry rather
 * than the few thousand a GIN index points to). Migration 0019 sets it for a
 * server's database, which sessions opened before it ran do not see: the
 * embedded database and a Node pool set it per session too.
 */
export const RANDOM_PAGE_COST = '1.1';

type ErrorEmitter = { on(event: 'error', listener: (err: Error) => void): unknown };
type PoolLike = ErrorEmitter & {
  on(event: 'connect', listener: (client: ErrorEmitter) => void): unknown;
};

/**
 * A server that restarts, a terminated backend or a suspended Neon compute
 * makes the pool, or a client in it, emit 'error'. Unhandled, that event ends
 * the process; handled, the broken client is dropped, the query that used it
 * fails (the app answers 503), and the next request connects anew.
 */
export function keepAlive(pool: PoolLike, onError: (err: Error) => void = () => {}): void {
  pool.on('error', onError);
  pool.on('connect', (client) => {
    client.on('error', onError);
  });
}

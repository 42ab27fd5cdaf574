import type { SQL } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import type { Ctx } from './context';

/**
 * A raw statement's rows, typed by the caller. Every driver behind `db.execute`
 * (PGlite, node-postgres, Neon) answers `{ rows }`; this is the one place that
 * says so, instead of a cast at each query.
 */
export async function rowsOf<T extends Record<string, unknown>>(
  db: Ctx['db'] | Tx,
  query: SQL,
): Promise<T[]> {
  return rowsFrom<T>(await db.execute(query));
}

/** The rows of a result already awaited (a raw statement run inside `Promise.all`). */
export const rowsFrom = <T extends Record<string, unknown>>(result: unknown): T[] =>
  (result as { rows: T[] }).rows;

import type { Db, Tx } from '../../db/client';

/**
 * A statement that nearly every request runs (the caller's session, their
 * access to a tenant, the open data's version) is built once per database
 * object. The statement keeps its placeholders, and each call fills them in.
 *
 * Building a statement with drizzle costs more CPU than a cheap request's other
 * work. On a PostgreSQL server, a named statement is also parsed and planned
 * once per connection instead of once per query.
 *
 * The statements are kept per database object. A transaction is its own
 * object, so it never runs a statement bound to another connection.
 */
const built = new WeakMap<Db | Tx, Map<string, unknown>>();

export function prepared<T>(db: Db | Tx, name: string, build: (db: Db | Tx) => T): T {
  let statements = built.get(db);
  if (!statements) built.set(db, (statements = new Map()));
  let statement = statements.get(name) as T | undefined;
  if (statement === undefined) statements.set(name, (statement = build(db)));
  return statement;
}

import { type Db, NAMED_STATEMENTS, type Tx } from '../../db/client';

/**
 * A statement that nearly every request runs (the caller's session, their
 * access to a tenant, the open data's version) is built once per database
 * object. The statement keeps its placeholders, and each call fills them in.
 *
 * Building a statement with drizzle costs more CPU than a cheap request's other
 * work. On a node-postgres pool the statement is also named, so it is parsed
 * and planned once per connection instead of once per query. Elsewhere its name
 * is empty (an unnamed statement): a pooler in transaction mode (Neon's) may
 * give the connection to another client, which a named statement would not survive.
 *
 * The statements are kept per database object. A transaction is its own
 * object, so it never runs a statement bound to another connection.
 */
const built = new WeakMap<Db | Tx, Map<string, unknown>>();

export function prepared<T>(db: Db | Tx, name: string, build: (db: Db | Tx, name: string) => T): T {
  let statements = built.get(db);
  if (!statements) built.set(db, (statements = new Map()));
  let statement = statements.get(name) as T | undefined;
  if (statement === undefined)
    statements.set(name, (statement = build(db, NAMED_STATEMENTS.has(db) ? name : '')));
  return statement;
}

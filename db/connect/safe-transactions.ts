import { sql } from 'drizzle-orm';

type SessionLike = {
  client: { connect?: () => Promise<PooledClient> };
  dialect: unknown;
  schema: unknown;
  options: unknown;
};
type PooledClient = { release: (err?: Error) => void };
type TxLike = {
  execute: (query: ReturnType<typeof sql>) => Promise<unknown>;
  getTransactionConfigSQL: (config: unknown) => ReturnType<typeof sql>;
};
type SessionClass = new (
  client: unknown,
  dialect: unknown,
  schema: unknown,
  options: unknown,
) => object;
type TransactionClass = new (dialect: unknown, session: unknown, schema: unknown) => TxLike;

/**
 * drizzle 0.45's pooled sessions (node-postgres and Neon) send BEGIN *before*
 * their try/finally: when the connection is dead, BEGIN fails and the client
 * is never released. A few such failures (a database restart, a Neon compute
 * suspend) exhaust the pool and the server never recovers. This replaces
 * `transaction` on the given session class with one that always releases its
 * client, and destroys it (release with an error) when it could not even roll
 * back, so a broken connection is never handed to the next request.
 */
export function releaseClientsOnFailure(
  Session: SessionClass,
  Transaction: TransactionClass,
  isPool: (client: unknown) => boolean,
): void {
  const proto = Session.prototype as {
    transaction: (fn: (tx: TxLike) => Promise<unknown>, config?: unknown) => Promise<unknown>;
  };
  proto.transaction = async function (this: SessionLike, fn, config) {
    const pooled = isPool(this.client);
    const client = pooled ? await this.client.connect!() : null;
    const session = pooled ? new Session(client, this.dialect, this.schema, this.options) : this;
    const tx = new Transaction(this.dialect, session, this.schema);
    let broken: Error | undefined;
    try {
      await tx.execute(config ? sql`begin ${tx.getTransactionConfigSQL(config)}` : sql`begin`);
      const result = await fn(tx);
      await tx.execute(sql`commit`);
      return result;
    } catch (error) {
      try {
        await tx.execute(sql`rollback`);
      } catch (rollbackError) {
        // the connection is gone (and with it the transaction): the client must not be reused
        broken = rollbackError instanceof Error ? rollbackError : new Error(String(rollbackError));
      }
      throw error;
    } finally {
      client?.release(broken);
    }
  };
}

import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { drizzle } from 'drizzle-orm/pglite';
import { type Db, type DbHandle, DRIZZLE_CASING } from '../client';
import * as schema from '../schema';

/**
 * The embedded database on a thread of its own. PGlite is WebAssembly: every
 * query runs synchronously on the thread that owns it. On the HTTP thread a
 * busy database stops everything else (accepting connections, timers, a fast
 * 503), so under load clients wait unanswered. Here PGlite runs in a worker
 * thread (pglite-thread.ts) and this side offers drizzle's PGlite driver the
 * two calls it makes: `query` and `transaction`.
 *
 * PGlite has one connection. Queries outside a transaction are sent as they
 * come (the thread runs them in order, while this thread goes on with HTTP); a
 * transaction has the connection to itself from BEGIN to COMMIT, as PGlite's
 * own `transaction()` does: queries and transactions that arrive meanwhile wait
 * their turn, in arrival order.
 */

type ThreadCall =
  | { op: 'query'; sql: string; params: unknown[]; rowMode: 'object' | 'array' }
  | { op: 'close' };
export type ThreadRequest = ThreadCall & { id: number };

export type ThreadReply =
  | { id: number; ok: true; result: unknown }
  | { id: number; ok: false; error: Record<string, unknown> & { message: string } };

type QueryConfig = { rowMode?: 'object' | 'array' };
type QueryResult = {
  rows: unknown[];
  fields: { name: string; dataTypeID: number }[];
  affectedRows?: number;
};
type Queryable = {
  query(sql: string, params?: unknown[], config?: QueryConfig): Promise<QueryResult>;
};

/** A database error as PostgreSQL reported it (code, constraint, detail…), rebuilt on this side. */
class ThreadedDatabaseError extends Error {
  constructor(fields: Record<string, unknown> & { message: string }) {
    super(fields.message);
    Object.assign(this, fields);
    this.name = typeof fields.name === 'string' ? fields.name : 'DatabaseError';
  }
}

/**
 * The bundled thread module runs as it is; its TypeScript source (`npm run
 * dev`, under tsx) through a two-line entry that registers tsx in the thread
 * first, since Node 20 does not pass a loader on to a worker's entry.
 */
function threadEntry(workerUrl: URL): URL {
  if (!workerUrl.pathname.endsWith('.ts')) return workerUrl;
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api')).href;
  const code = `const { register } = await import(${JSON.stringify(tsx)}); register(); await import(${JSON.stringify(workerUrl.href)});`;
  return new URL(`data:text/javascript,${encodeURIComponent(code)}`);
}

export class RemotePglite implements Queryable {
  #worker: Worker;
  #nextId = 1;
  #pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  /** queries outside a transaction that are in flight */
  #shared = 0;
  /** a transaction holds the connection */
  #exclusive = false;
  /** who waits for the connection, in arrival order */
  #queue: { exclusive: boolean; start: () => void }[] = [];
  #closed = false;

  private constructor(worker: Worker) {
    this.#worker = worker;
    worker.on('message', (m: ThreadReply) => {
      const waiter = this.#pending.get(m.id);
      if (!waiter) return;
      this.#pending.delete(m.id);
      if (m.ok) waiter.resolve(m.result);
      else waiter.reject(new ThreadedDatabaseError(m.error));
    });
    const fail = (err: Error) => {
      this.#closed = true;
      for (const w of this.#pending.values()) w.reject(err);
      this.#pending.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`the database thread exited (${code})`)));
  }

  static async start(dataDir: string | undefined, workerUrl: URL): Promise<RemotePglite> {
    const worker = new Worker(threadEntry(workerUrl), { workerData: { dataDir } });
    const remote = new RemotePglite(worker);
    await new Promise<void>((resolve, reject) => {
      remote.#pending.set(0, { resolve: () => resolve(), reject });
    });
    return remote;
  }

  #send(request: ThreadCall): Promise<unknown> {
    if (this.#closed) return Promise.reject(new Error('the database is closed'));
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      this.#worker.postMessage({ ...request, id });
    });
  }

  #raw(sql: string, params: unknown[] = [], config: QueryConfig = {}): Promise<QueryResult> {
    return this.#send({
      op: 'query',
      sql,
      params,
      rowMode: config.rowMode ?? 'object',
    }) as Promise<QueryResult>;
  }

  /** Waits until the connection may be used: shared (a query) or exclusive (a transaction). */
  #acquire(exclusive: boolean): Promise<void> {
    const free = exclusive ? !this.#exclusive && this.#shared === 0 : !this.#exclusive;
    if (free && this.#queue.length === 0) {
      if (exclusive) this.#exclusive = true;
      else this.#shared++;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.#queue.push({ exclusive, start: resolve }));
  }

  #release(exclusive: boolean) {
    if (exclusive) this.#exclusive = false;
    else this.#shared--;
    // Admit waiters in order: a run of queries together, or one transaction once all is idle.
    while (this.#queue.length > 0 && !this.#exclusive) {
      const head = this.#queue[0]!;
      if (head.exclusive) {
        if (this.#shared > 0) break;
        this.#queue.shift();
        this.#exclusive = true;
        head.start();
        break;
      }
      this.#queue.shift();
      this.#shared++;
      head.start();
    }
  }

  async query(sql: string, params?: unknown[], config?: QueryConfig): Promise<QueryResult> {
    await this.#acquire(false);
    try {
      return await this.#raw(sql, params, config);
    } finally {
      this.#release(false);
    }
  }

  async transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
    await this.#acquire(true);
    try {
      // BEGIN goes with the first statement (the thread runs them in order): one round trip fewer
      const begun = this.#raw('BEGIN');
      begun.catch(() => {}); // an idle connection always begins; its answer is checked before COMMIT
      const tx: Queryable = { query: (sql, params, config) => this.#raw(sql, params, config) };
      let result: T;
      try {
        result = await fn(tx);
      } catch (err) {
        await begun.catch(() => {});
        await this.#raw('ROLLBACK');
        throw err;
      }
      await begun;
      await this.#raw('COMMIT');
      return result;
    } finally {
      this.#release(true);
    }
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    await this.#acquire(true);
    await this.#send({ op: 'close' });
    this.#closed = true;
    await this.#worker.terminate();
  }
}

/**
 * The embedded database on its own thread, as a drizzle handle (driver
 * `pglite`: the same SQL dialect and migrator). `workerUrl` is
 * pglite-thread.ts, or its bundled .mjs beside the server bundle.
 */
export async function openPgliteThread(
  dataDir: string | undefined,
  workerUrl: URL,
): Promise<DbHandle> {
  const client = await RemotePglite.start(dataDir, workerUrl);
  const db = drizzle({ client: client as never, schema, casing: DRIZZLE_CASING }) as unknown as Db;
  return { db, driver: 'pglite', close: () => client.close() };
}

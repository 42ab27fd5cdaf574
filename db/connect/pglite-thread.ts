import { parentPort, workerData } from 'node:worker_threads';
import { types } from '@electric-sql/pglite';
import { createPglite } from './pglite';
import type { ThreadReply, ThreadRequest } from './pglite-remote';

/**
 * The embedded database's own thread (see pglite-remote.ts): PGlite runs here,
 * off the thread that accepts connections and answers HTTP, so a busy database
 * never delays an accept, a timer or a fast 503.
 */

/** drizzle's PGlite driver keeps dates, timestamps and intervals as PostgreSQL's text. */
const asText = (value: string) => value;
const parsers = Object.fromEntries(
  [
    types.TIMESTAMP,
    types.TIMESTAMPTZ,
    types.INTERVAL,
    types.DATE,
    1231,
    1115,
    1185,
    1187,
    1182,
  ].map((t) => [t, asText]),
);

const port = parentPort;
if (!port) throw new Error('pglite-thread runs as a worker thread');
const { dataDir } = workerData as { dataDir?: string };

const pg = await createPglite(dataDir);

function errorFields(err: unknown): Record<string, unknown> & { message: string } {
  if (!(err instanceof Error)) return { message: String(err) };
  const e = err as Error & Record<string, unknown>;
  const fields: Record<string, unknown> & { message: string } = {
    message: e.message,
    name: e.name,
  };
  for (const key of [
    'code',
    'severity',
    'detail',
    'hint',
    'position',
    'schema',
    'table',
    'column',
    'dataType',
    'constraint',
    'where',
    'routine',
  ])
    if (typeof e[key] === 'string' || typeof e[key] === 'number') fields[key] = e[key];
  return fields;
}

port.on('message', async (m: ThreadRequest) => {
  let reply: ThreadReply;
  try {
    switch (m.op) {
      case 'query': {
        const r = await pg.query(m.sql, m.params, { rowMode: m.rowMode, parsers });
        reply = {
          id: m.id,
          ok: true,
          result: { rows: r.rows, fields: r.fields, affectedRows: r.affectedRows },
        };
        break;
      }
      case 'close':
        await pg.close();
        reply = { id: m.id, ok: true, result: null };
        break;
    }
  } catch (err) {
    reply = { id: m.id, ok: false, error: errorFields(err) };
  }
  port.postMessage(reply);
});
port.postMessage({ id: 0, ok: true, result: 'ready' } satisfies ThreadReply);

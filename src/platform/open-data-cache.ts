import { eq, sql } from 'drizzle-orm';
import type { MiddlewareHandler } from 'hono';
import { openDataVersion } from '../../db/schema';
import { type AppEnv, today } from './context';
import { prepared } from './prepared';

/**
 * This database's open data as it stands: its epoch (one per database, 0032)
 * and version, as one SQL value. What is kept in memory per version of the
 * open data (the words' frequencies, the facet slots) is keyed by it, so two
 * databases one process reads never mix.
 */
export const OPEN_DATA_MARK = sql<string>`(select ${openDataVersion.epoch} || ' ' || ${openDataVersion.version} from ${openDataVersion} where ${openDataVersion.id} = 1)`;

const CACHED = [
  /^\/v1\/catalog\/potentials$/,
  /^\/v1\/catalog\/potentials\/[^/]+$/,
  /^\/v1\/regions$/,
  /^\/v1\/regions\/[^/]+$/,
];
/** Headers that belong to one answer, not to the data. */
const PER_ANSWER = new Set(['x-request-id', 'content-length', 'set-cookie']);

type Entry = { version: number; status: number; body: ArrayBuffer; headers: [string, string][] };

/**
 * The open data everyone reads without signing in (the catalogue, its
 * potentials, the regions) is read far more often than it changes. Its
 * answers are kept in memory and served again while the database's open-data
 * version (migration 0023: raised in the same transaction as any change of a
 * catalogue entry, a tenant or a region) is unchanged: one tiny query instead
 * of the search. The version itself is asked at most every
 * `versionTtlMs` (and again after any write this process answered; requests
 * that arrive together share one read), so another process's change shows
 * here within that time; the day is part of the key, since the catalogue
 * hides what expired. At most `totalBytes` of answers are kept, the least
 * recently used dropped first; none over `maxBytes`.
 */
export function openDataCache(options: {
  totalBytes: number;
  maxBytes: number;
  versionTtlMs: number;
}): MiddlewareHandler<AppEnv> {
  const entries = new Map<string, Entry>();
  let bytes = 0;
  let known: { version: number; at: number } | null = null;
  /** writes this process answered: a version read while one was under way is not kept */
  let writes = 0;
  /** the version being read, and how many writes had ended when the read began */
  let asking: { writes: number; at: number; version: Promise<number | null> } | null = null;
  const drop = (key: string) => {
    const old = entries.get(key);
    if (old) bytes -= old.body.byteLength;
    entries.delete(key);
  };
  return async (c, next) => {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') {
      try {
        await next();
      } finally {
        writes++;
        known = null; // this process wrote: ask the database again
      }
      return;
    }
    if (
      c.req.header('authorization') !== undefined ||
      c.req.header('cookie') !== undefined ||
      !CACHED.some((r) => r.test(c.req.path))
    )
      return next();
    const ctx = c.get('ctx');
    const at = Date.now();
    let row = known;
    if (!row || at - row.at >= options.versionTtlMs) {
      // Requests that arrive together share one read, if no write of this process ended since it began.
      if (!asking || asking.writes !== writes) {
        const ask = {
          writes,
          at,
          version: prepared(ctx.db, 'open_data_version', (db, name) =>
            db
              .select({ version: openDataVersion.version })
              .from(openDataVersion)
              .where(eq(openDataVersion.id, 1))
              .prepare(name),
          )
            .execute()
            .then(([read]) => read?.version ?? null)
            .finally(() => {
              if (asking === ask) asking = null;
            }),
        };
        asking = ask;
      }
      const ask = asking;
      const version = await ask.version;
      if (version === null) return next(); // not migrated yet
      row = { version, at: ask.at };
      // kept for the next requests only if no write of this process ended meanwhile
      if (writes === ask.writes) known = row;
    }
    const url = new URL(c.req.url);
    const key = `${ctx.lang} ${today(ctx)} ${url.pathname}${url.search}`;
    const hit = entries.get(key);
    if (hit && hit.version === row.version) {
      // most recently used last: the oldest goes first when full
      entries.delete(key);
      entries.set(key, hit);
      for (const [name, value] of hit.headers) c.header(name, value);
      return c.body(hit.body, hit.status as 200);
    }
    await next();
    const res = c.res;
    if (res.status !== 200 || !res.headers.get('content-type')?.includes('json')) return;
    const body = await res.clone().arrayBuffer();
    if (body.byteLength > options.maxBytes) return;
    drop(key);
    entries.set(key, {
      version: row.version,
      status: res.status,
      body,
      headers: [...res.headers].filter(([name]) => !PER_ANSWER.has(name.toLowerCase())),
    });
    bytes += body.byteLength;
    while (bytes > options.totalBytes) drop(entries.keys().next().value!);
  };
}

import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '../../db/client';
import { openPgliteThread } from '../../db/connect/pglite-remote';
import { isUniqueViolation } from '../../src/platform/errors';

/** The embedded database on its own thread (the server's): what drizzle relies on must hold. */
let handle: DbHandle;
const rows = async (q: ReturnType<typeof sql>) =>
  ((await handle.db.execute(q)) as unknown as { rows: Record<string, unknown>[] }).rows;

beforeAll(async () => {
  handle = await openPgliteThread(
    undefined,
    new URL('../../db/connect/pglite-thread.ts', import.meta.url),
  );
  await handle.db.execute(sql`create table t (id int primary key, v text, at timestamptz)`);
});
afterAll(() => handle.close());

describe('the embedded database on a thread of its own', () => {
  it('answers queries with PostgreSQL’s types as drizzle’s PGlite driver keeps them', async () => {
    await handle.db.execute(sql`insert into t values (1, 'satu', '2026-12-06T01:02:03Z')`);
    const [row] = await rows(sql`select id, v, at, array[1,2] as xs, '{"a":1}'::jsonb as j from t`);
    expect(row).toEqual({
      id: 1,
      v: 'satu',
      at: '2026-12-06 01:02:03+00',
      xs: [1, 2],
      j: { a: 1 },
    });
  });

  it('carries PostgreSQL’s error code and constraint across the thread', async () => {
    const err = (await handle.db
      .execute(sql`insert into t values (1, 'lagi', null)`)
      .catch((e: unknown) => e)) as { constraint?: string; cause?: { constraint?: string } };
    expect(isUniqueViolation(err)).toBe(true);
    expect(err.cause?.constraint ?? err.constraint).toBe('t_pkey');
  });

  it('rolls a failed transaction back whole', async () => {
    await expect(
      handle.db.transaction(async (tx) => {
        await tx.execute(sql`insert into t values (2, 'dua', null)`);
        await tx.execute(sql`insert into t values (1, 'bentrok', null)`);
      }),
    ).rejects.toThrow();
    expect(await rows(sql`select id from t where id = 2`)).toEqual([]);
  });

  it('keeps other queries out of an open transaction, and runs them after it in order', async () => {
    const seen: string[] = [];
    let inside!: () => void;
    const entered = new Promise<void>((r) => {
      inside = r;
    });
    const tx = handle.db.transaction(async (t) => {
      await t.execute(sql`insert into t values (3, 'tiga', null)`);
      inside();
      // a query from another request, sent while this transaction is open
      await new Promise((r) => setTimeout(r, 50));
      await t.execute(sql`update t set v = 'tiga!' where id = 3`);
      seen.push('commit');
    });
    await entered;
    const outside = rows(sql`select v from t where id = 3`).then((r) => {
      seen.push(`read ${r[0]?.v}`);
    });
    await Promise.all([tx, outside]);
    // the read waited for the commit: it never saw the transaction half done
    expect(seen).toEqual(['commit', 'read tiga!']);
  });

  it('serves many concurrent queries and transactions without losing a write', async () => {
    await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        i % 2
          ? handle.db.transaction(async (t) => {
              await t.execute(sql`insert into t values (${100 + i}, 'x', null)`);
            })
          : rows(sql`select count(*) from t`),
      ),
    );
    const [n] = await rows(sql`select count(*)::int as n from t where id >= 100`);
    expect(n).toEqual({ n: 25 });
  });
});

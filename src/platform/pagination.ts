import { z } from '@hono/zod-openapi';
import { decodeBase64urlIgnorePadding, encodeBase64urlNoPadding } from '@oslojs/encoding';
import { type SQL, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client';
import { badRequest } from './errors';
import { fieldMessage } from './field-messages';
import { sign, signatureMatches } from './secrets';

/**
 * Opaque, signed cursors: the last row's sort key, bound by an HMAC to the
 * filters, so a cursor replayed against a different query or edited by hand
 * is refused (400 naming `cursor`) instead of silently skipping rows.
 */
export const MAX_LIMIT = 1000;

export const limitParam = (defaultLimit = 100) =>
  z.coerce
    .number()
    .int()
    .min(1)
    .max(MAX_LIMIT)
    .default(defaultLimit)
    .openapi({
      param: { name: 'limit', in: 'query' },
      description: `Page size, 1–${MAX_LIMIT}.`,
      example: 50,
    });

export const cursorParam = z
  .string()
  .max(512)
  .optional()
  .openapi({
    param: { name: 'cursor', in: 'query' },
    description: 'Opaque cursor from the previous page’s `nextCursor`.',
  });

export const pageMeta = {
  nextCursor: z
    .string()
    .nullable()
    .openapi({ description: 'Pass as `cursor` to get the next page; null on the last page.' }),
  total: z
    .number()
    .int()
    .openapi({ description: 'How many items match the filters, across all pages.' }),
};

/** A stable text form of the filters a cursor belongs to. */
function filterKey(filters: Record<string, unknown>): string {
  return JSON.stringify(
    Object.entries(filters)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => a.localeCompare(b)),
  );
}

/**
 * `<payload>.<mac>`: the payload (the last row's sort key) is base64url JSON;
 * the mac is an HMAC under the server's key over the payload *and* the
 * filters, so a cursor cannot be forged, edited, or replayed on another query.
 */
export function encodeCursor(after: string[], filters: Record<string, unknown>): string {
  const payload = encodeBase64urlNoPadding(new TextEncoder().encode(JSON.stringify({ a: after })));
  return `${payload}.${sign(`${payload}|${filterKey(filters)}`)}`;
}

/**
 * The page of a query that fetched `limit + 1` rows: the first `limit`, and a
 * cursor after the last of them (`after` gives its position) when there is more.
 */
export function pageOf<T>(
  rows: T[],
  limit: number,
  after: (last: T) => string,
  filters: Record<string, unknown>,
) {
  const page = rows.slice(0, limit);
  return {
    page,
    nextCursor: rows.length > limit ? encodeCursor([after(page.at(-1)!)], filters) : null,
  };
}

function badCursor(): never {
  throw badRequest({ key: 'pagination.bad_cursor' }, [
    {
      location: 'query.cursor',
      message: fieldMessage('platform.is_invalid_has_been_altered'),
    },
  ]);
}

export function decodeCursor(
  cursor: string | undefined,
  filters: Record<string, unknown>,
): string[] | null {
  if (!cursor) return null;
  const [payload, mac, extra] = cursor.split('.');
  if (!payload || !mac || extra !== undefined) badCursor();
  if (!signatureMatches(`${payload}|${filterKey(filters)}`, mac)) badCursor();
  try {
    const parsed = JSON.parse(new TextDecoder().decode(decodeBase64urlIgnorePadding(payload))) as {
      a?: unknown;
    };
    if (
      Array.isArray(parsed.a) &&
      parsed.a.length > 0 &&
      parsed.a.length <= 4 &&
      parsed.a.every((x) => typeof x === 'string' && x.length <= 200)
    ) {
      return parsed.a as string[];
    }
  } catch {
    // fall through
  }
  return badCursor();
}

/** A cursor holding a row offset: a whole number from 0 to `max`, else 400 naming `cursor`. */
export function decodeOffsetCursor(
  cursor: string | undefined,
  filters: Record<string, unknown>,
  max = 1_000_000,
): number {
  const after = decodeCursor(cursor, filters);
  if (!after) return 0;
  const text = after[0]!;
  const offset = /^(0|[1-9]\d{0,8})$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isSafeInteger(offset) || offset < 0 || offset > max) badCursor();
  return offset;
}

/**
 * A text search counts its matches up to this bound — the catalogue's and the
 * discussion's alike: past it the answer is "200+" (`totalIsLowerBound`), not
 * a scan of every match of a frequent word.
 */
export const COUNT_BOUND = 200;

/** The matches of `where` in `table`, counted up to `COUNT_BOUND + 1` (more than the bound means "200+"). */
export async function countUpTo(db: Db, table: PgTable, where: SQL | undefined): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(
    db
      .select({ one: sql`1`.as('one') })
      .from(table)
      .where(where)
      .limit(COUNT_BOUND + 1)
      .as('m'),
  );
  return Number(row?.n ?? 0);
}

/** A bounded count as the API reports it. */
export const boundedTotal = (n: number) => ({
  total: Math.min(n, COUNT_BOUND),
  totalIsLowerBound: n > COUNT_BOUND,
});

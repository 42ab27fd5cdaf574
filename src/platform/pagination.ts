import { z } from '@hono/zod-openapi';
import { decodeBase64urlIgnorePadding, encodeBase64urlNoPadding } from '@oslojs/encoding';
import { badRequest } from './errors';

/**
 * Opaque cursors: the last row's sort key plus a fingerprint of the filters,
 * so a cursor replayed against a different query is refused instead of
 * silently skipping rows.
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

export function fingerprint(filters: Record<string, unknown>): string {
  const text = JSON.stringify(
    Object.entries(filters)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => a.localeCompare(b)),
  );
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return (h >>> 0).toString(36);
}

export function encodeCursor(after: string[], filters: Record<string, unknown>): string {
  return encodeBase64urlNoPadding(
    new TextEncoder().encode(JSON.stringify({ a: after, f: fingerprint(filters) })),
  );
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

export function decodeCursor(
  cursor: string | undefined,
  filters: Record<string, unknown>,
): string[] | null {
  if (!cursor) return null;
  try {
    const parsed = JSON.parse(new TextDecoder().decode(decodeBase64urlIgnorePadding(cursor))) as {
      a?: unknown;
      f?: unknown;
    };
    if (
      parsed.f === fingerprint(filters) &&
      Array.isArray(parsed.a) &&
      parsed.a.every((x) => typeof x === 'string')
    ) {
      return parsed.a as string[];
    }
  } catch {
    // fall through
  }
  throw badRequest({ key: 'pagination.bad_cursor' }, [
    { location: 'query.cursor', message: 'invalid cursor' },
  ]);
}

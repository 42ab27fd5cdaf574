import { and, desc, eq, gt, inArray, sql } from 'drizzle-orm';
import { boards, posts, tenants, threads } from '../../db/schema';
import type { Ctx } from '../platform/context';
import { boundedTotal, countUpTo, decodeCursor, pageOf } from '../platform/pagination';
import { textArray } from '../platform/pg-arrays';
import { visibleBoards } from './access';
import { excerptOf } from './markdown';
import { readerFor, unpack } from './threads';

/**
 * Full-text search in Indonesian (the catalogue's configuration) over the
 * visible posts of the boards this reader may read — a private conversation
 * is searched only by its parties. Newest first.
 */
export async function searchDiscussion({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { tenantId?: string; q: string; limit: number; cursor?: string };
}) {
  const reader = await readerFor(ctx, input.tenantId);
  const filters = { t: input.tenantId ?? 'public', q: input.q };
  const after = unpack(decodeCursor(input.cursor, filters));
  // a platform admin reads every board; anyone else asks for the words of the boards it may read
  const everywhere = reader.kind === 'tenant' && reader.platformAdmin;
  const visible = everywhere
    ? []
    : await ctx.db.select({ id: boards.id }).from(boards).where(visibleBoards(reader));
  const bodies = textArray(visible.map((b) => b.id.slice(4)));
  // the query's lexemes prefixed with each visible board ("<board>.<lexeme>"), OR-ed across the boards
  const [{ n, scoped } = { n: 0, scoped: null }] = await ctx.db
    .select({
      n: sql<number>`numnode(q.t)`,
      scoped: sql<
        string | null
      >`(select string_agg('(' || regexp_replace(q.t::text, '''((?:[^'']|'''')+)''', '''' || b || '.\\1''', 'g') || ')', ' | ') from unnest(${bodies}::text[]) as b)`,
    })
    .from(sql`(select websearch_to_tsquery('indonesian', ${input.q}) as t) as q`);
  // only stop words ("dan", "yang"): nothing to look for, rather than everything
  if (Number(n) === 0 || (!everywhere && !scoped))
    return { data: [], nextCursor: null, total: 0, totalIsLowerBound: false };
  const match = and(
    everywhere
      ? sql`${posts.search} @@ websearch_to_tsquery('indonesian', ${input.q})`
      : sql`${posts.scoped} @@ ${scoped}::tsquery`,
    eq(posts.status, 'visible'),
  );
  // The page is chosen on posts alone, newest first, then joined. A frequent word matches
  // thousands of posts: the newest month is asked first (the word's and the month's bitmaps
  // intersect in the index), widening to a year and then to all only when the page is not full.
  const before = after ? new Date(after[0]!) : null;
  const anchor = before ?? ctx.now();
  const choose = (windowDays: number | null) =>
    ctx.db
      .select({
        id: posts.id,
        body: posts.body,
        createdAt: posts.createdAt,
        threadId: posts.threadId,
        boardId: posts.boardId,
        authorTenantId: posts.authorTenantId,
      })
      .from(posts)
      .where(
        and(
          match,
          windowDays === null
            ? undefined
            : gt(posts.createdAt, new Date(anchor.getTime() - windowDays * 86400_000)),
          after ? sql`(${posts.createdAt}, ${posts.id}) < (${before}, ${after[1]!})` : undefined,
        ),
      )
      .orderBy(desc(posts.createdAt), desc(posts.id))
      .limit(input.limit + 1);
  let chosenRows: Awaited<ReturnType<typeof choose>> = [];
  for (const windowDays of [31, 366, null]) {
    chosenRows = await choose(windowDays);
    if (chosenRows.length > input.limit) break;
  }
  const [named, matches] = await Promise.all([
    chosenRows.length
      ? ctx.db
          .select({
            postId: posts.id,
            threadTitle: threads.title,
            boardTitleId: boards.titleId,
            boardTitleEn: boards.titleEn,
            tenantName: tenants.name,
          })
          .from(posts)
          .innerJoin(boards, eq(boards.id, posts.boardId))
          .innerJoin(threads, eq(threads.id, posts.threadId))
          .innerJoin(tenants, eq(tenants.id, posts.authorTenantId))
          .where(
            inArray(
              posts.id,
              chosenRows.map((r) => r.id),
            ),
          )
      : Promise.resolve([]),
    countUpTo(ctx.db, posts, match),
  ]);
  const names = new Map(named.map((n) => [n.postId, n]));
  const rows = chosenRows.map((r) => {
    const n = names.get(r.id)!;
    return { ...r, ...n };
  });
  const { page, nextCursor } = pageOf(
    rows,
    input.limit,
    (r) => JSON.stringify([r.createdAt.toISOString(), r.id]),
    filters,
  );
  return {
    ...boundedTotal(matches),
    data: page.map((r) => ({
      postId: r.id,
      threadId: r.threadId,
      threadTitle: r.threadTitle,
      boardId: r.boardId,
      boardTitle: ctx.lang === 'en' ? r.boardTitleEn : r.boardTitleId,
      tenantName: r.tenantName,
      excerpt: excerptOf(r.body),
      createdAt: r.createdAt,
    })),
    nextCursor,
  };
}

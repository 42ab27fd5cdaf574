import { and, desc, eq, sql } from 'drizzle-orm';
import { boards, posts, tenants, threads } from '../../db/schema';
import type { Ctx } from '../platform/context';
import { decodeCursor, pageOf } from '../platform/pagination';
import { visibleBoards } from './access';
import { excerptOf } from './markdown';
import { readerFor, unpack } from './threads';

export const COUNT_BOUND = 1000;

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
  const bodies = `{${visible.map((b) => b.id.slice(4)).join(',')}}`;
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
  // the page is chosen on posts alone (newest first), then joined: joining every match first costs more than the search
  const chosen = ctx.db
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
        after
          ? sql`(${posts.createdAt}, ${posts.id}) < (${new Date(after[0]!)}, ${after[1]!})`
          : undefined,
      ),
    )
    .orderBy(desc(posts.createdAt), desc(posts.id))
    .limit(input.limit + 1)
    .as('chosen');
  const [rows, [{ total } = { total: 0 }]] = await Promise.all([
    ctx.db
      .select({
        id: chosen.id,
        body: chosen.body,
        createdAt: chosen.createdAt,
        threadId: threads.id,
        threadTitle: threads.title,
        boardId: boards.id,
        boardTitleId: boards.titleId,
        boardTitleEn: boards.titleEn,
        tenantName: tenants.name,
      })
      .from(chosen)
      .innerJoin(boards, eq(boards.id, chosen.boardId))
      .innerJoin(threads, eq(threads.id, chosen.threadId))
      .innerJoin(tenants, eq(tenants.id, chosen.authorTenantId))
      .orderBy(desc(chosen.createdAt), desc(chosen.id)),
    // counted up to a bound: past it the answer is "more than 1,000", not a full scan
    ctx.db.select({ total: sql<number>`count(*)::int` }).from(
      ctx.db
        .select({ one: sql`1`.as('one') })
        .from(posts)
        .where(match)
        .limit(COUNT_BOUND + 1)
        .as('m'),
    ),
  ]);
  const { page, nextCursor } = pageOf(
    rows,
    input.limit,
    (r) => JSON.stringify([r.createdAt.toISOString(), r.id]),
    filters,
  );
  return {
    totalIsLowerBound: Number(total) > COUNT_BOUND,
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
    total: Math.min(Number(total), COUNT_BOUND),
  };
}

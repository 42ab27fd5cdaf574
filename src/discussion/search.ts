import { and, desc, eq, sql } from 'drizzle-orm';
import { boards, posts, tenants, threads } from '../../db/schema';
import type { Ctx } from '../platform/context';
import { decodeCursor, pageOf } from '../platform/pagination';
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
  const query = sql`websearch_to_tsquery('indonesian', ${input.q})`;
  const match = and(
    sql`${posts.search} @@ ${query}`,
    eq(posts.status, 'visible'),
    visibleBoards(reader),
  );
  const [rows, [{ total } = { total: 0 }]] = await Promise.all([
    ctx.db
      .select({
        id: posts.id,
        body: posts.body,
        createdAt: posts.createdAt,
        threadId: threads.id,
        threadTitle: threads.title,
        boardId: boards.id,
        boardTitleId: boards.titleId,
        boardTitleEn: boards.titleEn,
        tenantName: tenants.name,
      })
      .from(posts)
      .innerJoin(boards, eq(boards.id, posts.boardId))
      .innerJoin(threads, eq(threads.id, posts.threadId))
      .innerJoin(tenants, eq(tenants.id, posts.authorTenantId))
      .where(
        and(
          match,
          after
            ? sql`(${posts.createdAt}, ${posts.id}) < (${new Date(after[0]!)}, ${after[1]!})`
            : undefined,
        ),
      )
      .orderBy(desc(posts.createdAt), desc(posts.id))
      .limit(input.limit + 1),
    ctx.db
      .select({ total: sql<number>`count(*)::int` })
      .from(posts)
      .innerJoin(boards, eq(boards.id, posts.boardId))
      .where(match),
  ]);
  const { page, nextCursor } = pageOf(
    rows,
    input.limit,
    (r) => JSON.stringify([r.createdAt.toISOString(), r.id]),
    filters,
  );
  return {
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
    total: Number(total),
  };
}

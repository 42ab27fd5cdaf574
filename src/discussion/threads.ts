import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { boards, posts, tenants, threadReads, threads, users } from '../../db/schema';
import type { Ctx } from '../platform/context';
import { badRequest, notFound, type RaisedFieldError } from '../platform/errors';
import { fieldMessage } from '../platform/field-messages';
import { decodeCursor, pageOf } from '../platform/pagination';
import { termCodes } from '../reference/vocabularies';
import {
  type BoardRow,
  canPost,
  ensureStandingBoards,
  isModerator,
  type Reader,
  readableBoard,
  readerOf,
  visibleBoards,
} from './access';
import { type PostInput, writePost } from './posts';

/** The reader of a request: a tenant a user acts for, or the public. */
export const readerFor = async (ctx: Ctx, tenantId: string | undefined): Promise<Reader> =>
  tenantId ? readerOf(ctx, tenantId, 'discussion.read') : { kind: 'public' };

const userIdOf = (reader: Reader) => (reader.kind === 'tenant' ? reader.userId : null);

export function boardView(ctx: Ctx, b: BoardRow, extra: { unreadThreads: number | null }) {
  return {
    id: b.id,
    kind: b.kind,
    subjectId: b.subjectId,
    title: ctx.lang === 'en' ? b.titleEn : b.titleId,
    publicRead: b.kind === 'issue' || b.publicRead,
    threadCount: b.threadCount,
    lastActivityAt: b.lastActivityAt,
    unreadThreads: extra.unreadThreads,
  };
}

/** Boards the reader sees, most recently active first. */
export async function listBoards({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { tenantId?: string; kind?: BoardRow['kind']; limit: number; cursor?: string };
}) {
  const reader = await readerFor(ctx, input.tenantId);
  await ensureStandingBoards(ctx);
  const filters = { t: input.tenantId ?? 'public', kind: input.kind };
  const after = unpack(decodeCursor(input.cursor, filters));
  const uid = userIdOf(reader);
  const where = and(
    visibleBoards(reader),
    input.kind ? eq(boards.kind, input.kind) : undefined,
    after
      ? sql`(${boards.lastActivityAt}, ${boards.id}) < (${new Date(after[0]!)}, ${after[1]!})`
      : undefined,
  );
  const [rows, [{ total } = { total: 0 }]] = await Promise.all([
    ctx.db
      .select({
        b: boards,
        unread: uid
          ? sql<number>`(select count(*)::int from ${threads} t where t.board_id = "boards"."id"
              and not exists (select 1 from ${threadReads} r
                where r.user_id = ${uid} and r.thread_id = t.id and r.last_read_at >= t.last_post_at))`
          : sql<null>`null`,
      })
      .from(boards)
      .where(where)
      .orderBy(desc(boards.lastActivityAt), desc(boards.id))
      .limit(input.limit + 1),
    ctx.db
      .select({ total: sql<number>`count(*)::int` })
      .from(boards)
      .where(and(visibleBoards(reader), input.kind ? eq(boards.kind, input.kind) : undefined)),
  ]);
  const { page, nextCursor } = pageOf(
    rows,
    input.limit,
    (r) => JSON.stringify([r.b.lastActivityAt.toISOString(), r.b.id]),
    filters,
  );
  return {
    data: page.map((r) =>
      boardView(ctx, r.b, { unreadThreads: r.unread === null ? null : Number(r.unread) }),
    ),
    nextCursor,
    total: Number(total),
  };
}

/** pageOf packs one string; boards, threads and posts sort on several keys, packed as JSON. */
export const unpack = (after: string[] | null) =>
  after ? (JSON.parse(after[0]!) as string[]) : null;

export function threadView(
  t: typeof threads.$inferSelect,
  extra: {
    authorName: string;
    authorTenantName: string;
    unread: number | null;
    lastReadAt: Date | null;
  },
) {
  return {
    id: t.id,
    boardId: t.boardId,
    title: t.title,
    author: { userId: t.authorUserId, name: extra.authorName },
    tenant: { id: t.authorTenantId, name: extra.authorTenantName },
    issues: t.issues,
    affairs: t.affairs,
    pinned: t.pinned,
    locked: t.locked,
    postCount: t.postCount,
    lastPostAt: t.lastPostAt,
    createdAt: t.createdAt,
    unread: extra.unread,
    lastReadAt: extra.lastReadAt,
  };
}

/** A board's threads: pinned first, then by last activity. */
export async function listThreads({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { tenantId?: string; boardId: string; limit: number; cursor?: string };
}) {
  const reader = await readerFor(ctx, input.tenantId);
  const board = await readableBoard(ctx, reader, input.boardId);
  const filters = { t: input.tenantId ?? 'public', b: board.id };
  const after = unpack(decodeCursor(input.cursor, filters));
  const uid = userIdOf(reader);
  const rows = await ctx.db
    .select({
      t: threads,
      authorName: users.name,
      tenantName: tenants.name,
      lastReadAt: uid ? threadReads.lastReadAt : sql<null>`null`,
      unread: uid
        ? sql<number>`(select count(*)::int from ${posts} p where p.thread_id = "threads"."id"
            and p.created_at > coalesce("thread_reads"."last_read_at", '-infinity'))`
        : sql<null>`null`,
    })
    .from(threads)
    .innerJoin(users, eq(users.id, threads.authorUserId))
    .innerJoin(tenants, eq(tenants.id, threads.authorTenantId))
    .leftJoin(
      threadReads,
      and(eq(threadReads.threadId, threads.id), eq(threadReads.userId, uid ?? '')),
    )
    .where(
      and(
        eq(threads.boardId, board.id),
        after
          ? sql`(${threads.pinned}, ${threads.lastPostAt}, ${threads.id}) < (${after[0] === 'true'}, ${new Date(after[1]!)}, ${after[2]!})`
          : undefined,
      ),
    )
    .orderBy(desc(threads.pinned), desc(threads.lastPostAt), desc(threads.id))
    .limit(input.limit + 1);
  const { page, nextCursor } = pageOf(
    rows,
    input.limit,
    (r) => JSON.stringify([String(r.t.pinned), r.t.lastPostAt.toISOString(), r.t.id]),
    filters,
  );
  return {
    board: boardView(ctx, board, { unreadThreads: null }),
    canPost: await canPost(ctx, reader, board),
    moderator: isModerator(reader, board),
    data: page.map((r) =>
      threadView(r.t, {
        authorName: r.authorName,
        authorTenantName: r.tenantName,
        unread: r.unread === null ? null : Number(r.unread),
        lastReadAt: r.lastReadAt ?? null,
      }),
    ),
    nextCursor,
    total: board.threadCount,
  };
}

/** A thread the reader may read (through its board), else 404. */
export async function readableThread(ctx: Ctx, reader: Reader, threadId: string) {
  const [row] = await ctx.db
    .select({ t: threads, b: boards })
    .from(threads)
    .innerJoin(boards, eq(boards.id, threads.boardId))
    .where(and(eq(threads.id, threadId), visibleBoards(reader)));
  if (!row) throw notFound({ key: 'discussion.thread_not_found' });
  return { thread: row.t, board: row.b };
}

type PostRow = typeof posts.$inferSelect;

/**
 * A post as this reader sees it: a deleted post is a tombstone; a hidden one
 * shows its text and the moderator's reason only to its author and the
 * moderators, and to others that it was hidden.
 */
export function postView(
  p: PostRow,
  extra: {
    reader: Reader;
    moderator: boolean;
    authorName: string;
    authorTenantName: string;
    quote: { postId: string; excerpt: string | null } | null;
  },
) {
  const own = extra.reader.kind === 'tenant' && extra.reader.userId === p.authorUserId;
  const shown = p.status === 'visible' || (p.status === 'hidden' && (own || extra.moderator));
  return {
    id: p.id,
    threadId: p.threadId,
    author: { userId: p.authorUserId, name: extra.authorName },
    tenant: { id: p.authorTenantId, name: extra.authorTenantName },
    status: p.status,
    body: shown ? p.body : null,
    html: shown ? p.bodyHtml : null,
    attachments: shown ? p.attachments : [],
    hiddenReason: p.status === 'hidden' && (own || extra.moderator) ? p.hiddenReason : null,
    quote: extra.quote,
    mentions: shown ? p.mentions : { tenantIds: [], userIds: [] },
    version: p.version,
    editedAt: p.editedAt,
    createdAt: p.createdAt,
  };
}

/** A thread with one page of its posts, oldest first. */
export async function getThread({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { tenantId?: string; threadId: string; limit: number; cursor?: string };
}) {
  const reader = await readerFor(ctx, input.tenantId);
  const uid = userIdOf(reader);
  // the thread, its board, its author and the reader's marker in one statement
  const [head] = await ctx.db
    .select({
      t: threads,
      b: boards,
      authorName: users.name,
      tenantName: tenants.name,
      lastReadAt: uid ? threadReads.lastReadAt : sql<null>`null`,
    })
    .from(threads)
    .innerJoin(boards, eq(boards.id, threads.boardId))
    .innerJoin(users, eq(users.id, threads.authorUserId))
    .innerJoin(tenants, eq(tenants.id, threads.authorTenantId))
    .leftJoin(
      threadReads,
      and(eq(threadReads.threadId, threads.id), eq(threadReads.userId, uid ?? '')),
    )
    .where(and(eq(threads.id, input.threadId), visibleBoards(reader)));
  if (!head) throw notFound({ key: 'discussion.thread_not_found' });
  const { t: thread, b: board } = head;
  const filters = { t: input.tenantId ?? 'public', th: thread.id };
  const after = unpack(decodeCursor(input.cursor, filters));
  const quoted = sql`(select case when q.status = 'visible' then left(q.body, 200) end from ${posts} q where q.id = "posts"."quote_post_id")`;
  const rows = await ctx.db
    .select({
      p: posts,
      authorName: users.name,
      tenantName: tenants.name,
      quoteExcerpt: sql<string | null>`${quoted}`,
    })
    .from(posts)
    .innerJoin(users, eq(users.id, posts.authorUserId))
    .innerJoin(tenants, eq(tenants.id, posts.authorTenantId))
    .where(
      and(
        eq(posts.threadId, thread.id),
        after
          ? sql`(${posts.createdAt}, ${posts.id}) > (${new Date(after[0]!)}, ${after[1]!})`
          : undefined,
      ),
    )
    .orderBy(asc(posts.createdAt), asc(posts.id))
    .limit(input.limit + 1);
  const moderator = isModerator(reader, board);
  const { page, nextCursor } = pageOf(
    rows,
    input.limit,
    (r) => JSON.stringify([r.p.createdAt.toISOString(), r.p.id]),
    filters,
  );
  return {
    thread: threadView(thread, {
      authorName: head.authorName,
      authorTenantName: head.tenantName,
      unread: null,
      lastReadAt: head.lastReadAt ?? null,
    }),
    board: boardView(ctx, board, { unreadThreads: null }),
    canPost: !thread.locked && (await canPost(ctx, reader, board)),
    moderator,
    data: page.map((r) =>
      postView(r.p, {
        reader,
        moderator,
        authorName: r.authorName,
        authorTenantName: r.tenantName,
        quote: r.p.quotePostId ? { postId: r.p.quotePostId, excerpt: r.quoteExcerpt } : null,
      }),
    ),
    nextCursor,
    total: thread.postCount,
  };
}

export type NewThreadInput = PostInput & {
  tenantId: string;
  boardId: string;
  title: string;
  issues?: string[];
  affairs?: string[];
};

/** Opens a thread with its first post. */
export async function createThread({ ctx, input }: { ctx: Ctx; input: NewThreadInput }) {
  const errors: RaisedFieldError[] = [];
  const check = (field: 'issues' | 'affairs', vocabulary: string) =>
    (input[field] ?? []).forEach(
      (c, i) =>
        !termCodes(vocabulary).has(c) &&
        errors.push({
          location: `body.${field}.${i}`,
          message: fieldMessage('discussion.unknown_code', { c }),
        }),
    );
  check('issues', 'strategic-issues');
  check('affairs', 'affairs');
  if (errors.length) throw badRequest({ key: 'request.invalid' }, errors);
  const reader = await readerOf(ctx, input.tenantId, 'discussion.post');
  const board = await readableBoard(ctx, reader, input.boardId);
  const { threadId } = await writePost(ctx, reader, board, {
    newThread: { title: input.title, issues: input.issues ?? [], affairs: input.affairs ?? [] },
    body: input.body,
    attachments: input.attachments,
  });
  return getThread({ ctx, input: { tenantId: input.tenantId, threadId, limit: 20 } });
}

/** One post as this reader sees it (after writing or editing it). */
export async function postById(ctx: Ctx, reader: Reader, postId: string) {
  const [row] = await ctx.db
    .select({ p: posts, b: boards, authorName: users.name, tenantName: tenants.name })
    .from(posts)
    .innerJoin(boards, eq(boards.id, posts.boardId))
    .innerJoin(users, eq(users.id, posts.authorUserId))
    .innerJoin(tenants, eq(tenants.id, posts.authorTenantId))
    .where(and(eq(posts.id, postId), visibleBoards(reader)));
  if (!row) throw notFound({ key: 'discussion.post_not_found' });
  const [q] = row.p.quotePostId
    ? await ctx.db
        .select({ body: posts.body, status: posts.status })
        .from(posts)
        .where(eq(posts.id, row.p.quotePostId))
    : [];
  return postView(row.p, {
    reader,
    moderator: isModerator(reader, row.b),
    authorName: row.authorName,
    authorTenantName: row.tenantName,
    quote: row.p.quotePostId
      ? {
          postId: row.p.quotePostId,
          excerpt: q?.status === 'visible' ? q.body.slice(0, 200) : null,
        }
      : null,
  });
}

/** One post, as the tenant reads it at its own boards' doors; 404 where it may not. */
export async function getPost({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { tenantId: string; postId: string };
}) {
  return postById(ctx, await readerOf(ctx, input.tenantId, 'discussion.read'), input.postId);
}

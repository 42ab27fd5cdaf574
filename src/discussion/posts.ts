import { and, asc, desc, eq, gt, inArray, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import {
  boardMutes,
  boards,
  discussionNotifications,
  memberships,
  postRevisions,
  posts,
  tenants,
  threadReads,
  threads,
  users,
  watches,
} from '../../db/schema';
import { enqueueEmail } from '../email/outbox';
import { recordEvent } from '../events/events';
import { adminsOf } from '../identity/members';
import { recordAudit } from '../platform/audit';
import type { Ctx } from '../platform/context';
import { ApiError, badRequest } from '../platform/errors';
import { fieldMessage } from '../platform/field-messages';
import type { Lang } from '../platform/i18n';
import { newId } from '../platform/ids';
import { linkOf } from '../platform/links';
import { consume, LIMITS } from '../platform/rate-limit';
import {
  type BoardRow,
  canPost,
  dropUnreadableWatches,
  type Reader,
  readerOf,
  readersAmong,
  type TenantReader,
  visibleBoards,
} from './access';
import { excerptOf, linksIn, mentionsIn, renderMarkdown } from './markdown';

export const MAX_BODY = 20_000;
/** Accounts younger than this may carry only a few links per post. */
const NEW_ACCOUNT_DAYS = 7;
const NEW_ACCOUNT_LINKS = 2;
const MAX_MENTIONS = 10;

export type PostInput = {
  body: string;
  attachments?: { title: string; url: string }[];
};

const bodyError = (id: string, en: string) =>
  badRequest({ key: 'request.invalid' }, [{ location: 'body.body', message: { id, en } }]);

/** Refusals before anything is written: locked, muted, too fast, too many links for a new account. */
async function checkWriter(
  ctx: Ctx,
  reader: TenantReader,
  board: BoardRow,
  body: string,
  attachments: { url: string }[] = [],
) {
  if (!(await canPost(ctx, reader, board)))
    throw new ApiError('FORBIDDEN', { key: 'discussion.cannot_post' });
  const userId = reader.userId!;
  const [mute] = await ctx.db
    .select()
    .from(boardMutes)
    .where(
      and(
        eq(boardMutes.boardId, board.id),
        eq(boardMutes.userId, userId),
        gt(boardMutes.until, ctx.now()),
      ),
    );
  if (mute)
    throw new ApiError('FORBIDDEN', {
      key: 'discussion.muted',
      params: { until: mute.until.toISOString(), reason: mute.reason },
    });
  if (body.length > MAX_BODY)
    throw bodyError(
      `terlalu panjang: paling banyak ${MAX_BODY} karakter`,
      `is too long: at most ${MAX_BODY} characters`,
    );
  // every link that renders or is stored counts: the body's and the attachments'
  if (linksIn(body).length + attachments.length > NEW_ACCOUNT_LINKS) {
    const [u] = await ctx.db
      .select({ createdAt: users.createdAt })
      .from(users)
      .where(eq(users.id, userId));
    if (u && ctx.now().getTime() - u.createdAt.getTime() < NEW_ACCOUNT_DAYS * 86400_000)
      throw bodyError(
        `akun yang berumur kurang dari ${NEW_ACCOUNT_DAYS} hari hanya boleh memuat ${NEW_ACCOUNT_LINKS} tautan dalam satu tulisan`,
        `an account younger than ${NEW_ACCOUNT_DAYS} days may carry at most ${NEW_ACCOUNT_LINKS} links in a post`,
      );
  }
  await consume(ctx, LIMITS.postBurst, userId, 'discussion.rate_limited');
  await consume(ctx, LIMITS.postHour, userId, 'discussion.rate_limited');
}

/** The mentioned tenants that may read the board, by region code (private boards never leak to others). */
async function mentionedTenants(ctx: Ctx | { db: Tx }, board: BoardRow, codes: string[]) {
  if (codes.length === 0) return [];
  const found = await ctx.db
    .select()
    .from(tenants)
    .where(inArray(tenants.regionCode, codes.slice(0, MAX_MENTIONS)));
  const out: string[] = [];
  for (const tenant of found) {
    const reader: Reader = {
      kind: 'tenant',
      tenant,
      access: { tenant, via: 'member', role: 'viewer', agencyId: null },
      userId: null,
      provinceCode: tenant.regionCode ? tenant.regionCode.split('.')[0]! : null,
      platformAdmin: false,
    };
    const [ok] = await ctx.db
      .select({ id: boards.id })
      .from(boards)
      .where(and(eq(boards.id, board.id), visibleBoards(reader)));
    if (ok) out.push(tenant.id);
  }
  return out;
}

type Write = PostInput & {
  newThread?: { title: string; issues: string[]; affairs: string[] };
  thread?: typeof threads.$inferSelect;
  quotePostId?: string;
};

/**
 * Writes a post (and, for a new thread, the thread) in one transaction: the
 * counters, the author's watch, the notifications (replies to what someone
 * wrote or watches, mentions of a tenant that may read or of a user who took
 * part) through the outbox, and the audit row.
 */
export async function writePost(ctx: Ctx, reader: TenantReader, board: BoardRow, input: Write) {
  await checkWriter(ctx, reader, board, input.body, input.attachments);
  const thread = input.thread;
  if (thread?.locked)
    throw new ApiError('CONFLICT', {
      key: 'potential.rule',
      params: {
        ruleId: 'utas ini dikunci oleh moderator: tidak dapat dibalas',
        ruleEn: 'this thread was locked by a moderator: no replies',
      },
    });
  let quotedAuthor: string | null = null;
  if (input.quotePostId) {
    const [q] = thread
      ? await ctx.db
          .select({ author: posts.authorUserId, status: posts.status })
          .from(posts)
          .where(and(eq(posts.id, input.quotePostId), eq(posts.threadId, thread.id)))
      : [];
    if (!q || q.status !== 'visible')
      throw badRequest({ key: 'request.invalid' }, [
        {
          location: 'body.quotePostId',
          message: fieldMessage('discussion.must_visible_post_this_thread'),
        },
      ]);
    quotedAuthor = q.author;
  }
  const mentions = mentionsIn(input.body);
  const now = ctx.now();
  const userId = reader.userId!;
  const threadId = thread?.id ?? newId('thread', now.getTime());
  const postId = newId('post', now.getTime());
  const html = renderMarkdown(input.body);
  await ctx.db.transaction(async (tx) => {
    const mentionedTenantIds = await mentionedTenants({ db: tx }, board, mentions.regionCodes);
    const participants = thread
      ? await tx
          .selectDistinct({ id: posts.authorUserId })
          .from(posts)
          .where(eq(posts.threadId, thread.id))
      : [];
    const mentionedUserIds = mentions.userIds
      .filter((u) => participants.some((p) => p.id === u))
      .slice(0, MAX_MENTIONS);
    if (!thread) {
      await tx.insert(threads).values({
        id: threadId,
        boardId: board.id,
        title: input.newThread!.title,
        authorUserId: userId,
        authorTenantId: reader.tenant.id,
        issues: input.newThread!.issues,
        affairs: input.newThread!.affairs,
        postCount: 1,
        lastPostAt: now,
        createdAt: now,
      });
      await tx
        .update(boards)
        .set({ threadCount: sql`${boards.threadCount} + 1`, lastActivityAt: now })
        .where(eq(boards.id, board.id));
    } else {
      await tx
        .update(threads)
        .set({ postCount: sql`${threads.postCount} + 1`, lastPostAt: now })
        .where(eq(threads.id, thread.id));
      await tx.update(boards).set({ lastActivityAt: now }).where(eq(boards.id, board.id));
    }
    await tx.insert(posts).values({
      id: postId,
      threadId,
      boardId: board.id,
      authorUserId: userId,
      authorTenantId: reader.tenant.id,
      body: input.body,
      bodyHtml: html,
      quotePostId: input.quotePostId ?? null,
      attachments: input.attachments ?? [],
      mentions: { tenantIds: mentionedTenantIds, userIds: mentionedUserIds },
      createdAt: now,
    });
    // the author follows what they wrote in, and has read it
    await tx
      .insert(watches)
      .values({ userId, targetType: 'thread', targetId: threadId, createdAt: now })
      .onConflictDoNothing();
    await markReadIn(tx, userId, threadId, now);
    await recordAudit(tx, ctx, {
      tenantId: reader.tenant.id,
      action: thread ? 'discussion.post_created' : 'discussion.thread_created',
      targetType: 'post',
      targetId: postId,
      diff: { thread: { to: threadId }, board: { to: board.id } },
    });
    await notify(tx, ctx, {
      board,
      threadId,
      threadTitle: thread?.title ?? input.newThread!.title,
      threadAuthor: thread?.authorUserId ?? null,
      postId,
      authorUserId: userId,
      authorTenantName: reader.tenant.name,
      body: input.body,
      quotedAuthor,
      mentionedTenantIds,
      mentionedUserIds,
    });
  });
  return { threadId, postId };
}

export async function markReadIn(tx: Tx | Ctx['db'], userId: string, threadId: string, at: Date) {
  await tx
    .insert(threadReads)
    .values({ userId, threadId, lastReadAt: at })
    .onConflictDoUpdate({
      target: [threadReads.userId, threadReads.threadId],
      set: { lastReadAt: sql`greatest(${threadReads.lastReadAt}, excluded.last_read_at)` },
    });
}

type Kind = 'mention' | 'reply' | 'watch';
const RANK: Record<Kind, number> = { mention: 3, reply: 2, watch: 1 };

/** One notification per recipient and post (the strongest reason), recorded for the digests and emailed. */
async function notify(
  tx: Tx,
  ctx: Ctx,
  n: {
    board: BoardRow;
    threadId: string;
    threadTitle: string;
    threadAuthor: string | null;
    postId: string;
    authorUserId: string;
    authorTenantName: string;
    body: string;
    quotedAuthor: string | null;
    mentionedTenantIds: string[];
    mentionedUserIds: string[];
  },
) {
  const to = new Map<string, { kind: Kind; tenantId: string | null }>();
  const add = (userId: string, kind: Kind, tenantId: string | null = null) => {
    if (userId === n.authorUserId) return;
    const prev = to.get(userId);
    if (!prev || RANK[kind] > RANK[prev.kind]) to.set(userId, { kind, tenantId });
  };
  const watchers = await tx
    .select({ userId: watches.userId })
    .from(watches)
    .where(
      sql`(${watches.targetType} = 'thread' and ${watches.targetId} = ${n.threadId})
        or (${watches.targetType} = 'board' and ${watches.targetId} = ${n.board.id})`,
    );
  for (const w of watchers) add(w.userId, 'watch');
  if (n.threadAuthor) add(n.threadAuthor, 'reply');
  if (n.quotedAuthor) add(n.quotedAuthor, 'reply');
  for (const a of await adminsOf(tx, n.mentionedTenantIds)) add(a.userId, 'mention', a.tenantId);
  for (const u of n.mentionedUserIds) add(u, 'mention');
  if (to.size === 0) return;
  // only who may read the board now: a follower who left the tenant or the session stops following
  const readers = await readersAmong(tx, n.board.id, [...to.keys()]);
  const gone = [...to.keys()].filter((u) => !readers.has(u));
  for (const u of gone) to.delete(u);
  await dropUnreadableWatches(tx, gone);
  if (to.size === 0) return;
  const recipients = await tx
    .select({
      id: users.id,
      email: users.email,
      locale: users.locale,
      name: users.name,
    })
    .from(users)
    .where(inArray(users.id, [...to.keys()]));
  // a tenant to read the thread through, when the notification has none (a follower)
  const anyTenant = new Map<string, string>();
  for (const m of await tx
    .select({ userId: memberships.userId, tenantId: memberships.tenantId })
    .from(memberships)
    .where(inArray(memberships.userId, [...to.keys()]))
    .orderBy(desc(memberships.createdAt)))
    anyTenant.set(m.userId, m.tenantId);
  const now = ctx.now();
  const excerpt = excerptOf(n.body);
  for (const r of recipients) {
    const { kind, tenantId } = to.get(r.id)!;
    await tx
      .insert(discussionNotifications)
      .values({
        id: newId('notification', now.getTime()),
        userId: r.id,
        tenantId,
        kind,
        postId: n.postId,
        threadId: n.threadId,
        createdAt: now,
      })
      .onConflictDoNothing();
    await enqueueEmail(tx, ctx, r.email, r.locale as Lang, 'discussion', {
      name: r.name,
      kind,
      thread: n.threadTitle,
      author: n.authorTenantName,
      excerpt,
      url: linkOf(ctx.config, 'thread', {
        tenantId: tenantId ?? anyTenant.get(r.id) ?? '',
        threadId: n.threadId,
        postId: n.postId,
      }),
    });
  }
  // a mention is also in the inbox of who was named, in the tenant they read it as
  const mentioned = new Map<string, string[]>();
  for (const r of recipients) {
    const { kind, tenantId } = to.get(r.id)!;
    const tenant = tenantId ?? anyTenant.get(r.id);
    if (kind === 'mention' && tenant)
      mentioned.set(tenant, [...(mentioned.get(tenant) ?? []), r.id]);
  }
  for (const [tenant, userIds] of mentioned)
    await recordEvent(tx, ctx, {
      type: 'discussion.mentioned',
      tenantIds: [tenant],
      objectId: n.postId,
      payload: { thread: n.threadTitle, author: n.authorTenantName, userIds },
    });
}

/** A post the reader may read, with its thread and board, else 404. */
export async function readablePost(ctx: Ctx, reader: Reader, postId: string) {
  const [row] = await ctx.db
    .select({ p: posts, t: threads, b: boards })
    .from(posts)
    .innerJoin(threads, eq(threads.id, posts.threadId))
    .innerJoin(boards, eq(boards.id, posts.boardId))
    .where(and(eq(posts.id, postId), visibleBoards(reader)));
  if (!row) throw new ApiError('NOT_FOUND', { key: 'discussion.post_not_found' });
  return { post: row.p, thread: row.t, board: row.b };
}

export async function replyToThread({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: PostInput & { tenantId: string; threadId: string; quotePostId?: string };
}) {
  const reader = await readerOf(ctx, input.tenantId, 'discussion.post');
  const [row] = await ctx.db
    .select({ t: threads, b: boards })
    .from(threads)
    .innerJoin(boards, eq(boards.id, threads.boardId))
    .where(and(eq(threads.id, input.threadId), visibleBoards(reader)));
  if (!row) throw new ApiError('NOT_FOUND', { key: 'discussion.thread_not_found' });
  const { postId } = await writePost(ctx, reader, row.b, {
    thread: row.t,
    body: input.body,
    attachments: input.attachments,
    quotePostId: input.quotePostId,
  });
  return postId;
}

async function ownPost(ctx: Ctx, tenantId: string, postId: string) {
  const reader = await readerOf(ctx, tenantId, 'discussion.post');
  const found = await readablePost(ctx, reader, postId);
  if (found.post.authorUserId !== reader.userId || found.post.status === 'deleted')
    throw new ApiError('FORBIDDEN', { key: 'discussion.author_only' });
  return { reader, ...found };
}

/** The author edits: the earlier text is kept as a revision. */
export async function editPost({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: PostInput & { tenantId: string; postId: string };
}) {
  const { reader, post, board } = await ownPost(ctx, input.tenantId, input.postId);
  await checkWriter(ctx, reader, board, input.body, input.attachments);
  const now = ctx.now();
  await ctx.db.transaction(async (tx) => {
    await tx
      .insert(postRevisions)
      .values({ postId: post.id, version: post.version, body: post.body, createdAt: now });
    const updated = await tx
      .update(posts)
      .set({
        body: input.body,
        bodyHtml: renderMarkdown(input.body),
        attachments: input.attachments ?? post.attachments,
        version: post.version + 1,
        editedAt: now,
      })
      .where(and(eq(posts.id, post.id), eq(posts.version, post.version)))
      .returning({ id: posts.id });
    if (updated.length === 0)
      throw new ApiError('CONFLICT', {
        key: 'potential.rule',
        params: {
          ruleId: 'tulisan ini baru saja diubah: muat ulang lalu ubah lagi',
          ruleEn: 'this post was just edited: reload and edit again',
        },
      });
    await recordAudit(tx, ctx, {
      tenantId: reader.tenant.id,
      action: 'discussion.post_edited',
      targetType: 'post',
      targetId: post.id,
      diff: { version: { from: post.version, to: post.version + 1 } },
    });
  });
  return post.id;
}

/** The author deletes: the text and its history go; a tombstone keeps the thread readable. */
export async function deletePost({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { tenantId: string; postId: string };
}) {
  const { reader, post } = await ownPost(ctx, input.tenantId, input.postId);
  await ctx.db.transaction(async (tx) => {
    await tx.delete(postRevisions).where(eq(postRevisions.postId, post.id));
    await tx
      .update(posts)
      .set({
        status: 'deleted',
        body: '',
        bodyHtml: '',
        attachments: [],
        mentions: { tenantIds: [], userIds: [] },
        editedAt: ctx.now(),
      })
      .where(eq(posts.id, post.id));
    await recordAudit(tx, ctx, {
      tenantId: reader.tenant.id,
      action: 'discussion.post_deleted',
      targetType: 'post',
      targetId: post.id,
    });
  });
}

/** The earlier texts of a post, oldest first: for whoever may read it (not of a hidden or deleted one). */
export async function postRevisionsOf({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { tenantId: string; postId: string };
}) {
  const reader = await readerOf(ctx, input.tenantId, 'discussion.read');
  const { post } = await readablePost(ctx, reader, input.postId);
  if (post.status !== 'visible' && post.authorUserId !== reader.userId) return { data: [] };
  const rows = await ctx.db
    .select()
    .from(postRevisions)
    .where(eq(postRevisions.postId, post.id))
    .orderBy(asc(postRevisions.version));
  return {
    data: rows.map((r) => ({ version: r.version, body: r.body, createdAt: r.createdAt })),
  };
}

import { and, asc, eq, sql } from 'drizzle-orm';
import { boardMutes, boards, postReports, posts, threads, users } from '../../db/schema';
import { recordAudit } from '../platform/audit';
import type { Ctx } from '../platform/context';
import { ApiError, badRequest, isUniqueViolation, notFound } from '../platform/errors';
import { fieldMessage } from '../platform/field-messages';
import { newId } from '../platform/ids';
import { PRIVATE_KINDS, readableBoard, readerOf, requireModerator } from './access';
import { excerptOf } from './markdown';
import { readablePost } from './posts';
import { readableThread } from './threads';

const rule = (id: string, en: string) =>
  new ApiError('CONFLICT', { key: 'potential.rule', params: { ruleId: id, ruleEn: en } });

/** A moderator hides a post with a reason (its author sees why) or shows it again; hiding closes its open reports. */
export async function moderatePost({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { tenantId: string; postId: string; action: 'hide' | 'unhide'; reason?: string };
}) {
  const reader = await readerOf(ctx, input.tenantId, 'discussion.post');
  const { post, board } = await readablePost(ctx, reader, input.postId);
  requireModerator(reader, board);
  const reason = input.reason?.trim() || null;
  if (input.action === 'hide' && !reason)
    throw badRequest({ key: 'request.invalid' }, [
      {
        location: 'body.reason',
        message: fieldMessage('discussion.is_required_when_hiding_author_sees'),
      },
    ]);
  if (post.status === 'deleted')
    throw rule(
      'tulisan yang dihapus penulisnya tidak dimoderasi',
      'a deleted post is not moderated',
    );
  const now = ctx.now();
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(posts)
      .set(
        input.action === 'hide'
          ? { status: 'hidden', hiddenReason: reason, hiddenBy: reader.userId }
          : { status: 'visible', hiddenReason: null, hiddenBy: null },
      )
      .where(eq(posts.id, post.id));
    if (input.action === 'hide')
      await tx
        .update(postReports)
        .set({ status: 'resolved', resolvedBy: reader.userId, resolvedAt: now })
        .where(and(eq(postReports.postId, post.id), eq(postReports.status, 'open')));
    await recordAudit(tx, ctx, {
      tenantId: reader.tenant.id,
      action: `discussion.post_${input.action === 'hide' ? 'hidden' : 'shown'}`,
      targetType: 'post',
      targetId: post.id,
      diff: {
        status: { from: post.status, to: input.action === 'hide' ? 'hidden' : 'visible' },
        ...(reason ? { reason: { to: reason } } : {}),
      },
    });
  });
}

/** A moderator pins, locks or moves a thread (between public boards it moderates, never into or out of a private one). */
export async function moderateThread({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: {
    tenantId: string;
    threadId: string;
    action: 'pin' | 'unpin' | 'lock' | 'unlock' | 'move';
    boardId?: string;
  };
}) {
  const reader = await readerOf(ctx, input.tenantId, 'discussion.post');
  const { thread, board } = await readableThread(ctx, reader, input.threadId);
  requireModerator(reader, board);
  let target = board;
  if (input.action === 'move') {
    if (!input.boardId)
      throw badRequest({ key: 'request.invalid' }, [
        {
          location: 'body.boardId',
          message: fieldMessage('discussion.is_required_move'),
        },
      ]);
    target = await readableBoard(ctx, reader, input.boardId);
    requireModerator(reader, target);
    const priv = (k: string) => (PRIVATE_KINDS as readonly string[]).includes(k);
    if (priv(board.kind) || priv(target.kind) || target.id === board.id)
      throw rule(
        'utas hanya dipindahkan antarpapan terbuka yang berbeda, tidak ke atau dari percakapan tertutup',
        'a thread moves only between different open boards, never into or out of a private conversation',
      );
  }
  const set =
    input.action === 'pin'
      ? { pinned: true }
      : input.action === 'unpin'
        ? { pinned: false }
        : input.action === 'lock'
          ? { locked: true }
          : input.action === 'unlock'
            ? { locked: false }
            : { boardId: target.id };
  await ctx.db.transaction(async (tx) => {
    await tx.update(threads).set(set).where(eq(threads.id, thread.id));
    if (input.action === 'move') {
      await tx.update(posts).set({ boardId: target.id }).where(eq(posts.threadId, thread.id));
      await tx
        .update(boards)
        .set({ threadCount: sql`${boards.threadCount} - 1` })
        .where(eq(boards.id, board.id));
      await tx
        .update(boards)
        .set({
          threadCount: sql`${boards.threadCount} + 1`,
          lastActivityAt: sql`greatest(${boards.lastActivityAt}, ${thread.lastPostAt})`,
        })
        .where(eq(boards.id, target.id));
    }
    await recordAudit(tx, ctx, {
      tenantId: reader.tenant.id,
      action: `discussion.thread_${input.action}`,
      targetType: 'thread',
      targetId: thread.id,
      diff: input.action === 'move' ? { board: { from: board.id, to: target.id } } : {},
    });
  });
  return thread.id;
}

/** Anyone who may read a post reports it, once; the report joins its board's queue. */
export async function reportPost({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { tenantId: string; postId: string; reason: string };
}) {
  const reader = await readerOf(ctx, input.tenantId, 'discussion.read');
  if (!reader.userId) throw new ApiError('FORBIDDEN', { key: 'auth.api_keys_cannot' });
  const { post } = await readablePost(ctx, reader, input.postId);
  const id = newId('flag', ctx.now().getTime());
  try {
    await ctx.db.transaction(async (tx) => {
      await tx.insert(postReports).values({
        id,
        postId: post.id,
        boardId: post.boardId,
        reporterUserId: reader.userId!,
        reason: input.reason,
        createdAt: ctx.now(),
      });
      await recordAudit(tx, ctx, {
        tenantId: reader.tenant.id,
        action: 'discussion.post_reported',
        targetType: 'post',
        targetId: post.id,
      });
    });
  } catch (err) {
    if (isUniqueViolation(err))
      throw rule('Anda sudah melaporkan tulisan ini', 'you have already reported this post');
    throw err;
  }
  return { id, status: 'open' as const };
}

/** The board's open reports, oldest first: for its moderators. */
export async function reportQueue({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { tenantId: string; boardId: string };
}) {
  const reader = await readerOf(ctx, input.tenantId, 'discussion.read');
  const board = await readableBoard(ctx, reader, input.boardId);
  requireModerator(reader, board);
  const rows = await ctx.db
    .select({
      r: postReports,
      body: posts.body,
      postStatus: posts.status,
      threadId: posts.threadId,
      reporter: users.name,
    })
    .from(postReports)
    .innerJoin(posts, eq(posts.id, postReports.postId))
    .innerJoin(users, eq(users.id, postReports.reporterUserId))
    .where(and(eq(postReports.boardId, board.id), eq(postReports.status, 'open')))
    .orderBy(asc(postReports.createdAt))
    .limit(200);
  return {
    data: rows.map((x) => ({
      id: x.r.id,
      postId: x.r.postId,
      threadId: x.threadId,
      reason: x.r.reason,
      reporter: x.reporter,
      postStatus: x.postStatus,
      excerpt: excerptOf(x.body),
      createdAt: x.r.createdAt,
    })),
  };
}

/** A moderator closes a report without acting on the post. */
export async function dismissReport({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { tenantId: string; boardId: string; reportId: string };
}) {
  const reader = await readerOf(ctx, input.tenantId, 'discussion.post');
  const board = await readableBoard(ctx, reader, input.boardId);
  requireModerator(reader, board);
  await ctx.db.transaction(async (tx) => {
    const done = await tx
      .update(postReports)
      .set({ status: 'dismissed', resolvedBy: reader.userId, resolvedAt: ctx.now() })
      .where(
        and(
          eq(postReports.id, input.reportId),
          eq(postReports.boardId, board.id),
          eq(postReports.status, 'open'),
        ),
      )
      .returning({ id: postReports.id });
    if (done.length === 0) throw notFound({ key: 'discussion.report_not_found' });
    await recordAudit(tx, ctx, {
      tenantId: reader.tenant.id,
      action: 'discussion.report_dismissed',
      targetType: 'post_report',
      targetId: input.reportId,
    });
  });
}

/** A moderator mutes a user on the board until a time, with a reason (shown to the user when they try to write). */
export async function muteUser({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { tenantId: string; boardId: string; userId: string; until: Date; reason: string };
}) {
  const reader = await readerOf(ctx, input.tenantId, 'discussion.post');
  const board = await readableBoard(ctx, reader, input.boardId);
  requireModerator(reader, board);
  const now = ctx.now();
  const max = now.getTime() + 366 * 86400_000;
  if (input.until.getTime() <= now.getTime() || input.until.getTime() > max)
    throw badRequest({ key: 'request.invalid' }, [
      {
        location: 'body.until',
        message: fieldMessage('discussion.must_future_at_most_year_ahead'),
      },
    ]);
  const [u] = await ctx.db.select({ id: users.id }).from(users).where(eq(users.id, input.userId));
  if (!u || u.id === reader.userId)
    throw badRequest({ key: 'request.invalid' }, [
      {
        location: 'body.userId',
        message: fieldMessage('discussion.unknown_user'),
      },
    ]);
  await ctx.db.transaction(async (tx) => {
    await tx
      .insert(boardMutes)
      .values({
        boardId: board.id,
        userId: u.id,
        until: input.until,
        reason: input.reason,
        mutedBy: reader.userId!,
        createdAt: now,
      })
      .onConflictDoUpdate({
        target: [boardMutes.boardId, boardMutes.userId],
        set: { until: input.until, reason: input.reason, mutedBy: reader.userId!, createdAt: now },
      });
    await recordAudit(tx, ctx, {
      tenantId: reader.tenant.id,
      action: 'discussion.user_muted',
      targetType: 'board',
      targetId: board.id,
      diff: {
        user: { to: u.id },
        until: { to: input.until.toISOString() },
        reason: { to: input.reason },
      },
    });
  });
  return { boardId: board.id, userId: u.id, until: input.until, reason: input.reason };
}

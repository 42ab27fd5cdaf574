import { and, eq } from 'drizzle-orm';
import { watches } from '../../db/schema';
import type { Ctx } from '../platform/context';
import { ApiError } from '../platform/errors';
import { readableBoard, readerOf } from './access';
import { markReadIn } from './posts';
import { readableThread } from './threads';

async function userReader(ctx: Ctx, tenantId: string) {
  const reader = await readerOf(ctx, tenantId, 'discussion.read');
  if (!reader.userId) throw new ApiError('FORBIDDEN', { key: 'auth.api_keys_cannot' });
  return reader as typeof reader & { userId: string };
}

/** Marks a thread read up to a time (default: its last post); the marker never moves back. */
export async function markThreadRead({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { tenantId: string; threadId: string; until?: Date };
}) {
  const reader = await userReader(ctx, input.tenantId);
  const { thread } = await readableThread(ctx, reader, input.threadId);
  const at = input.until && input.until < thread.lastPostAt ? input.until : thread.lastPostAt;
  await markReadIn(ctx.db, reader.userId, thread.id, at);
  return { threadId: thread.id, lastReadAt: at };
}

/** Follows (or stops following) a thread or a board: new posts there notify. */
export async function setWatch({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { tenantId: string; targetType: 'thread' | 'board'; targetId: string; watch: boolean };
}) {
  const reader = await userReader(ctx, input.tenantId);
  const id =
    input.targetType === 'thread'
      ? (await readableThread(ctx, reader, input.targetId)).thread.id
      : (await readableBoard(ctx, reader, input.targetId)).id;
  if (input.watch)
    await ctx.db
      .insert(watches)
      .values({
        userId: reader.userId,
        targetType: input.targetType,
        targetId: id,
        createdAt: ctx.now(),
      })
      .onConflictDoNothing();
  else
    await ctx.db
      .delete(watches)
      .where(
        and(
          eq(watches.userId, reader.userId),
          eq(watches.targetType, input.targetType),
          eq(watches.targetId, id),
        ),
      );
  return { targetType: input.targetType, targetId: id, watching: input.watch };
}

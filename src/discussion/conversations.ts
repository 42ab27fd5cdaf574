import { and, asc, eq } from 'drizzle-orm';
import { boards, threads } from '../../db/schema';
import { recordAudit } from '../platform/audit';
import type { Ctx } from '../platform/context';
import { ApiError, notFound } from '../platform/errors';
import { newId } from '../platform/ids';
import {
  type PrivateKind,
  partiesOf,
  readableBoard,
  readerOf,
  requireModerator,
  sessionBoardFor,
} from './access';

export type Subject = { type: PrivateKind | 'session'; id: string };

const TITLES: Record<Subject['type'], { id: string; en: string }> = {
  interest: { id: 'Percakapan pernyataan minat', en: 'Interest conversation' },
  proposal: { id: 'Percakapan usulan kerja sama', en: 'Proposal conversation' },
  agreement: { id: 'Percakapan kerja sama', en: 'Agreement conversation' },
  session: { id: 'Papan diskusi sesi forum', en: 'Forum session board' },
};

/**
 * Opens (or finds) the board of a subject: the private conversation of an
 * interest's, a proposal's or an agreement's parties — the way they talk
 * without exchanging personal emails — or a forum session's board. Only a
 * party (or the session's convener and approved delegations) may; anyone
 * else gets 404, as if the subject did not exist.
 */
export async function openConversation({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { tenantId: string; subject: Subject };
}) {
  const reader = await readerOf(ctx, input.tenantId, 'discussion.post');
  const { subject } = input;
  const now = ctx.now();
  let values: typeof boards.$inferInsert;
  if (subject.type === 'session') {
    const s = await sessionBoardFor(ctx, subject.id, reader.tenant.id, reader.platformAdmin);
    if (!s)
      // a platform admin is told the session does not exist; anyone else learns nothing
      throw reader.platformAdmin
        ? notFound({ key: 'forum.session_id_not_found', params: { id: subject.id } })
        : notFound({ key: 'discussion.board_not_found' });
    values = {
      id: newId('board', now.getTime()),
      kind: 'session',
      subjectId: subject.id,
      titleId: `Diskusi ${s.title}`,
      titleEn: `${s.title} discussion`,
      moderatorTenantId: s.convener,
      lastActivityAt: now,
      createdAt: now,
    };
  } else {
    const parties = await partiesOf(ctx, subject.type, subject.id);
    if (!parties || (!parties.tenants.includes(reader.tenant.id) && !reader.platformAdmin))
      throw notFound({ key: 'discussion.board_not_found' });
    const t = TITLES[subject.type];
    values = {
      id: newId('board', now.getTime()),
      kind: subject.type,
      subjectId: subject.id,
      titleId: parties.title ? `${t.id}: ${parties.title}` : t.id,
      titleEn: parties.title ? `${t.en}: ${parties.title}` : t.en,
      moderatorTenantId: parties.moderator,
      memberTenantIds: parties.tenants,
      lastActivityAt: now,
      createdAt: now,
    };
  }
  const created = await ctx.db.transaction(async (tx) => {
    const inserted = await tx
      .insert(boards)
      .values(values)
      .onConflictDoNothing()
      .returning({ id: boards.id });
    if (inserted[0])
      await recordAudit(tx, ctx, {
        tenantId: reader.tenant.id,
        action: 'discussion.board_opened',
        targetType: 'board',
        targetId: inserted[0].id,
        diff: { subject: { to: `${subject.type}:${subject.id}` } },
      });
    return !!inserted[0];
  });
  const [board] = await ctx.db
    .select()
    .from(boards)
    .where(and(eq(boards.kind, values.kind), eq(boards.subjectId, subject.id)));
  const first = await ctx.db
    .select({ id: threads.id })
    .from(threads)
    .where(eq(threads.boardId, board!.id))
    .orderBy(asc(threads.createdAt))
    .limit(1);
  return { board: board!, created, firstThreadId: first[0]?.id ?? null };
}

/** The convener opens a session's board to the public (to read; writing stays with the delegations), or closes it. */
export async function setBoardPublicity({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { tenantId: string; boardId: string; publicRead: boolean };
}) {
  const reader = await readerOf(ctx, input.tenantId, 'discussion.post');
  const board = await readableBoard(ctx, reader, input.boardId);
  requireModerator(reader, board);
  if (board.kind !== 'session')
    throw new ApiError('CONFLICT', {
      key: 'potential.rule',
      params: {
        ruleId: 'hanya papan sesi forum yang dibuka untuk umum oleh penyelenggaranya',
        ruleEn: 'only a forum session’s board is opened to the public, by its convener',
      },
    });
  const [updated] = await ctx.db.transaction(async (tx) => {
    const rows = await tx
      .update(boards)
      .set({ publicRead: input.publicRead })
      .where(eq(boards.id, board.id))
      .returning();
    await recordAudit(tx, ctx, {
      tenantId: reader.tenant.id,
      action: 'discussion.board_publicity',
      targetType: 'board',
      targetId: board.id,
      diff: { publicRead: { from: board.publicRead, to: input.publicRead } },
    });
    return rows;
  });
  return updated!;
}

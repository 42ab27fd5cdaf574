import { and, asc, count, desc, eq, ne, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { agencies, mappingRounds, memberships, potentials } from '../../db/schema';
import { recordEvent } from '../events/events';
import { authorize, requireUser } from '../identity/access';
import { REQUIRED_LIAISONS } from '../identity/agencies';
import { recordAudit } from '../platform/audit';
import type { Ctx } from '../platform/context';
import { endOfDayWib, spokenDeadline } from '../platform/date-rules';
import { ApiError, badRequest, notFound } from '../platform/errors';
import { fieldMessage } from '../platform/field-messages';
import { newId } from '../platform/ids';

export type RoundInput = {
  title: string;
  periodStart: string;
  periodEnd: string;
  deadline: string;
};

export async function createRound({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: RoundInput & { tenantId: string };
}) {
  const { tenant } = await authorize(ctx, input.tenantId, 'rounds.manage');
  const actor = requireUser(ctx);
  if (tenant.type !== 'region') throw notFound({ key: 'agency.region_only' });
  if (input.periodEnd < input.periodStart)
    throw badRequest({ key: 'request.invalid' }, [
      {
        location: 'body.periodEnd',
        message: fieldMessage('potentials.must_not_before_periodstart'),
      },
    ]);
  if (input.deadline < input.periodStart || input.deadline > input.periodEnd)
    throw badRequest({ key: 'request.invalid' }, [
      {
        location: 'body.deadline',
        message: fieldMessage('potentials.must_fall_within_period'),
      },
    ]);
  const now = ctx.now();
  const id = newId('round', now.getTime());
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(mappingRounds)
      .values({
        id,
        tenantId: tenant.id,
        title: input.title,
        periodStart: input.periodStart,
        periodEnd: input.periodEnd,
        deadline: input.deadline,
        createdBy: actor.user.id,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    await recordAudit(tx, ctx, {
      tenantId: tenant.id,
      action: 'round.opened',
      targetType: 'mapping_round',
      targetId: id,
      diff: { title: { to: input.title }, deadline: { to: input.deadline } },
    });
    await recordEvent(tx, ctx, {
      type: 'round.opened',
      tenantIds: [tenant.id],
      objectId: id,
      payload: { title: input.title, deadline: input.deadline },
      dueAt: endOfDayWib(input.deadline),
    });
    return row!;
  });
}

export async function listRounds({ ctx, input }: { ctx: Ctx; input: { tenantId: string } }) {
  const { tenant } = await authorize(ctx, input.tenantId, 'rounds.read');
  return {
    data: await ctx.db
      .select()
      .from(mappingRounds)
      .where(eq(mappingRounds.tenantId, tenant.id))
      .orderBy(desc(mappingRounds.periodStart)),
  };
}

/** A round with, per agency, how many proposals it submitted and whether it has its two liaisons. */
export async function getRound({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { tenantId: string; roundId: string };
}) {
  const { tenant } = await authorize(ctx, input.tenantId, 'rounds.read');
  const [round] = await ctx.db
    .select()
    .from(mappingRounds)
    .where(and(eq(mappingRounds.id, input.roundId), eq(mappingRounds.tenantId, tenant.id)));
  if (!round) throw notFound({ key: 'round.not_found' });
  const [agencyRows, proposals, liaisons] = await Promise.all([
    ctx.db
      .select({ id: agencies.id, name: agencies.name })
      .from(agencies)
      .where(eq(agencies.tenantId, tenant.id))
      .orderBy(asc(agencies.name)),
    ctx.db
      .select({
        agencyId: potentials.agencyId,
        submitted: sql<number>`count(*) filter (where ${potentials.status} <> 'draft')::int`,
        drafts: sql<number>`count(*) filter (where ${potentials.status} = 'draft')::int`,
      })
      .from(potentials)
      .where(and(eq(potentials.roundId, round.id), ne(potentials.status, 'archived')))
      .groupBy(potentials.agencyId),
    ctx.db
      .select({ agencyId: memberships.agencyId, n: count() })
      .from(memberships)
      .where(and(eq(memberships.tenantId, tenant.id), eq(memberships.role, 'liaison')))
      .groupBy(memberships.agencyId),
  ]);
  const byAgency = new Map(proposals.map((p) => [p.agencyId, p]));
  const liaisonsBy = new Map(liaisons.map((l) => [l.agencyId, l.n]));
  const perAgency = agencyRows.map((a) => ({
    agencyId: a.id,
    name: a.name,
    submitted: Number(byAgency.get(a.id)?.submitted ?? 0),
    drafts: Number(byAgency.get(a.id)?.drafts ?? 0),
    liaisonCount: liaisonsBy.get(a.id) ?? 0,
    hasRequiredLiaisons: (liaisonsBy.get(a.id) ?? 0) >= REQUIRED_LIAISONS,
  }));
  return {
    ...round,
    agencies: perAgency,
    totals: {
      submitted: perAgency.reduce((s, a) => s + a.submitted, 0),
      agenciesWithoutLiaisons: perAgency.filter((a) => !a.hasRequiredLiaisons).length,
    },
  };
}

/**
 * The TKKSD admin extends a round's deadline (within its period) or closes
 * the round (and may reopen it). Submissions after the deadline, or to a
 * closed round, are refused naming it.
 */
export async function updateRound({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { tenantId: string; roundId: string; deadline?: string; status?: 'open' | 'closed' };
}) {
  const { tenant } = await authorize(ctx, input.tenantId, 'rounds.manage');
  requireUser(ctx);
  const [round] = await ctx.db
    .select()
    .from(mappingRounds)
    .where(and(eq(mappingRounds.id, input.roundId), eq(mappingRounds.tenantId, tenant.id)));
  if (!round) throw notFound({ key: 'round.not_found' });
  if (input.deadline && (input.deadline < round.periodStart || input.deadline > round.periodEnd))
    throw badRequest({ key: 'request.invalid' }, [
      {
        location: 'body.deadline',
        message: fieldMessage('potentials.must_fall_within_named_period', {
          periodStart: round.periodStart,
          periodEnd: round.periodEnd,
        }),
      },
    ]);
  const next = { deadline: input.deadline ?? round.deadline, status: input.status ?? round.status };
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .update(mappingRounds)
      .set({ ...next, updatedAt: ctx.now() })
      .where(eq(mappingRounds.id, round.id))
      .returning();
    await recordAudit(tx, ctx, {
      tenantId: tenant.id,
      action:
        next.status !== round.status
          ? `round.${next.status === 'closed' ? 'closed' : 'reopened'}`
          : 'round.updated',
      targetType: 'mapping_round',
      targetId: round.id,
      diff: {
        ...(next.deadline !== round.deadline
          ? { deadline: { from: round.deadline, to: next.deadline } }
          : {}),
        ...(next.status !== round.status
          ? { status: { from: round.status, to: next.status } }
          : {}),
      },
    });
    return row!;
  });
}

/** A submission to a round must come before its deadline, and the round must be open (409 naming which). */
export async function checkRoundOpen(db: Ctx['db'] | Tx, roundId: string | null, todayIso: string) {
  if (!roundId) return;
  const [round] = await db.select().from(mappingRounds).where(eq(mappingRounds.id, roundId));
  if (!round) return;
  if (round.status === 'closed')
    throw new ApiError('CONFLICT', {
      key: 'potential.rule',
      params: {
        ruleId: `periode pemetaan "${round.title}" sudah ditutup`,
        ruleEn: `the mapping round "${round.title}" is closed`,
      },
    });
  if (todayIso > round.deadline)
    throw new ApiError('CONFLICT', {
      key: 'potential.rule',
      params: {
        ruleId: `batas waktu pengajuan periode pemetaan "${round.title}" telah berakhir pada ${spokenDeadline(round.deadline, 'id')}; Sekretariat TKKSD dapat memperpanjangnya`,
        ruleEn: `the deadline for submissions to the mapping round "${round.title}" ended on ${spokenDeadline(round.deadline, 'en')}; the TKKSD secretariat can extend it`,
      },
    });
}

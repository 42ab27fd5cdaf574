import { and, asc, eq, or } from 'drizzle-orm';
import {
  agreementParties,
  forumFollowUps,
  forumRegistrations,
  forumSessions,
  potentials,
  proposals,
} from '../../db/schema';
import { recordEvent } from '../events/events';
import { authorize, requireUser } from '../identity/access';
import { recordAudit } from '../platform/audit';
import { type Ctx, today } from '../platform/context';
import { endOfDayWib } from '../platform/date-rules';
import { badRequest, notFound, type RaisedFieldError } from '../platform/errors';
import { fieldMessage } from '../platform/field-messages';
import { newId } from '../platform/ids';
import { convenerSession, forumRule } from './access';
import { followUpView } from './session-views';
import { getConvenerSession } from './sessions';

const RECORDED: string[] = ['held', 'closed'];

/**
 * The notulen of a session: who came, a summary, the decisions. Recorded by
 * the convener once the session was held; visible to registered delegations,
 * and to everyone once `publish` is set.
 */
export async function recordMinutes({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: {
    tenantId: string;
    forumId: string;
    sessionId: string;
    summary: string;
    decisions?: string[];
    attendance?: { tenantId: string; attended: boolean }[];
    publish?: boolean;
  };
}) {
  const { session, tenant } = await convenerSession(ctx, input, 'forums.manage');
  if (!RECORDED.includes(session.status)) throw forumRule('minutes_before_held');
  const approved = await ctx.db
    .select({ id: forumRegistrations.id, tenantId: forumRegistrations.tenantId })
    .from(forumRegistrations)
    .where(
      and(eq(forumRegistrations.sessionId, session.id), eq(forumRegistrations.status, 'approved')),
    );
  const errors: RaisedFieldError[] = [];
  (input.attendance ?? []).forEach((a, i) => {
    if (!approved.some((r) => r.tenantId === a.tenantId))
      errors.push({
        location: `body.attendance.${i}.tenantId`,
        message: fieldMessage('forums.must_delegation_registered_approved_for_this'),
      });
  });
  if (errors.length) throw badRequest({ key: 'request.invalid' }, errors);
  const now = ctx.now();
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(forumSessions)
      .set({
        minutes: { summary: input.summary, decisions: input.decisions ?? [] },
        minutesRecordedAt: now,
        minutesPublishedAt: input.publish ? (session.minutesPublishedAt ?? now) : null,
        updatedAt: now,
      })
      .where(eq(forumSessions.id, session.id));
    for (const a of input.attendance ?? [])
      await tx
        .update(forumRegistrations)
        .set({ attended: a.attended, updatedAt: now })
        .where(
          and(
            eq(forumRegistrations.sessionId, session.id),
            eq(forumRegistrations.tenantId, a.tenantId),
          ),
        );
    await recordAudit(tx, ctx, {
      tenantId: tenant.id,
      action: 'forum.minutes_recorded',
      targetType: 'forum_session',
      targetId: session.id,
      diff: {
        decisions: { to: (input.decisions ?? []).length },
        attended: { to: (input.attendance ?? []).filter((a) => a.attended).length },
        published: { from: !!session.minutesPublishedAt, to: !!input.publish },
      },
    });
  });
  return getConvenerSession({ ctx, input });
}

/** A follow-up decided at a session: what, who is responsible, by when, and what it links to. */
export async function createFollowUp({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: {
    tenantId: string;
    forumId: string;
    sessionId: string;
    title: string;
    responsibleTenantId: string;
    dueDate: string;
    potentialId?: string;
    proposalId?: string;
    agreementId?: string;
  };
}) {
  const { session, tenant, actor } = await convenerSession(ctx, input, 'forums.manage');
  if (!RECORDED.includes(session.status)) throw forumRule('minutes_before_held');
  const errors: RaisedFieldError[] = [];
  const [registered] = await ctx.db
    .select({ id: forumRegistrations.id })
    .from(forumRegistrations)
    .where(
      and(
        eq(forumRegistrations.sessionId, session.id),
        eq(forumRegistrations.tenantId, input.responsibleTenantId),
        eq(forumRegistrations.status, 'approved'),
      ),
    );
  if (input.responsibleTenantId !== tenant.id && !registered)
    errors.push({
      location: 'body.responsibleTenantId',
      message: fieldMessage('forums.must_convener_delegation_registered_for_this'),
    });
  if (input.potentialId) {
    const [p] = await ctx.db
      .select({ id: potentials.id })
      .from(potentials)
      .where(and(eq(potentials.id, input.potentialId), eq(potentials.status, 'published')));
    if (!p)
      errors.push({
        location: 'body.potentialId',
        message: fieldMessage('forums.must_published_cooperation_potential'),
      });
  }
  if (input.proposalId) {
    const [p] = await ctx.db
      .select({ id: proposals.id })
      .from(proposals)
      .where(
        and(
          eq(proposals.id, input.proposalId),
          or(
            eq(proposals.partyA, input.responsibleTenantId),
            eq(proposals.partyB, input.responsibleTenantId),
          ),
        ),
      );
    if (!p)
      errors.push({
        location: 'body.proposalId',
        message: fieldMessage('forums.must_proposal_involving_responsible_party'),
      });
  }
  if (input.agreementId) {
    const [a] = await ctx.db
      .select({ id: agreementParties.agreementId })
      .from(agreementParties)
      .where(
        and(
          eq(agreementParties.agreementId, input.agreementId),
          eq(agreementParties.tenantId, input.responsibleTenantId),
        ),
      );
    if (!a)
      errors.push({
        location: 'body.agreementId',
        message: fieldMessage('forums.must_agreement_responsible_party_is_part'),
      });
  }
  if (errors.length) throw badRequest({ key: 'request.invalid' }, errors);
  const now = ctx.now();
  const id = newId('followUp', now.getTime());
  const [row] = await ctx.db.transaction(async (tx) => {
    const inserted = await tx
      .insert(forumFollowUps)
      .values({
        id,
        sessionId: session.id,
        title: input.title,
        responsibleTenantId: input.responsibleTenantId,
        dueDate: input.dueDate,
        potentialId: input.potentialId ?? null,
        proposalId: input.proposalId ?? null,
        agreementId: input.agreementId ?? null,
        createdBy: actor.user.id,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    for (const t of new Set([tenant.id, input.responsibleTenantId]))
      await recordAudit(tx, ctx, {
        tenantId: t,
        action: 'forum.follow_up_created',
        targetType: 'forum_follow_up',
        targetId: id,
        diff: {
          title: { to: input.title },
          responsibleTenantId: { to: input.responsibleTenantId },
          dueDate: { to: input.dueDate },
        },
      });
    await recordEvent(tx, ctx, {
      type: 'follow_up.assigned',
      tenantIds: [input.responsibleTenantId],
      objectId: id,
      payload: { title: input.title, session: session.title, dueDate: input.dueDate },
      dueAt: endOfDayWib(input.dueDate),
    });
    return inserted;
  });
  return followUpView(row!, today(ctx));
}

/** Follow-ups a tenant is responsible for, or convened; open ones past due are flagged. */
export async function listFollowUps({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { tenantId: string; overdue?: boolean };
}) {
  const { tenant } = await authorize(ctx, input.tenantId, 'forums.read');
  const rows = await ctx.db
    .select({ f: forumFollowUps })
    .from(forumFollowUps)
    .innerJoin(forumSessions, eq(forumSessions.id, forumFollowUps.sessionId))
    .where(
      or(eq(forumFollowUps.responsibleTenantId, tenant.id), eq(forumSessions.tenantId, tenant.id)),
    )
    .orderBy(asc(forumFollowUps.dueDate), asc(forumFollowUps.id))
    .limit(1000);
  const todayIso = today(ctx);
  const data = rows.map((r) => followUpView(r.f, todayIso));
  return { data: input.overdue ? data.filter((f) => f.overdue) : data };
}

/** The responsible tenant or the convener marks a follow-up done, dropped or open, or moves its date. */
export async function updateFollowUp({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: {
    tenantId: string;
    followUpId: string;
    status?: 'open' | 'done' | 'dropped';
    dueDate?: string;
  };
}) {
  const { tenant } = await authorize(ctx, input.tenantId, 'forums.register');
  requireUser(ctx);
  const followUp = await followUpOf(ctx, input.followUpId, tenant.id);
  if (!followUp) throw notFound({ key: 'forum.follow_up_not_found' });
  const row = { f: followUp.f };
  const now = ctx.now();
  const status = input.status ?? row.f.status;
  const [updated] = await ctx.db.transaction(async (tx) => {
    const out = await tx
      .update(forumFollowUps)
      .set({
        status,
        dueDate: input.dueDate ?? row.f.dueDate,
        doneAt: status === 'done' ? (row.f.doneAt ?? now) : null,
        updatedAt: now,
      })
      .where(eq(forumFollowUps.id, row.f.id))
      .returning();
    await recordAudit(tx, ctx, {
      tenantId: tenant.id,
      action: 'forum.follow_up_updated',
      targetType: 'forum_follow_up',
      targetId: row.f.id,
      diff: {
        ...(status !== row.f.status ? { status: { from: row.f.status, to: status } } : {}),
        ...(input.dueDate && input.dueDate !== row.f.dueDate
          ? { dueDate: { from: row.f.dueDate, to: input.dueDate } }
          : {}),
      },
    });
    if (status !== row.f.status && (status === 'done' || status === 'dropped'))
      await recordEvent(tx, ctx, {
        type: 'follow_up.completed',
        // the other side hears of it; the responsible tenant's own items close
        tenantIds: [followUp.convener, row.f.responsibleTenantId].filter((t) => t !== tenant.id),
        closeTenantIds: [row.f.responsibleTenantId],
        objectId: row.f.id,
        payload: { title: row.f.title, by: tenant.name, status },
      });
    return out;
  });
  return followUpView(updated!, today(ctx));
}

/** One follow-up, to the tenant responsible for it or its session's convener; else 404. */
export async function getFollowUp({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { tenantId: string; followUpId: string };
}) {
  const { tenant } = await authorize(ctx, input.tenantId, 'forums.read');
  const row = await followUpOf(ctx, input.followUpId, tenant.id);
  if (!row) throw notFound({ key: 'forum.follow_up_not_found' });
  return followUpView(row.f, today(ctx));
}

/** A follow-up the tenant may act on: it is responsible for it or convened its session; else null. */
export async function followUpOf(ctx: Ctx, followUpId: string, tenantId: string) {
  const [row] = await ctx.db
    .select({ f: forumFollowUps, convener: forumSessions.tenantId })
    .from(forumFollowUps)
    .innerJoin(forumSessions, eq(forumSessions.id, forumFollowUps.sessionId))
    .where(eq(forumFollowUps.id, followUpId));
  if (!row || (row.f.responsibleTenantId !== tenantId && row.convener !== tenantId)) return null;
  return row;
}

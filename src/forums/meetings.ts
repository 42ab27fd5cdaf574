import { and, asc, eq, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import {
  DEFAULT_MEETING_RULES,
  forumMeetings,
  forumRegistrations,
  forumSessions,
  type MeetingRules,
  potentials,
  tenants,
} from '../../db/schema';
import { pairScores } from '../candidates/matches';
import { recordEvent } from '../events/events';
import { authorize, requireActiveTenant, requireUser } from '../identity/access';
import { recordAudit } from '../platform/audit';
import type { Ctx } from '../platform/context';
import { badRequest, notFound } from '../platform/errors';
import { fieldMessage } from '../platform/field-messages';
import { newId } from '../platform/ids';
import { placeOf } from '../platform/offices';

import { type Slot, slotsOf } from '../scheduling/slots';
import { forumRule, inWords, type SessionRow } from './access';
import { instantOf, localOf, ZONES, type Zone } from './time';

/**
 * Bilateral meetings at a forum session: one registered delegation asks
 * another, which accepts or declines; unanswered requests expire. The
 * convener's rules set quotas and who may meet whom. Accepted meetings are
 * placed by the scheduler (src/scheduling) into a draft the convener can
 * adjust and then publishes; each delegation then sees its agenda, by email and
 * in its calendar feed. Each side marks a meeting held or no-show.
 */
export type MeetingRow = typeof forumMeetings.$inferSelect;
export const OPEN_SESSION: SessionRow['status'][] = [
  'published',
  'registration_open',
  'registration_closed',
];
const ACTIVE: MeetingRow['status'][] = ['requested', 'accepted'];

export const rulesOf = (s: SessionRow): MeetingRules => ({
  ...DEFAULT_MEETING_RULES,
  ...(s.meetingRules ?? {}),
});

/** The slots of the session's day plan, in the venue's zone; [] without a plan. */
export const sessionSlots = (s: SessionRow): Slot[] =>
  s.dayPlan ? slotsOf(s.dayPlan, (local) => instantOf(local, s.timeZone as Zone)) : [];

async function approvedRegistration(db: Ctx['db'] | Tx, sessionId: string, tenantId: string) {
  const [row] = await db
    .select()
    .from(forumRegistrations)
    .where(
      and(
        eq(forumRegistrations.sessionId, sessionId),
        eq(forumRegistrations.tenantId, tenantId),
        eq(forumRegistrations.status, 'approved'),
      ),
    );
  return row ?? null;
}

export async function sessionOr404(ctx: Ctx, sessionId: string) {
  const [session] = await ctx.db
    .select()
    .from(forumSessions)
    .where(eq(forumSessions.id, sessionId));
  if (!session) throw notFound({ key: 'forum.session_not_found' });
  return session;
}

function meetingView(
  m: MeetingRow,
  tenantId: string,
  names: Map<string, string>,
  session: Pick<SessionRow, 'timeZone'>,
) {
  const zone = session.timeZone as Zone;
  const mine = m.requesterTenantId === tenantId ? 'requester' : 'recipient';
  const other = mine === 'requester' ? m.recipientTenantId : m.requesterTenantId;
  return {
    id: m.id,
    sessionId: m.sessionId,
    role: mine as 'requester' | 'recipient',
    counterpart: { tenantId: other, name: names.get(other) ?? '' },
    potentialId: m.potentialId,
    message: m.message,
    status: m.status,
    mutual: m.mutual,
    score: m.score,
    declineReason: m.declineReason,
    expiresAt: m.expiresAt,
    slot: m.publishedSlotStart
      ? {
          start: m.publishedSlotStart,
          startLocal: localOf(m.publishedSlotStart, zone),
          zoneLabel: ZONES[zone],
          table: m.publishedTable,
        }
      : null,
    outcome: {
      requester: m.requesterOutcome,
      recipient: m.recipientOutcome,
    },
    createdAt: m.createdAt,
  };
}

export async function namesOf(db: Ctx['db'] | Tx, ids: string[]) {
  const rows = ids.length
    ? await db
        .select({ id: tenants.id, name: tenants.name })
        .from(tenants)
        .where(inArray(tenants.id, [...new Set(ids)]))
    : [];
  return new Map(rows.map((r) => [r.id, r.name]));
}

async function viewFor(ctx: Ctx, tenantId: string, id: string) {
  const [m] = await ctx.db.select().from(forumMeetings).where(eq(forumMeetings.id, id));
  const session = await sessionOr404(ctx, m!.sessionId);
  return meetingView(
    m!,
    tenantId,
    await namesOf(ctx.db, [m!.requesterTenantId, m!.recipientTenantId]),
    session,
  );
}

/**
 * A registered delegation asks another for a meeting. A request to a tenant
 * not registered (approved) at the session answers 404; the convener's
 * pairing rule 403 naming it; over the quota 409 naming it. When the other
 * side has already asked, the two requests become one accepted meeting.
 */
export async function requestMeeting({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: {
    tenantId: string;
    sessionId: string;
    withTenantId: string;
    potentialId?: string;
    message?: string;
  };
}) {
  const { tenant } = await authorize(ctx, input.tenantId, 'forums.register');
  const actor = requireUser(ctx);
  requireActiveTenant(tenant);
  const session = await sessionOr404(ctx, input.sessionId);
  const mine = await approvedRegistration(ctx.db, session.id, tenant.id);
  if (!mine) throw notFound({ key: 'forum.registration_not_found' });
  if (input.withTenantId === tenant.id)
    throw badRequest({ key: 'request.invalid' }, [
      {
        location: 'body.withTenantId',
        message: fieldMessage('forums.cannot_meet_itself'),
      },
    ]);
  const theirs = await approvedRegistration(ctx.db, session.id, input.withTenantId);
  if (!theirs) throw notFound({ key: 'forum.registration_not_found' });
  if (!OPEN_SESSION.includes(session.status))
    throw forumRule('session_state', inWords(session.status));
  const rules = rulesOf(session);
  if (rules.pairing === 'partners_with_regions') {
    const both = await ctx.db
      .select({ id: tenants.id, type: tenants.type })
      .from(tenants)
      .where(inArray(tenants.id, [tenant.id, input.withTenantId]));
    if (new Set(both.map((t) => t.type)).size !== 2)
      throw forumRule('pairing', undefined, 'FORBIDDEN');
  }
  if (input.potentialId) {
    const [p] = await ctx.db
      .select({ id: potentials.id })
      .from(potentials)
      .where(
        and(
          eq(potentials.id, input.potentialId),
          eq(potentials.status, 'published'),
          inArray(potentials.tenantId, [tenant.id, input.withTenantId]),
        ),
      );
    if (!p)
      throw badRequest({ key: 'request.invalid' }, [
        {
          location: 'body.potentialId',
          message: fieldMessage('forums.must_published_potential_either_side'),
        },
      ]);
  }
  const score = (await pairScores(ctx, tenant.id, [input.withTenantId])).get(input.withTenantId);
  const now = ctx.now();
  const { id, created } = await ctx.db.transaction(async (tx) => {
    // one request at a time per session: quotas and the merge stay true
    await tx.select().from(forumSessions).where(eq(forumSessions.id, session.id)).for('update');
    const between = await tx
      .select()
      .from(forumMeetings)
      .where(
        and(
          eq(forumMeetings.sessionId, session.id),
          inArray(forumMeetings.status, ACTIVE),
          or(
            and(
              eq(forumMeetings.requesterTenantId, tenant.id),
              eq(forumMeetings.recipientTenantId, input.withTenantId),
            ),
            and(
              eq(forumMeetings.requesterTenantId, input.withTenantId),
              eq(forumMeetings.recipientTenantId, tenant.id),
            ),
          ),
        ),
      );
    const theirRequest = between.find(
      (m) => m.requesterTenantId === input.withTenantId && m.status === 'requested',
    );
    if (theirRequest) {
      // both sides asked: one meeting, accepted, and it weighs more in the schedule
      await checkMeetingQuota(tx, session, [tenant.id, input.withTenantId], rules);
      await tx
        .update(forumMeetings)
        .set({ status: 'accepted', mutual: true, answeredAt: now, updatedAt: now })
        .where(eq(forumMeetings.id, theirRequest.id));
      for (const t of [tenant.id, input.withTenantId])
        await recordAudit(tx, ctx, {
          tenantId: t,
          action: 'forum.meeting_merged',
          targetType: 'forum_meeting',
          targetId: theirRequest.id,
          diff: { status: { from: 'requested', to: 'accepted' }, mutual: { to: true } },
        });
      return { id: theirRequest.id, created: false };
    }
    if (between.length) throw forumRule('meeting_exists');
    const [open] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(forumMeetings)
      .where(
        and(
          eq(forumMeetings.sessionId, session.id),
          eq(forumMeetings.requesterTenantId, tenant.id),
          inArray(forumMeetings.status, ACTIVE),
        ),
      );
    if (Number(open?.n ?? 0) >= rules.maxRequests)
      throw forumRule('quota', {
        id: `paling banyak ${rules.maxRequests} permintaan pertemuan bilateral per delegasi`,
        en: `at most ${rules.maxRequests} meeting requests per delegation`,
      });
    const meetingId = newId('meeting', now.getTime());
    await tx.insert(forumMeetings).values({
      id: meetingId,
      sessionId: session.id,
      requesterTenantId: tenant.id,
      recipientTenantId: input.withTenantId,
      potentialId: input.potentialId ?? null,
      message: input.message ?? '',
      score: Math.round((score?.score ?? 0) * 10),
      expiresAt: new Date(now.getTime() + rules.requestExpiryHours * 3600_000),
      createdBy: actor.user.id,
      createdAt: now,
      updatedAt: now,
    });
    for (const [t, action] of [
      [tenant.id, 'forum.meeting_requested'],
      [input.withTenantId, 'forum.meeting_received'],
    ] as const)
      await recordAudit(tx, ctx, {
        tenantId: t,
        action,
        targetType: 'forum_meeting',
        targetId: meetingId,
        diff: { sessionId: { to: session.id } },
      });
    // the requested delegation must answer before the request expires
    await recordEvent(tx, ctx, {
      type: 'meeting.requested',
      tenantIds: [input.withTenantId],
      objectId: meetingId,
      payload: { from: placeOf(tenant), session: session.title },
      dueAt: new Date(now.getTime() + rules.requestExpiryHours * 3600_000),
    });
    return { id: meetingId, created: true };
  });
  /** `created` false: the other side had asked too, and its request became the meeting. */
  return { meeting: await viewFor(ctx, tenant.id, id), created };
}

async function checkMeetingQuota(
  tx: Tx,
  session: SessionRow,
  tenantIds: string[],
  rules: MeetingRules,
) {
  for (const t of tenantIds) {
    const [row] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(forumMeetings)
      .where(
        and(
          eq(forumMeetings.sessionId, session.id),
          eq(forumMeetings.status, 'accepted'),
          or(eq(forumMeetings.requesterTenantId, t), eq(forumMeetings.recipientTenantId, t)),
        ),
      );
    if (Number(row?.n ?? 0) >= rules.maxMeetings)
      throw forumRule('quota', {
        id: `paling banyak ${rules.maxMeetings} pertemuan bilateral per delegasi`,
        en: `at most ${rules.maxMeetings} meetings per delegation`,
      });
  }
}

async function meetingOfSide(ctx: Ctx, tenantId: string, meetingId: string) {
  const [m] = await ctx.db
    .select()
    .from(forumMeetings)
    .where(
      and(
        eq(forumMeetings.id, meetingId),
        or(
          eq(forumMeetings.requesterTenantId, tenantId),
          eq(forumMeetings.recipientTenantId, tenantId),
        ),
      ),
    );
  if (!m) throw notFound({ key: 'forum.meeting_not_found' });
  return m;
}

/** The asked side accepts (within quota) or declines with a reason; an expired request cannot be answered. */
export async function answerMeeting({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { tenantId: string; meetingId: string; decision: 'accept' | 'decline'; reason?: string };
}) {
  const { tenant } = await authorize(ctx, input.tenantId, 'forums.register');
  requireUser(ctx);
  const m = await meetingOfSide(ctx, tenant.id, input.meetingId);
  if (m.recipientTenantId !== tenant.id) throw forumRule('not_recipient');
  if (input.decision === 'decline' && !input.reason?.trim())
    throw badRequest({ key: 'request.invalid' }, [
      {
        location: 'body.reason',
        message: fieldMessage('forums.reason_is_needed_decline'),
      },
    ]);
  const now = ctx.now();
  if (m.status !== 'requested' || m.expiresAt <= now)
    throw forumRule('meeting_state', inWords(m.expiresAt <= now ? 'expired' : m.status));
  const session = await sessionOr404(ctx, m.sessionId);
  await ctx.db.transaction(async (tx) => {
    await tx.select().from(forumSessions).where(eq(forumSessions.id, session.id)).for('update');
    if (input.decision === 'accept')
      await checkMeetingQuota(
        tx,
        session,
        [m.requesterTenantId, m.recipientTenantId],
        rulesOf(session),
      );
    const status = input.decision === 'accept' ? 'accepted' : 'declined';
    const [updated] = await tx
      .update(forumMeetings)
      .set({
        status,
        declineReason: input.reason?.trim() || null,
        answeredAt: now,
        updatedAt: now,
      })
      .where(and(eq(forumMeetings.id, m.id), eq(forumMeetings.status, 'requested')))
      .returning();
    if (!updated) throw forumRule('meeting_state', inWords(m.status));
    for (const t of [m.requesterTenantId, m.recipientTenantId])
      await recordAudit(tx, ctx, {
        tenantId: t,
        action: `forum.meeting_${status}`,
        targetType: 'forum_meeting',
        targetId: m.id,
        diff: { status: { from: 'requested', to: status } },
      });
    await recordEvent(tx, ctx, {
      type: 'meeting.answered',
      tenantIds: [m.requesterTenantId],
      closeTenantIds: [tenant.id],
      objectId: m.id,
      payload: { by: placeOf(tenant), session: session.title, decision: status },
    });
  });
  return viewFor(ctx, tenant.id, m.id);
}

/** Either side withdraws a request or an accepted meeting; its slot frees up at the next schedule. */
export async function cancelMeeting({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { tenantId: string; meetingId: string };
}) {
  const { tenant } = await authorize(ctx, input.tenantId, 'forums.register');
  requireUser(ctx);
  const m = await meetingOfSide(ctx, tenant.id, input.meetingId);
  await ctx.db.transaction(async (tx) => {
    const [session] = await tx
      .select({ id: forumSessions.id, title: forumSessions.title })
      .from(forumSessions)
      .where(eq(forumSessions.id, m.sessionId));
    const n = await cancelMeetings(tx, ctx, session!, tenant, eq(forumMeetings.id, m.id), false);
    if (n === 0) throw forumRule('meeting_state', inWords(m.status));
  });
  return viewFor(ctx, tenant.id, m.id);
}

/**
 * A delegation that withdraws from a session (its registration cancelled or
 * declined) takes its meetings there with it: each active one is cancelled,
 * the other side told, and both sides' open items on it closed.
 */
export async function cancelMeetingsOf(
  tx: Tx,
  ctx: Ctx,
  session: { id: string; title: string },
  tenant: { id: string; type: string; name: string; regionCode: string | null },
) {
  return cancelMeetings(
    tx,
    ctx,
    session,
    tenant,
    or(
      eq(forumMeetings.requesterTenantId, tenant.id),
      eq(forumMeetings.recipientTenantId, tenant.id),
    )!,
    true,
  );
}

/**
 * Cancels the session's active meetings that `which` selects, by `by`'s act:
 * each audited on both sides, the other side told, both sides' open items on
 * it closed. Returns how many were cancelled.
 */
async function cancelMeetings(
  tx: Tx,
  ctx: Ctx,
  session: { id: string; title: string },
  by: { id: string; type: string; name: string; regionCode: string | null },
  which: SQL,
  withdrawn: boolean,
) {
  const cancelled = await tx
    .update(forumMeetings)
    .set({
      status: 'cancelled',
      slotStart: null,
      tableNo: null,
      locked: false,
      updatedAt: ctx.now(),
    })
    .where(
      and(eq(forumMeetings.sessionId, session.id), which, inArray(forumMeetings.status, ACTIVE)),
    )
    .returning();
  for (const m of cancelled) {
    for (const t of [m.requesterTenantId, m.recipientTenantId])
      await recordAudit(tx, ctx, {
        tenantId: t,
        action: 'forum.meeting_cancelled',
        targetType: 'forum_meeting',
        targetId: m.id,
        diff: {
          status: { to: 'cancelled' },
          ...(withdrawn ? { reason: { to: 'registration_withdrawn' } } : {}),
        },
      });
    await recordEvent(tx, ctx, {
      type: 'meeting.cancelled',
      tenantIds: [m.requesterTenantId, m.recipientTenantId].filter((t) => t !== by.id),
      closeTenantIds: [m.requesterTenantId, m.recipientTenantId],
      objectId: m.id,
      payload: { by: placeOf(by), session: session.title, withdrawn },
    });
  }
  return cancelled.length;
}

/** During or after the session, each side marks the meeting held or no-show. */
export async function markMeeting({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { tenantId: string; meetingId: string; outcome: 'held' | 'no_show' };
}) {
  const { tenant } = await authorize(ctx, input.tenantId, 'forums.register');
  requireUser(ctx);
  const m = await meetingOfSide(ctx, tenant.id, input.meetingId);
  if (m.status !== 'accepted') throw forumRule('meeting_state', inWords(m.status));
  const session = await sessionOr404(ctx, m.sessionId);
  if (ctx.now() < (m.publishedSlotStart ?? session.startsAt)) throw forumRule('before_meeting');
  const side = m.requesterTenantId === tenant.id ? 'requesterOutcome' : 'recipientOutcome';
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(forumMeetings)
      .set({ [side]: input.outcome, updatedAt: ctx.now() })
      .where(eq(forumMeetings.id, m.id));
    await recordAudit(tx, ctx, {
      tenantId: tenant.id,
      action: 'forum.meeting_outcome',
      targetType: 'forum_meeting',
      targetId: m.id,
      diff: { [side]: { from: m[side], to: input.outcome } },
    });
  });
  return viewFor(ctx, tenant.id, m.id);
}

/** A delegation's meetings at a session (or all), with the published slot and table. */
export async function listMeetings({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { tenantId: string; sessionId?: string };
}) {
  const { tenant } = await authorize(ctx, input.tenantId, 'forums.read');
  const rows = await ctx.db
    .select({ m: forumMeetings, timeZone: forumSessions.timeZone })
    .from(forumMeetings)
    .innerJoin(forumSessions, eq(forumSessions.id, forumMeetings.sessionId))
    .where(
      and(
        or(
          eq(forumMeetings.requesterTenantId, tenant.id),
          eq(forumMeetings.recipientTenantId, tenant.id),
        ),
        input.sessionId ? eq(forumMeetings.sessionId, input.sessionId) : undefined,
      ),
    )
    .orderBy(asc(forumMeetings.publishedSlotStart), asc(forumMeetings.id))
    .limit(1000);
  const names = await namesOf(
    ctx.db,
    rows.flatMap((r) => [r.m.requesterTenantId, r.m.recipientTenantId]),
  );
  const now = ctx.now();
  return {
    data: rows.map((r) =>
      asOf(meetingView(r.m, tenant.id, names, { timeZone: r.timeZone }), r.m, now),
    ),
  };
}

/** A request past its expiry reads as expired even before the job marks it. */
function asOf(view: ReturnType<typeof meetingView>, m: MeetingRow, now: Date) {
  return m.status === 'requested' && m.expiresAt <= now
    ? { ...view, status: 'expired' as const }
    : view;
}

/** One meeting, to either side; else 404. */
export async function getMeeting({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { tenantId: string; meetingId: string };
}) {
  const { tenant } = await authorize(ctx, input.tenantId, 'forums.read');
  const m = await meetingOfSide(ctx, tenant.id, input.meetingId);
  return asOf(await viewFor(ctx, tenant.id, m.id), m, ctx.now());
}

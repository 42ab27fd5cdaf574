import { and, asc, eq, inArray, lt, or, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import {
  DEFAULT_MEETING_RULES,
  forumDelegates,
  forumMeetings,
  forumRegistrations,
  forumSessions,
  potentials,
  tenants,
  type MeetingRules,
} from '../../db/schema';
import { enqueueEmail } from '../email/outbox';
import { authorize, requireActiveTenant, requireUser } from '../identity/access';
import { pairScores } from '../matches/matches';
import { recordAudit } from '../platform/audit';
import type { Ctx } from '../platform/context';
import { badRequest, notFound, type RaisedFieldError } from '../platform/errors';
import { newId } from '../platform/ids';
import type { Lang } from '../platform/i18n';
import { schedule, type SchedulingInput } from '../scheduling/scheduler';
import { slotsOf, type Slot } from '../scheduling/slots';
import { adminsOf } from '../identity/members';
import { convenerSession, forumRule, inWords, ownRegistration, type SessionRow } from './access';
import { instantOf, localOf, spoken, ZONES, type Zone } from './time';

/**
 * Bilateral meetings at a forum session: one registered delegation asks
 * another, which accepts or declines; unanswered requests expire. The
 * convener's rules set quotas and who may meet whom. Accepted meetings are
 * placed by the scheduler (src/scheduling) into a draft the convener can
 * adjust and then publishes; each delegation then sees its agenda, by email and
 * in its calendar feed. Each side marks a meeting held or no-show.
 */
type MeetingRow = typeof forumMeetings.$inferSelect;
const OPEN_SESSION: SessionRow['status'][] = [
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

async function sessionOr404(ctx: Ctx, sessionId: string) {
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
export type MeetingView = ReturnType<typeof meetingView>;

async function namesOf(db: Ctx['db'] | Tx, ids: string[]) {
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
        message: {
          id: 'tidak dapat meminta pertemuan dengan diri sendiri',
          en: 'cannot meet itself',
        },
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
          message: {
            id: 'harus potensi yang dipublikasikan milik salah satu pihak',
            en: 'must be a published potential of either side',
          },
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
        id: `maxRequests: ${rules.maxRequests} permintaan per delegasi`,
        en: `maxRequests: ${rules.maxRequests} requests per delegation`,
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
        id: `maxMeetings: ${rules.maxMeetings} pertemuan per delegasi`,
        en: `maxMeetings: ${rules.maxMeetings} meetings per delegation`,
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
        message: { id: 'alasan penolakan wajib diisi', en: 'a reason is needed to decline' },
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
    const [updated] = await tx
      .update(forumMeetings)
      .set({
        status: 'cancelled',
        slotStart: null,
        tableNo: null,
        locked: false,
        updatedAt: ctx.now(),
      })
      .where(and(eq(forumMeetings.id, m.id), inArray(forumMeetings.status, ACTIVE)))
      .returning();
    if (!updated) throw forumRule('meeting_state', inWords(m.status));
    for (const t of [m.requesterTenantId, m.recipientTenantId])
      await recordAudit(tx, ctx, {
        tenantId: t,
        action: 'forum.meeting_cancelled',
        targetType: 'forum_meeting',
        targetId: m.id,
        diff: { status: { from: m.status, to: 'cancelled' } },
      });
  });
  return viewFor(ctx, tenant.id, m.id);
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
    data: rows.map((r) => {
      const view = meetingView(r.m, tenant.id, names, { timeZone: r.timeZone });
      // a request past its expiry reads as expired even before the job marks it
      return r.m.status === 'requested' && r.m.expiresAt <= now
        ? { ...view, status: 'expired' as const }
        : view;
    }),
  };
}

/** Who a delegation should meet here, and why: the other approved delegations by matching score. */
export async function meetingSuggestions({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { tenantId: string; registrationId: string; limit: number };
}) {
  const { tenant, registration: reg } = await ownRegistration(ctx, input, 'forums.read');
  const [others, asked] = await Promise.all([
    ctx.db
      .select({ tenantId: forumRegistrations.tenantId, name: tenants.name, type: tenants.type })
      .from(forumRegistrations)
      .innerJoin(tenants, eq(tenants.id, forumRegistrations.tenantId))
      .where(
        and(
          eq(forumRegistrations.sessionId, reg.sessionId),
          eq(forumRegistrations.status, 'approved'),
        ),
      ),
    ctx.db
      .select({ a: forumMeetings.requesterTenantId, b: forumMeetings.recipientTenantId })
      .from(forumMeetings)
      .where(
        and(
          eq(forumMeetings.sessionId, reg.sessionId),
          or(
            eq(forumMeetings.requesterTenantId, tenant.id),
            eq(forumMeetings.recipientTenantId, tenant.id),
          ),
          inArray(forumMeetings.status, ['requested', 'accepted', 'declined']),
        ),
      ),
  ]);
  const excluded = new Set([tenant.id, ...asked.flatMap((x) => [x.a, x.b])]);
  const candidates = others.filter((o) => !excluded.has(o.tenantId));
  const scores = await pairScores(
    ctx,
    tenant.id,
    candidates.map((c) => c.tenantId),
  );
  const data = candidates
    .map((c) => ({
      tenantId: c.tenantId,
      name: c.name,
      type: c.type,
      score: scores.get(c.tenantId)?.score ?? 0,
      reasons: scores.get(c.tenantId)?.reasons ?? [],
    }))
    .sort((x, y) => y.score - x.score || (x.name < y.name ? -1 : 1))
    .slice(0, input.limit);
  return { data };
}

/** A delegation marks the slots it cannot attend, and how many meetings it can hold at once. */
export async function setAvailability({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { tenantId: string; registrationId: string; unavailable: string[]; parallel?: number };
}) {
  const { tenant, registration: reg } = await ownRegistration(ctx, input, 'forums.register');
  requireUser(ctx);
  const session = await sessionOr404(ctx, reg.sessionId);
  const slots = sessionSlots(session);
  const byLocal = new Map(slots.map((s) => [s.local, s]));
  const errors: RaisedFieldError[] = [];
  const unavailable: Date[] = [];
  input.unavailable.forEach((local, i) => {
    const slot = byLocal.get(local);
    if (!slot)
      errors.push({
        location: `body.unavailable.${i}`,
        message: {
          id: 'harus awal salah satu slot pertemuan pada rencana hari (lihat dayPlan)',
          en: 'must be the start of one of the day plan’s meeting slots (see dayPlan)',
        },
      });
    else unavailable.push(slot.start);
  });
  const [people] = await ctx.db
    .select({ n: sql<number>`count(*)::int` })
    .from(forumDelegates)
    .where(eq(forumDelegates.registrationId, reg.id));
  const parallel = input.parallel ?? reg.parallel;
  if (parallel > Math.max(1, Number(people?.n ?? 1)))
    errors.push({
      location: 'body.parallel',
      message: {
        id: 'paling banyak sejumlah anggota delegasi',
        en: 'at most the number of people in the delegation',
      },
    });
  if (errors.length) throw badRequest({ key: 'request.invalid' }, errors);
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(forumRegistrations)
      .set({ unavailable, parallel, updatedAt: ctx.now() })
      .where(eq(forumRegistrations.id, reg.id));
    await recordAudit(tx, ctx, {
      tenantId: tenant.id,
      action: 'forum.availability_set',
      targetType: 'forum_registration',
      targetId: reg.id,
      diff: {
        unavailable: { to: input.unavailable },
        parallel: { from: reg.parallel, to: parallel },
      },
    });
  });
  return {
    registrationId: reg.id,
    parallel,
    unavailable: unavailable.map((d) => localOf(d, session.timeZone as Zone)),
    slots: slots.map((s) => s.local),
  };
}

/** The schedule as the convener sees it: every accepted meeting, its draft slot and table, the last run. */
async function scheduleView(ctx: Ctx, session: SessionRow) {
  const zone = session.timeZone as Zone;
  const slots = sessionSlots(session);
  const rows = await ctx.db
    .select()
    .from(forumMeetings)
    .where(and(eq(forumMeetings.sessionId, session.id), eq(forumMeetings.status, 'accepted')))
    .orderBy(asc(forumMeetings.slotStart), asc(forumMeetings.tableNo), asc(forumMeetings.id));
  const names = await namesOf(
    ctx.db,
    rows.flatMap((r) => [r.requesterTenantId, r.recipientTenantId]),
  );
  return {
    sessionId: session.id,
    status: session.scheduleStatus as 'none' | 'draft' | 'published',
    publishedAt: session.schedulePublishedAt,
    zoneLabel: ZONES[zone],
    slots: slots.map((s) => s.local),
    tables: session.dayPlan?.tables ?? 0,
    lastRun: session.scheduleRun,
    meetings: rows.map((m) => ({
      id: m.id,
      a: { tenantId: m.requesterTenantId, name: names.get(m.requesterTenantId) ?? '' },
      b: { tenantId: m.recipientTenantId, name: names.get(m.recipientTenantId) ?? '' },
      mutual: m.mutual,
      score: m.score,
      slotLocal: m.slotStart ? localOf(m.slotStart, zone) : null,
      table: m.tableNo,
      locked: m.locked,
      publishedSlotLocal: m.publishedSlotStart ? localOf(m.publishedSlotStart, zone) : null,
      publishedTable: m.publishedTable,
      outcome: { a: m.requesterOutcome, b: m.recipientOutcome },
    })),
  };
}

export async function getSchedule({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { tenantId: string; forumId: string; sessionId: string };
}) {
  const { session } = await convenerSession(ctx, input, 'forums.read');
  return scheduleView(ctx, session);
}

/** What the scheduler is given: slots, tables, delegations, accepted meetings (locked and earlier places kept). */
export async function schedulingInput(ctx: Ctx, session: SessionRow) {
  const slots = sessionSlots(session);
  const slotIndex = new Map(slots.map((s) => [s.start.getTime(), s.index]));
  const [regs, meetings] = await Promise.all([
    ctx.db
      .select({
        tenantId: forumRegistrations.tenantId,
        parallel: forumRegistrations.parallel,
        unavailable: forumRegistrations.unavailable,
      })
      .from(forumRegistrations)
      .where(
        and(
          eq(forumRegistrations.sessionId, session.id),
          eq(forumRegistrations.status, 'approved'),
        ),
      ),
    ctx.db
      .select()
      .from(forumMeetings)
      .where(and(eq(forumMeetings.sessionId, session.id), eq(forumMeetings.status, 'accepted'))),
  ]);
  const place = (start: Date | null, table: number | null) => {
    const slot = start ? slotIndex.get(start.getTime()) : undefined;
    return slot !== undefined && table ? { slot, table } : null;
  };
  const input: SchedulingInput = {
    slots: slots.map((s) => ({ day: s.day })),
    tables: Array.from({ length: session.dayPlan?.tables ?? 0 }, (_, i) => i + 1),
    delegations: regs.map((r) => ({
      id: r.tenantId,
      parallel: r.parallel,
      unavailable: r.unavailable.flatMap((d) => {
        const i = slotIndex.get(d.getTime());
        return i === undefined ? [] : [i];
      }),
    })),
    meetings: meetings.map((m) => ({
      id: m.id,
      a: m.requesterTenantId,
      b: m.recipientTenantId,
      priority: (m.mutual ? 1000 : 0) + m.score,
      locked: m.locked ? place(m.slotStart, m.tableNo) : null,
      previous: session.scheduleStatus === 'none' ? null : place(m.slotStart, m.tableNo),
    })),
  };
  return { input, slots, meetings };
}

/**
 * The convener runs the scheduler: accepted meetings get a slot and a table
 * in the draft (locked ones stay; earlier places are kept where still
 * allowed). Meetings it cannot place are returned with the reason.
 */
export async function runSchedule({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { tenantId: string; forumId: string; sessionId: string };
}) {
  const { session, tenant } = await convenerSession(ctx, input, 'forums.manage');
  if (!session.dayPlan) throw forumRule('no_day_plan');
  if (!OPEN_SESSION.includes(session.status))
    throw forumRule('session_state', inWords(session.status));
  const { input: problem, slots, meetings } = await schedulingInput(ctx, session);
  const result = schedule({ ...problem, seed: 20_26 });
  const placedById = new Map(result.placed.map((p) => [p.id, p]));
  const run = {
    ranAt: ctx.now().toISOString(),
    accepted: meetings.length,
    placed: result.placed.length,
    breaks: result.breaks,
    moved: result.moved,
    unplaced: result.unplaced,
  };
  await ctx.db.transaction(async (tx) => {
    // one statement for the whole draft: every accepted meeting's slot and table
    const values = meetings.map((m) => {
      const p = placedById.get(m.id);
      return sql`(${m.id}, ${p ? slots[p.slot]!.start.toISOString() : null}::timestamptz, ${p ? p.table : null}::int)`;
    });
    if (values.length)
      await tx.execute(sql`
        update ${forumMeetings} set slot_start = v.slot, table_no = v.tbl, updated_at = now()
        from (values ${sql.join(values, sql`, `)}) as v(id, slot, tbl)
        where ${forumMeetings.id} = v.id`);
    await tx
      .update(forumSessions)
      .set({ scheduleStatus: 'draft', scheduleRun: run, updatedAt: ctx.now() })
      .where(eq(forumSessions.id, session.id));
    await recordAudit(tx, ctx, {
      tenantId: tenant.id,
      action: 'forum.schedule_run',
      targetType: 'forum_session',
      targetId: session.id,
      diff: { placed: { to: run.placed }, unplaced: { to: run.unplaced.length } },
    });
  });
  return scheduleView(ctx, await sessionOr404(ctx, session.id));
}

/**
 * The convener moves, locks or unschedules one meeting. A move is checked:
 * the slot must be in the plan, both sides available and free, the table free
 * (409 naming the clash).
 */
export async function adjustMeeting({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: {
    tenantId: string;
    forumId: string;
    sessionId: string;
    meetingId: string;
    slot?: string | null;
    table?: number;
    locked?: boolean;
  };
}) {
  const { session, tenant } = await convenerSession(ctx, input, 'forums.manage');
  const [m] = await ctx.db
    .select()
    .from(forumMeetings)
    .where(and(eq(forumMeetings.id, input.meetingId), eq(forumMeetings.sessionId, session.id)));
  if (!m) throw notFound({ key: 'forum.meeting_not_found' });
  if (m.status !== 'accepted') throw forumRule('meeting_state', inWords(m.status));
  const slots = sessionSlots(session);
  let slotStart = m.slotStart;
  let tableNo = m.tableNo;
  if (input.slot === null) {
    slotStart = null;
    tableNo = null;
  } else if (input.slot !== undefined || input.table !== undefined) {
    const slot =
      input.slot !== undefined
        ? slots.find((s) => s.local === input.slot)
        : slots.find((s) => s.start.getTime() === m.slotStart?.getTime());
    if (!slot)
      throw badRequest({ key: 'request.invalid' }, [
        {
          location: 'body.slot',
          message: {
            id: 'harus awal salah satu slot pada rencana hari',
            en: 'must be the start of one of the day plan’s slots',
          },
        },
      ]);
    const table = input.table ?? m.tableNo ?? 1;
    if (table < 1 || table > (session.dayPlan?.tables ?? 0))
      throw badRequest({ key: 'request.invalid' }, [
        {
          location: 'body.table',
          message: { id: 'nomor meja tidak ada', en: 'no such table' },
        },
      ]);
    const [regs, here] = await Promise.all([
      ctx.db
        .select()
        .from(forumRegistrations)
        .where(
          and(
            eq(forumRegistrations.sessionId, session.id),
            inArray(forumRegistrations.tenantId, [m.requesterTenantId, m.recipientTenantId]),
          ),
        ),
      ctx.db
        .select()
        .from(forumMeetings)
        .where(
          and(
            eq(forumMeetings.sessionId, session.id),
            eq(forumMeetings.status, 'accepted'),
            eq(forumMeetings.slotStart, slot.start),
          ),
        ),
    ]);
    const names = await namesOf(ctx.db, [m.requesterTenantId, m.recipientTenantId]);
    for (const r of regs) {
      const who = names.get(r.tenantId) ?? r.tenantId;
      if (r.unavailable.some((d) => d.getTime() === slot.start.getTime()))
        throw forumRule('clash', {
          id: `${who} tidak dapat hadir pada ${slot.local}`,
          en: `${who} cannot attend at ${slot.local}`,
        });
      const busy = here.filter(
        (x) =>
          x.id !== m.id &&
          (x.requesterTenantId === r.tenantId || x.recipientTenantId === r.tenantId),
      ).length;
      if (busy >= r.parallel)
        throw forumRule('clash', {
          id: `${who} sudah ada pertemuan pada ${slot.local}`,
          en: `${who} already has a meeting at ${slot.local}`,
        });
    }
    if (here.some((x) => x.id !== m.id && x.tableNo === table))
      throw forumRule('clash', {
        id: `meja ${table} sudah terpakai pada ${slot.local}`,
        en: `table ${table} is taken at ${slot.local}`,
      });
    slotStart = slot.start;
    tableNo = table;
  }
  const locked = slotStart ? (input.locked ?? m.locked) : false;
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(forumMeetings)
      .set({ slotStart, tableNo, locked, updatedAt: ctx.now() })
      .where(eq(forumMeetings.id, m.id));
    if (session.scheduleStatus === 'none')
      await tx
        .update(forumSessions)
        .set({ scheduleStatus: 'draft' })
        .where(eq(forumSessions.id, session.id));
    await recordAudit(tx, ctx, {
      tenantId: tenant.id,
      action: 'forum.meeting_adjusted',
      targetType: 'forum_meeting',
      targetId: m.id,
      diff: {
        slot: { from: m.slotStart?.toISOString() ?? null, to: slotStart?.toISOString() ?? null },
        table: { from: m.tableNo, to: tableNo },
        locked: { from: m.locked, to: locked },
      },
    });
  });
  return scheduleView(ctx, await sessionOr404(ctx, session.id));
}

/**
 * Publishing shows the draft to the delegations: each one whose meetings
 * changed (all of them, the first time) gets its agenda by email; the
 * calendar events of changed meetings get a higher SEQUENCE.
 */
export async function publishSchedule({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { tenantId: string; forumId: string; sessionId: string };
}) {
  const { session, tenant } = await convenerSession(ctx, input, 'forums.manage');
  if (session.scheduleStatus === 'none') throw forumRule('no_schedule');
  const rows = await ctx.db
    .select()
    .from(forumMeetings)
    .where(eq(forumMeetings.sessionId, session.id));
  const same = (a: Date | null, b: Date | null) =>
    (a?.getTime() ?? null) === (b?.getTime() ?? null);
  const visible = (m: MeetingRow) => (m.status === 'accepted' ? m.slotStart : null);
  const changed = rows.filter(
    (m) =>
      !same(visible(m), m.publishedSlotStart) || (visible(m) && m.tableNo !== m.publishedTable),
  );
  const affected = [...new Set(changed.flatMap((m) => [m.requesterTenantId, m.recipientTenantId]))];
  await ctx.db.transaction(async (tx) => {
    for (const m of changed)
      await tx
        .update(forumMeetings)
        .set({
          publishedSlotStart: visible(m),
          publishedTable: visible(m) ? m.tableNo : null,
          sequence: m.sequence + 1,
          updatedAt: ctx.now(),
        })
        .where(eq(forumMeetings.id, m.id));
    await tx
      .update(forumSessions)
      .set({ scheduleStatus: 'published', schedulePublishedAt: ctx.now(), updatedAt: ctx.now() })
      .where(eq(forumSessions.id, session.id));
    await sendAgendas(tx, ctx, session, affected);
    await recordAudit(tx, ctx, {
      tenantId: tenant.id,
      action: 'forum.schedule_published',
      targetType: 'forum_session',
      targetId: session.id,
      diff: { changed: { to: changed.length }, notified: { to: affected.length } },
    });
  });
  return { changed: changed.length, notifiedTenants: affected };
}

/** Each affected delegation's admins get its agenda: time, table, counterpart, in local time. */
async function sendAgendas(tx: Tx, ctx: Ctx, session: SessionRow, tenantIds: string[]) {
  if (tenantIds.length === 0) return;
  const zone = session.timeZone as Zone;
  const rows = await tx
    .select()
    .from(forumMeetings)
    .where(
      and(
        eq(forumMeetings.sessionId, session.id),
        eq(forumMeetings.status, 'accepted'),
        or(
          inArray(forumMeetings.requesterTenantId, tenantIds),
          inArray(forumMeetings.recipientTenantId, tenantIds),
        ),
      ),
    )
    .orderBy(asc(forumMeetings.publishedSlotStart));
  const names = await namesOf(tx, [
    ...tenantIds,
    ...rows.flatMap((r) => [r.requesterTenantId, r.recipientTenantId]),
  ]);
  for (const a of await adminsOf(tx, tenantIds)) {
    const lang: Lang = a.locale === 'en' ? 'en' : 'id';
    const items = rows
      .filter(
        (m) =>
          m.publishedSlotStart &&
          (m.requesterTenantId === a.tenantId || m.recipientTenantId === a.tenantId),
      )
      .map((m) => ({
        when: spoken(m.publishedSlotStart!, zone, lang),
        table: m.publishedTable ?? 0,
        with:
          names.get(
            m.requesterTenantId === a.tenantId ? m.recipientTenantId : m.requesterTenantId,
          ) ?? '',
      }));
    await enqueueEmail(tx, ctx, a.email, lang, 'forum_agenda', {
      name: a.name,
      tenant: names.get(a.tenantId) ?? '',
      session: session.title,
      items,
      url: `${ctx.config.APP_ORIGIN}/v1/tenants/${a.tenantId}/forum-meetings?sessionId=${session.id}`,
    });
  }
}

/** Requests left unanswered past their expiry become expired (the hourly job). */
export async function expireMeetingRequests({ ctx }: { ctx: Ctx }) {
  const rows = await ctx.db
    .update(forumMeetings)
    .set({ status: 'expired', updatedAt: ctx.now() })
    .where(and(eq(forumMeetings.status, 'requested'), lt(forumMeetings.expiresAt, ctx.now())))
    .returning({ id: forumMeetings.id });
  return { meetingRequestsExpired: rows.length };
}

/** Published meetings of a tenant, for its calendar feed. */
export async function publishedMeetingsOf(db: Ctx['db'], tenantId: string) {
  return db
    .select({ m: forumMeetings, session: forumSessions })
    .from(forumMeetings)
    .innerJoin(forumSessions, eq(forumSessions.id, forumMeetings.sessionId))
    .where(
      and(
        or(
          eq(forumMeetings.requesterTenantId, tenantId),
          eq(forumMeetings.recipientTenantId, tenantId),
        ),
        sql`${forumMeetings.publishedSlotStart} is not null`,
      ),
    );
}

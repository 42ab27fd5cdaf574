import { and, asc, eq, inArray, lt, or, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { forumMeetings, forumRegistrations, forumSessions, tenants } from '../../db/schema';
import { enqueueEmail } from '../email/outbox';
import { recordEvent } from '../events/events';
import { adminsOf } from '../identity/members';
import { recordAudit } from '../platform/audit';
import type { Ctx } from '../platform/context';
import { badRequest, notFound } from '../platform/errors';
import { fieldMessage } from '../platform/field-messages';
import type { Lang } from '../platform/i18n';
import { linkOf } from '../platform/links';
import { placeOf } from '../platform/offices';
import { type SchedulingInput, schedule } from '../scheduling/scheduler';
import { convenerSession, forumRule, inWords, type SessionRow } from './access';
import { type MeetingRow, namesOf, OPEN_SESSION, sessionOr404, sessionSlots } from './meetings';
import { localOf, spoken, ZONES, type Zone } from './time';

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
          message: fieldMessage('forums.must_be_a_slot'),
        },
      ]);
    const table = input.table ?? m.tableNo ?? 1;
    if (table < 1 || table > (session.dayPlan?.tables ?? 0))
      throw badRequest({ key: 'request.invalid' }, [
        {
          location: 'body.table',
          message: fieldMessage('forums.no_such_table'),
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
      url: linkOf(ctx.config, 'sessionMeetings', { tenantId: a.tenantId, sessionId: session.id }),
    });
  }
}

/** Requests left unanswered past their expiry become expired (the hourly job). */
export async function expireMeetingRequests({ ctx }: { ctx: Ctx }) {
  return ctx.db.transaction(async (tx) => {
    const rows = await tx
      .update(forumMeetings)
      .set({ status: 'expired', updatedAt: ctx.now() })
      .where(and(eq(forumMeetings.status, 'requested'), lt(forumMeetings.expiresAt, ctx.now())))
      .returning({
        id: forumMeetings.id,
        sessionId: forumMeetings.sessionId,
        requesterTenantId: forumMeetings.requesterTenantId,
        recipientTenantId: forumMeetings.recipientTenantId,
      });
    // nobody is asked any more: the requested side's item closes, the requester is told
    for (const r of rows) {
      const [names, [session]] = await Promise.all([
        tx
          .select({ type: tenants.type, name: tenants.name, regionCode: tenants.regionCode })
          .from(tenants)
          .where(eq(tenants.id, r.recipientTenantId)),
        tx
          .select({ title: forumSessions.title })
          .from(forumSessions)
          .where(eq(forumSessions.id, r.sessionId)),
      ]);
      await recordEvent(tx, ctx, {
        type: 'meeting.expired',
        tenantIds: [r.requesterTenantId],
        closeTenantIds: [r.recipientTenantId],
        objectId: r.id,
        payload: { with: names[0] ? placeOf(names[0]) : '', session: session?.title ?? '' },
      });
    }
    return { meetingRequestsExpired: rows.length };
  });
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

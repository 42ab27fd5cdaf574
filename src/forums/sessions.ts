import { and, asc, eq, gte, inArray, lt } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import {
  DEFAULT_MEETING_RULES,
  forumInvitations,
  forumRegistrations,
  forumSessions,
  forums,
} from '../../db/schema';
import { requireUser } from '../identity/access';
import { diffOf, recordAudit } from '../platform/audit';
import { type Ctx } from '../platform/context';
import { badRequest } from '../platform/errors';
import { fieldMessage } from '../platform/field-messages';
import { newId } from '../platform/ids';
import {
  convenerForum,
  convenerSession,
  forumRule,
  inWords,
  placesHeld,
  type SessionRow,
} from './access';
import { notifyInvited, notifyRegistration, notifySessionChange } from './notices';
import { resolveSession, type SessionFields } from './session-fields';
import { DAY, EDITABLE, presentSessions, SESSION_NEXT } from './session-views';
import { instantOf, type Zone } from './time';

/** An ad-hoc session in a forum, outside its recurrence. */
export async function createSession({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: SessionFields & { tenantId: string; forumId: string; start: string; end: string };
}) {
  const { forum, tenant } = await convenerForum(ctx, input, 'forums.manage');
  const actor = requireUser(ctx);
  const zone = input.timeZone ?? (forum.timeZone as Zone);
  const startGuess = instantOf(input.start, zone) ?? ctx.now();
  const resolved = await resolveSession(
    ctx,
    {
      startsAt: startGuess,
      endsAt: instantOf(input.end, zone) ?? startGuess,
      timeZone: zone,
      registrationOpensAt: new Date(startGuess.getTime() - forum.registrationOpensDays * DAY),
      registrationClosesAt: new Date(startGuess.getTime() - forum.registrationClosesDays * DAY),
    },
    { ...input, timeZone: undefined, start: undefined, end: undefined },
  );
  const now = ctx.now();
  const id = newId('forumSession', now.getTime());
  await ctx.db.transaction(async (tx) => {
    await tx.insert(forumSessions).values({
      id,
      forumId: forum.id,
      tenantId: tenant.id,
      occurrence: null,
      title: input.title ?? forum.title,
      description: input.description ?? forum.description,
      startsAt: resolved.startsAt,
      endsAt: resolved.endsAt,
      timeZone: zone,
      venueName: input.venue ? (input.venue.name ?? null) : forum.venueName,
      venueAddress: input.venue ? (input.venue.address ?? null) : forum.venueAddress,
      onlineUrl: input.venue ? (input.venue.onlineUrl ?? null) : forum.onlineUrl,
      capacity: input.capacity ?? forum.capacity,
      autoApprove: input.autoApprove ?? forum.autoApprove,
      registrationOpensAt: resolved.registrationOpensAt,
      registrationClosesAt: resolved.registrationClosesAt,
      agenda: resolved.agenda ?? [],
      dayPlan: input.dayPlan ?? null,
      createdBy: actor.user.id,
      createdAt: now,
      updatedAt: now,
    });
    await recordAudit(tx, ctx, {
      tenantId: tenant.id,
      action: 'forum.session_created',
      targetType: 'forum_session',
      targetId: id,
      diff: { forumId: { to: forum.id }, startsAt: { to: resolved.startsAt.toISOString() } },
    });
  });
  return getConvenerSession({
    ctx,
    input: { tenantId: tenant.id, forumId: forum.id, sessionId: id },
  });
}

export async function getConvenerSession({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { tenantId: string; forumId: string; sessionId: string };
}) {
  const { session } = await convenerSession(ctx, input, 'forums.read');
  const [view] = await presentSessions(ctx, [session], () => true);
  return view!;
}

/**
 * The convener edits a session. A change people put in their calendars (time,
 * place, title) raises its SEQUENCE and, once published, notifies every
 * registered delegation with the updated calendar file.
 */
export async function updateSession({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: SessionFields & { tenantId: string; forumId: string; sessionId: string };
}) {
  const { session, tenant } = await convenerSession(ctx, input, 'forums.manage');
  if (!EDITABLE.includes(session.status)) throw forumRule('session_state', inWords(session.status));
  const resolved = await resolveSession(
    ctx,
    {
      startsAt: session.startsAt,
      endsAt: session.endsAt,
      timeZone: session.timeZone as Zone,
      registrationOpensAt: session.registrationOpensAt,
      registrationClosesAt: session.registrationClosesAt,
    },
    input,
  );
  const next = {
    title: input.title ?? session.title,
    description: input.description ?? session.description,
    startsAt: resolved.startsAt,
    endsAt: resolved.endsAt,
    timeZone: resolved.zone,
    venueName: input.venue ? (input.venue.name ?? null) : session.venueName,
    venueAddress: input.venue ? (input.venue.address ?? null) : session.venueAddress,
    onlineUrl: input.venue ? (input.venue.onlineUrl ?? null) : session.onlineUrl,
    capacity: input.capacity ?? session.capacity,
    autoApprove: input.autoApprove ?? session.autoApprove,
    registrationOpensAt: resolved.registrationOpensAt,
    registrationClosesAt: resolved.registrationClosesAt,
    agenda: resolved.agenda ?? session.agenda,
    dayPlan: input.dayPlan === undefined ? session.dayPlan : input.dayPlan,
    meetingRules: input.meetingRules
      ? { ...DEFAULT_MEETING_RULES, ...(session.meetingRules ?? {}), ...input.meetingRules }
      : session.meetingRules,
  };
  const calendarChange =
    next.title !== session.title ||
    next.startsAt.getTime() !== session.startsAt.getTime() ||
    next.endsAt.getTime() !== session.endsAt.getTime() ||
    next.timeZone !== session.timeZone ||
    next.venueName !== session.venueName ||
    next.venueAddress !== session.venueAddress ||
    next.onlineUrl !== session.onlineUrl;
  await ctx.db.transaction(async (tx) => {
    const [locked] = await tx
      .select()
      .from(forumSessions)
      .where(eq(forumSessions.id, session.id))
      .for('update');
    const held = await placesHeld(tx, session.id);
    if (next.capacity < held) throw forumRule('capacity', { id: `(${held})`, en: `(${held})` });
    const [updated] = await tx
      .update(forumSessions)
      .set({
        ...next,
        sequence: calendarChange ? locked!.sequence + 1 : locked!.sequence,
        updatedAt: ctx.now(),
      })
      .where(eq(forumSessions.id, session.id))
      .returning();
    const { createdAt: _c, updatedAt: _u, sequence: _s, ...before } = session;
    await recordAudit(tx, ctx, {
      tenantId: tenant.id,
      action: 'forum.session_updated',
      targetType: 'forum_session',
      targetId: session.id,
      diff: diffOf<Record<string, unknown>>(before, { ...before, ...next }, Object.keys(next)),
    });
    if (updated!.capacity > session.capacity) await promoteWaitlist(tx, ctx, updated!);
    if (calendarChange && session.status !== 'draft')
      await notifySessionChange(tx, ctx, updated!, 'changed');
  });
  return getConvenerSession({ ctx, input });
}

/** Moves a session through its life; cancelling needs a reason and tells every delegation. */
export async function transitionSession({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: {
    tenantId: string;
    forumId: string;
    sessionId: string;
    status: SessionRow['status'];
    reason?: string;
  };
}) {
  const { session, tenant } = await convenerSession(ctx, input, 'forums.manage');
  if (!SESSION_NEXT[session.status].includes(input.status)) {
    const allowed = SESSION_NEXT[session.status].join(', ') || '—';
    throw forumRule('session_state', {
      id: `${inWords(session.status).id} (hanya ke: ${inWords(...SESSION_NEXT[session.status]).id || '—'})`,
      en: `${inWords(session.status).en} (only to: ${allowed})`,
    });
  }
  if (input.status === 'cancelled' && !input.reason?.trim())
    throw badRequest({ key: 'request.invalid' }, [
      {
        location: 'body.reason',
        message: fieldMessage('forums.reason_is_needed_cancel'),
      },
    ]);
  if (input.status === 'held' && ctx.now() < session.startsAt) throw forumRule('held_before_start');
  await ctx.db.transaction(async (tx) => {
    const [updated] = await tx
      .update(forumSessions)
      .set({
        status: input.status,
        cancelReason: input.status === 'cancelled' ? input.reason!.trim() : session.cancelReason,
        sequence: input.status === 'cancelled' ? session.sequence + 1 : session.sequence,
        updatedAt: ctx.now(),
      })
      .where(and(eq(forumSessions.id, session.id), eq(forumSessions.status, session.status)))
      .returning();
    if (!updated) throw forumRule('session_state', inWords(session.status));
    await recordAudit(tx, ctx, {
      tenantId: tenant.id,
      action: 'forum.session_status',
      targetType: 'forum_session',
      targetId: session.id,
      diff: {
        status: { from: session.status, to: input.status },
        ...(input.reason ? { reason: { to: input.reason } } : {}),
      },
    });
    if (input.status === 'cancelled') await notifySessionChange(tx, ctx, updated, 'cancelled');
    if (session.status === 'draft' && input.status === 'published') {
      // invitations written while it was a draft go out now that it is public
      const [forum] = await tx.select().from(forums).where(eq(forums.id, session.forumId));
      const invited = await tx
        .select({ id: forumInvitations.tenantId })
        .from(forumInvitations)
        .where(eq(forumInvitations.sessionId, session.id));
      const ids = [...new Set([...(forum?.invitedTenantIds ?? []), ...invited.map((i) => i.id)])];
      await notifyInvited(tx, ctx, updated, ids);
    }
  });
  return getConvenerSession({ ctx, input });
}

/**
 * Opens registration when a published session's window starts and closes it
 * when the window ends (the hourly job). Registration itself follows the window
 * whether or not the job has run.
 */
export async function syncRegistrationWindows({ ctx }: { ctx: Ctx }) {
  const now = ctx.now();
  const opened = await ctx.db
    .update(forumSessions)
    .set({ status: 'registration_open', updatedAt: now })
    .where(
      and(
        eq(forumSessions.status, 'published'),
        lt(forumSessions.registrationOpensAt, now),
        gte(forumSessions.registrationClosesAt, now),
      ),
    )
    .returning({ id: forumSessions.id });
  const closed = await ctx.db
    .update(forumSessions)
    .set({ status: 'registration_closed', updatedAt: now })
    .where(
      and(
        inArray(forumSessions.status, ['published', 'registration_open']),
        lt(forumSessions.registrationClosesAt, now),
      ),
    )
    .returning({ id: forumSessions.id });
  return { opened: opened.length, closed: closed.length };
}

/** Fills places freed in a session from its waitlist, oldest first. */
export async function promoteWaitlist(tx: Tx, ctx: Ctx, session: SessionRow): Promise<string[]> {
  const held = await placesHeld(tx, session.id);
  const free = session.capacity - held;
  if (free <= 0) return [];
  const waiting = await tx
    .select()
    .from(forumRegistrations)
    .where(
      and(
        eq(forumRegistrations.sessionId, session.id),
        eq(forumRegistrations.status, 'waitlisted'),
      ),
    )
    .orderBy(asc(forumRegistrations.createdAt), asc(forumRegistrations.id))
    .limit(free);
  const promoted: string[] = [];
  for (const r of waiting) {
    const status = session.autoApprove ? ('approved' as const) : ('pending' as const);
    await tx
      .update(forumRegistrations)
      .set({ status, decidedAt: status === 'approved' ? ctx.now() : null, updatedAt: ctx.now() })
      .where(eq(forumRegistrations.id, r.id));
    await recordAudit(tx, ctx, {
      tenantId: r.tenantId,
      action: 'forum.registration_promoted',
      targetType: 'forum_registration',
      targetId: r.id,
      diff: { status: { from: 'waitlisted', to: status } },
    });
    // a promoted delegation that still needs the convener's approval is told so, not "a place"
    await notifyRegistration(
      tx,
      ctx,
      session,
      r.id,
      status === 'approved' ? 'promoted' : 'promoted_pending',
    );
    promoted.push(r.id);
  }
  return promoted;
}

import { and, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import {
  agreements,
  forumDelegates,
  forumFollowUps,
  forumMeetings,
  forumRegistrations,
  forumSessions,
  interests,
  proposals,
} from '../../db/schema';
import { type Ctx, today } from '../platform/context';
import { convenerForum, convenerSession } from './access';

/**
 * What came of a forum: registrations by status, delegates, attendance,
 * follow-ups, and the interests, proposals and agreements that originated at
 * its sessions. Counted from the records, never stored.
 */
async function countFor(ctx: Ctx, sessionIds: string[]) {
  const none = sessionIds.length === 0;
  const ids = none ? [''] : sessionIds;
  const [regs, delegates, followUps, interestRows, proposalRows, agreementRows, meetingRows] =
    await Promise.all([
      ctx.db
        .select({
          status: forumRegistrations.status,
          attended: forumRegistrations.attended,
          n: sql<number>`count(*)::int`,
        })
        .from(forumRegistrations)
        .where(inArray(forumRegistrations.sessionId, ids))
        .groupBy(forumRegistrations.status, forumRegistrations.attended),
      ctx.db
        .select({ n: sql<number>`count(*)::int` })
        .from(forumDelegates)
        .innerJoin(forumRegistrations, eq(forumRegistrations.id, forumDelegates.registrationId))
        .where(
          and(
            inArray(forumRegistrations.sessionId, ids),
            eq(forumRegistrations.status, 'approved'),
          ),
        ),
      ctx.db
        .select({
          status: forumFollowUps.status,
          overdue: sql<boolean>`${forumFollowUps.status} = 'open' and ${forumFollowUps.dueDate} < ${today(ctx)}::date`,
          n: sql<number>`count(*)::int`,
        })
        .from(forumFollowUps)
        .where(inArray(forumFollowUps.sessionId, ids))
        .groupBy(sql`1`, sql`2`),
      ctx.db
        .select({ status: interests.status, n: sql<number>`count(*)::int` })
        .from(interests)
        .where(inArray(interests.originSessionId, ids))
        .groupBy(interests.status),
      ctx.db
        .select({ status: proposals.status, n: sql<number>`count(*)::int` })
        .from(proposals)
        .where(inArray(proposals.originSessionId, ids))
        .groupBy(proposals.status),
      ctx.db
        .select({
          confirmed: sql<boolean>`${agreements.confirmedAt} is not null`,
          n: sql<number>`count(*)::int`,
        })
        .from(agreements)
        .where(inArray(agreements.originSessionId, ids))
        .groupBy(sql`1`),
      ctx.db
        .select({
          status: forumMeetings.status,
          held: sql<boolean>`'held' in (coalesce(${forumMeetings.requesterOutcome}, ''), coalesce(${forumMeetings.recipientOutcome}, ''))`,
          scheduled: sql<boolean>`${forumMeetings.publishedSlotStart} is not null`,
          n: sql<number>`count(*)::int`,
        })
        .from(forumMeetings)
        .where(inArray(forumMeetings.sessionId, ids))
        .groupBy(sql`1`, sql`2`, sql`3`),
    ]);
  const sum = <T extends { n: number }>(rows: T[], keep: (r: T) => boolean = () => true) =>
    rows.filter(keep).reduce((s, r) => s + Number(r.n), 0);
  return {
    registrations: {
      approved: sum(regs, (r) => r.status === 'approved'),
      pending: sum(regs, (r) => r.status === 'pending'),
      waitlisted: sum(regs, (r) => r.status === 'waitlisted'),
      declined: sum(regs, (r) => r.status === 'declined'),
      cancelled: sum(regs, (r) => r.status === 'cancelled'),
    },
    delegates: sum(delegates),
    attended: sum(regs, (r) => r.status === 'approved' && r.attended === true),
    absent: sum(regs, (r) => r.status === 'approved' && r.attended === false),
    followUps: {
      open: sum(followUps, (r) => r.status === 'open'),
      done: sum(followUps, (r) => r.status === 'done'),
      dropped: sum(followUps, (r) => r.status === 'dropped'),
      overdue: sum(followUps, (r) => r.overdue === true),
    },
    meetings: {
      requested: sum(meetingRows),
      accepted: sum(meetingRows, (r) => r.status === 'accepted'),
      scheduled: sum(meetingRows, (r) => r.status === 'accepted' && r.scheduled === true),
      held: sum(meetingRows, (r) => r.status === 'accepted' && r.held === true),
    },
    interests: {
      expressed: sum(interestRows),
      accepted: sum(interestRows, (r) => r.status === 'accepted'),
    },
    proposals: {
      made: sum(proposalRows),
      accepted: sum(proposalRows, (r) => r.status === 'accepted'),
    },
    agreements: {
      started: sum(agreementRows),
      confirmed: sum(agreementRows, (r) => r.confirmed === true),
    },
  };
}

export async function sessionOutcomes({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { tenantId: string; forumId: string; sessionId: string };
}) {
  const { session } = await convenerSession(ctx, input, 'forums.read');
  return { sessionId: session.id, status: session.status, ...(await countFor(ctx, [session.id])) };
}

export async function forumOutcomes({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { tenantId: string; forumId: string };
}) {
  const { forum } = await convenerForum(ctx, input, 'forums.read');
  const sessions = await ctx.db
    .select({ id: forumSessions.id, status: forumSessions.status })
    .from(forumSessions)
    .where(eq(forumSessions.forumId, forum.id));
  return {
    forumId: forum.id,
    sessions: sessions.length,
    sessionsHeld: sessions.filter((s) => s.status === 'held' || s.status === 'closed').length,
    ...(await countFor(
      ctx,
      sessions.map((s) => s.id),
    )),
  };
}

/** Sessions held this year per convening tenant, for the province and national reports. */
export async function forumsHeldSince(ctx: Ctx, since: string, until?: string) {
  const rows = await ctx.db
    .select({ tenantId: forumSessions.tenantId, n: sql<number>`count(*)::int` })
    .from(forumSessions)
    .where(
      and(
        inArray(forumSessions.status, ['held', 'closed']),
        sql`${forumSessions.startsAt} >= ${since}::date`,
        until ? sql`${forumSessions.startsAt} < ${until}::date` : undefined,
        isNotNull(forumSessions.startsAt),
      ),
    )
    .groupBy(forumSessions.tenantId);
  return new Map(rows.map((r) => [r.tenantId, Number(r.n)]));
}

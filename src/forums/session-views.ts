import { and, asc, eq, inArray } from 'drizzle-orm';
import {
  forumFollowUps,
  forumRegistrations,
  forums,
  memberships,
  tenants,
} from '../../db/schema/index';
import { type Ctx, today } from '../platform/context';
import { type ForumRow, type SessionRow } from './access';
import { localOf, ZONES, type Zone } from './time';

/** Sessions materialised ahead for a recurring forum, and how far ahead to look. */
export const SESSIONS_AHEAD = 2;
export const HORIZON_DAYS = 3 * 365;
export const DAY = 86400_000;

/** Which states a session moves between; `cancelled` from any open state, with a reason. */
export const SESSION_NEXT: Record<SessionRow['status'], SessionRow['status'][]> = {
  draft: ['published', 'cancelled'],
  published: ['registration_open', 'registration_closed', 'held', 'cancelled'],
  registration_open: ['registration_closed', 'held', 'cancelled'],
  registration_closed: ['registration_open', 'held', 'cancelled'],
  held: ['closed'],
  closed: [],
  cancelled: [],
};
/** States in which the public sees a session. */
export const VISIBLE: SessionRow['status'][] = [
  'published',
  'registration_open',
  'registration_closed',
  'held',
  'closed',
  'cancelled',
];
export const EDITABLE: SessionRow['status'][] = [
  'draft',
  'published',
  'registration_open',
  'registration_closed',
];

export type Venue = { name?: string | null; address?: string | null; onlineUrl?: string | null };

export const local = (d: Date, zone: string) => localOf(d, zone as Zone);

/** Registration is open when the convener has published the session and now is within its window. */
export const registrationOpen = (s: SessionRow, now: Date) =>
  (s.status === 'published' || s.status === 'registration_open') &&
  s.registrationOpensAt <= now &&
  now < s.registrationClosesAt;

/**
 * The status as it is now: the registration window opens and closes at its
 * times, whether or not the hourly job (`syncRegistrationWindows`) has written it yet.
 */
export function statusNow(s: SessionRow, now: Date): SessionRow['status'] {
  if (
    (s.status === 'published' || s.status === 'registration_open') &&
    s.registrationClosesAt < now
  )
    return 'registration_closed';
  if (s.status === 'published' && s.registrationOpensAt < now) return 'registration_open';
  return s.status;
}

export function sessionView(
  s: SessionRow,
  forum: ForumRow,
  convener: { id: string; name: string },
  now: Date,
  extra: {
    registered: { tenantId: string; name: string }[];
    counts: Record<'approved' | 'pending' | 'waitlisted', number>;
    minutes: MinutesView | null;
    origin: string;
  },
) {
  const zone = s.timeZone as Zone;
  return {
    id: s.id,
    forumId: s.forumId,
    convener: { tenantId: convener.id, name: convener.name },
    title: s.title,
    description: s.description,
    status: statusNow(s, now),
    cancelReason: s.cancelReason,
    themes: { issues: forum.issues, affairs: forum.affairs },
    scope: forum.scope,
    timeZone: zone,
    zoneLabel: ZONES[zone],
    startsAt: s.startsAt,
    endsAt: s.endsAt,
    startsLocal: local(s.startsAt, zone),
    endsLocal: local(s.endsAt, zone),
    venue: { name: s.venueName, address: s.venueAddress, onlineUrl: s.onlineUrl },
    capacity: s.capacity,
    autoApprove: s.autoApprove,
    registration: {
      opensAt: s.registrationOpensAt,
      closesAt: s.registrationClosesAt,
      opensLocal: local(s.registrationOpensAt, zone),
      closesLocal: local(s.registrationClosesAt, zone),
      open: registrationOpen(s, now),
      ...extra.counts,
    },
    agenda: s.agenda,
    dayPlan: s.dayPlan,
    sequence: s.sequence,
    registered: extra.registered,
    minutes: extra.minutes,
    calendarUrl: `${extra.origin}/v1/forums/${s.forumId}/sessions/${s.id}/calendar.ics`,
    createdAt: s.createdAt,
    updatedAt: s.updatedAt,
  };
}
export type SessionView = ReturnType<typeof sessionView>;

export type MinutesView = {
  summary: string;
  decisions: string[];
  recordedAt: Date | null;
  publishedAt: Date | null;
  attendance: { tenantId: string; name: string; attended: boolean | null }[];
  followUps: FollowUpView[];
};
export type FollowUpView = ReturnType<typeof followUpView>;
export const followUpView = (f: typeof forumFollowUps.$inferSelect, todayIso: string) => ({
  id: f.id,
  sessionId: f.sessionId,
  title: f.title,
  responsibleTenantId: f.responsibleTenantId,
  dueDate: f.dueDate,
  status: f.status,
  overdue: f.status === 'open' && f.dueDate < todayIso,
  potentialId: f.potentialId,
  proposalId: f.proposalId,
  agreementId: f.agreementId,
  doneAt: f.doneAt,
  createdAt: f.createdAt,
});

/** Sessions with what every reader may see; minutes only where `minutesFor` says so. */
export async function presentSessions(
  ctx: Ctx,
  rows: SessionRow[],
  minutesFor: (s: SessionRow) => boolean,
): Promise<SessionView[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const forumIds = [...new Set(rows.map((r) => r.forumId))];
  const [forumRows, registrations, followUps] = await Promise.all([
    ctx.db
      .select({ forum: forums, convenerName: tenants.name })
      .from(forums)
      .innerJoin(tenants, eq(tenants.id, forums.tenantId))
      .where(inArray(forums.id, forumIds)),
    ctx.db
      .select({
        sessionId: forumRegistrations.sessionId,
        tenantId: forumRegistrations.tenantId,
        name: tenants.name,
        status: forumRegistrations.status,
        attended: forumRegistrations.attended,
      })
      .from(forumRegistrations)
      .innerJoin(tenants, eq(tenants.id, forumRegistrations.tenantId))
      .where(inArray(forumRegistrations.sessionId, ids))
      .orderBy(asc(tenants.name)),
    ctx.db
      .select()
      .from(forumFollowUps)
      .where(inArray(forumFollowUps.sessionId, ids))
      .orderBy(asc(forumFollowUps.dueDate), asc(forumFollowUps.id)),
  ]);
  const forumsById = new Map(forumRows.map((f) => [f.forum.id, f]));
  const now = ctx.now();
  const todayIso = today(ctx);
  return rows.map((s) => {
    const f = forumsById.get(s.forumId)!;
    const mine = registrations.filter((r) => r.sessionId === s.id);
    const count = (status: string) => mine.filter((r) => r.status === status).length;
    const approved = mine.filter((r) => r.status === 'approved');
    return sessionView(s, f.forum, { id: f.forum.tenantId, name: f.convenerName }, now, {
      registered: approved.map((r) => ({ tenantId: r.tenantId, name: r.name })),
      counts: {
        approved: approved.length,
        pending: count('pending'),
        waitlisted: count('waitlisted'),
      },
      minutes:
        s.minutes && minutesFor(s)
          ? {
              ...s.minutes,
              recordedAt: s.minutesRecordedAt,
              publishedAt: s.minutesPublishedAt,
              attendance: approved.map((r) => ({
                tenantId: r.tenantId,
                name: r.name,
                attended: r.attended,
              })),
              followUps: followUps
                .filter((x) => x.sessionId === s.id)
                .map((x) => followUpView(x, todayIso)),
            }
          : null,
      origin: ctx.config.APP_ORIGIN,
    });
  });
}

/** Minutes reach the convener and registered delegations, and everyone once published. */
export async function minutesReader(ctx: Ctx, rows: SessionRow[]) {
  const user = ctx.actor?.type === 'user' ? ctx.actor.user : null;
  if (user?.isPlatformAdmin) return () => true;
  if (!user || rows.length === 0) return (s: SessionRow) => !!s.minutesPublishedAt;
  // two queries whatever the page: the reader's tenants, and their approved places on this page
  const mine = new Set(
    (
      await ctx.db
        .select({ tenantId: memberships.tenantId })
        .from(memberships)
        .where(eq(memberships.userId, user.id))
    ).map((m) => m.tenantId),
  );
  const attended = new Set(
    mine.size
      ? (
          await ctx.db
            .select({ sessionId: forumRegistrations.sessionId })
            .from(forumRegistrations)
            .where(
              and(
                inArray(
                  forumRegistrations.sessionId,
                  rows.map((r) => r.id),
                ),
                inArray(forumRegistrations.tenantId, [...mine]),
                eq(forumRegistrations.status, 'approved'),
              ),
            )
        ).map((r) => r.sessionId)
      : [],
  );
  return (s: SessionRow) => !!s.minutesPublishedAt || mine.has(s.tenantId) || attended.has(s.id);
}

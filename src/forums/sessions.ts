import { and, asc, desc, eq, gte, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import {
  forumFollowUps,
  forumInvitations,
  forumRegistrations,
  forumSessions,
  forums,
  memberships,
  potentials,
  tenants,
  DEFAULT_MEETING_RULES,
  type AgendaItem,
  type DayPlan,
  type MeetingRules,
} from '../../db/schema';
import { authorize, membershipOf, requireUser } from '../identity/access';
import { recordAudit, diffOf } from '../platform/audit';
import { type Ctx, today } from '../platform/context';
import { badRequest, checkLink, notFound, type RaisedFieldError } from '../platform/errors';
import { newId } from '../platform/ids';
import { decodeCursor, encodeCursor } from '../platform/pagination';
import { timeZoneOf } from '../reference/geography';
import { termCodes } from '../reference/vocabularies';
import {
  convenerForum,
  convenerSession,
  forumRule,
  inWords,
  placesHeld,
  type ForumRow,
  type SessionRow,
} from './access';
import { notifyInvited, notifyRegistration, notifySessionChange } from './notices';
import { parseRecurrence, nextOccurrences } from './recurrence';
import { MAX_DAY_SLOTS } from '../scheduling/scheduler';
import { slotsOf } from '../scheduling/slots';
import { instantOf, localOf, ZONES, zoneOfLabel, type Zone } from './time';

/** Sessions materialised ahead for a recurring forum, and how far ahead to look. */
export const SESSIONS_AHEAD = 2;
const HORIZON_DAYS = 3 * 365;
const DAY = 86400_000;

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
const EDITABLE: SessionRow['status'][] = [
  'draft',
  'published',
  'registration_open',
  'registration_closed',
];

export type Venue = { name?: string | null; address?: string | null; onlineUrl?: string | null };

const local = (d: Date, zone: string) => localOf(d, zone as Zone);

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
async function minutesReader(ctx: Ctx, rows: SessionRow[]) {
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

type SessionFields = {
  title?: string;
  description?: string;
  start?: string;
  end?: string;
  timeZone?: Zone;
  venue?: Venue;
  capacity?: number;
  autoApprove?: boolean;
  registrationOpens?: string;
  registrationCloses?: string;
  agenda?: (Omit<AgendaItem, 'speakers' | 'potentialIds'> & {
    speakers?: string[];
    potentialIds?: string[];
  })[];
  dayPlan?: DayPlan | null;
  meetingRules?: Partial<MeetingRules>;
};

/** Checks a session's times, window, agenda and day plan; every problem names its field. */
async function resolveSession(
  ctx: Ctx,
  base: {
    startsAt: Date;
    endsAt: Date;
    timeZone: Zone;
    registrationOpensAt: Date;
    registrationClosesAt: Date;
  },
  input: SessionFields,
) {
  const errors: RaisedFieldError[] = [];
  const zone = input.timeZone ?? base.timeZone;
  const at = (field: keyof SessionFields, value: string | undefined, fallback: Date) => {
    if (value === undefined) return fallback;
    const d = instantOf(value, zone);
    if (!d)
      errors.push({
        location: `body.${field}`,
        message: {
          id: 'tanggal dan jam setempat tidak ada (format YYYY-MM-DDTHH:mm)',
          en: 'no such local date and time (format YYYY-MM-DDTHH:mm)',
        },
      });
    return d ?? fallback;
  };
  // a zone change keeps the wall-clock times people agreed on
  const rezone = (d: Date) =>
    input.timeZone && input.timeZone !== base.timeZone
      ? (instantOf(localOf(d, base.timeZone), zone) ?? d)
      : d;
  const startsAt = at('start', input.start, rezone(base.startsAt));
  const endsAt = at('end', input.end, rezone(base.endsAt));
  const registrationOpensAt = at(
    'registrationOpens',
    input.registrationOpens,
    base.registrationOpensAt,
  );
  const registrationClosesAt = at(
    'registrationCloses',
    input.registrationCloses,
    base.registrationClosesAt,
  );
  if (endsAt <= startsAt)
    errors.push({
      location: 'body.end',
      message: { id: 'harus setelah waktu mulai', en: 'must be after the start' },
    });
  if (endsAt.getTime() - startsAt.getTime() > 14 * DAY)
    errors.push({
      location: 'body.end',
      message: { id: 'pertemuan paling lama 14 hari', en: 'a session lasts at most 14 days' },
    });
  if (registrationClosesAt <= registrationOpensAt)
    errors.push({
      location: 'body.registrationCloses',
      message: {
        id: 'harus setelah pendaftaran dibuka',
        en: 'must be after registration opens',
      },
    });
  if (registrationClosesAt > startsAt)
    errors.push({
      location: 'body.registrationCloses',
      message: {
        id: 'pendaftaran harus ditutup paling lambat saat pertemuan dimulai',
        en: 'registration must close by the time the session starts',
      },
    });
  checkLink(ctx.config, input.venue?.onlineUrl, 'body.venue.onlineUrl');
  let agenda: AgendaItem[] | undefined;
  if (input.agenda) {
    agenda = [];
    const potentialIds = [...new Set(input.agenda.flatMap((a) => a.potentialIds ?? []))];
    const known = potentialIds.length
      ? new Set(
          (
            await ctx.db
              .select({ id: potentials.id })
              .from(potentials)
              .where(and(inArray(potentials.id, potentialIds), eq(potentials.status, 'published')))
          ).map((p) => p.id),
        )
      : new Set<string>();
    input.agenda.forEach((item, i) => {
      const s = instantOf(item.start, zone);
      const e = instantOf(item.end, zone);
      if (!s || !e || e <= s || s < startsAt || e > endsAt)
        errors.push({
          location: `body.agenda.${i}.end`,
          message: {
            id: 'acara harus berakhir setelah dimulai dan berada dalam waktu pertemuan',
            en: 'an item must end after it starts and lie within the session',
          },
        });
      (item.potentialIds ?? []).forEach((p, j) => {
        if (!known.has(p))
          errors.push({
            location: `body.agenda.${i}.potentialIds.${j}`,
            message: {
              id: 'harus potensi kerja sama yang dipublikasikan',
              en: 'must be a published cooperation potential',
            },
          });
      });
      agenda!.push({
        start: item.start,
        end: item.end,
        title: item.title,
        speakers: item.speakers ?? [],
        potentialIds: item.potentialIds ?? [],
      });
    });
    agenda.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
  }
  if (input.dayPlan) {
    const first = localOf(startsAt, zone).slice(0, 10);
    const last = localOf(endsAt, zone).slice(0, 10);
    input.dayPlan.days.forEach((d, i) => {
      const ok =
        d.date >= first &&
        d.date <= last &&
        d.start < d.end &&
        d.breaks.every((b) => b.start < b.end && b.start >= d.start && b.end <= d.end);
      if (!ok)
        errors.push({
          location: `body.dayPlan.days.${i}`,
          message: {
            id: 'hari harus dalam waktu pertemuan, mulai sebelum selesai, dengan jeda di dalamnya',
            en: 'a day must fall within the session, start before it ends, with breaks inside it',
          },
        });
      else if (
        slotsOf({ ...input.dayPlan!, days: [d] }, (l) => instantOf(l, zone)).length > MAX_DAY_SLOTS
      )
        errors.push({
          location: `body.dayPlan.days.${i}`,
          message: {
            id: `paling banyak ${MAX_DAY_SLOTS} slot pertemuan sehari: perpanjang slotMinutes atau perpendek hari`,
            en: `at most ${MAX_DAY_SLOTS} meeting slots a day: lengthen slotMinutes or shorten the day`,
          },
        });
    });
    const dates = input.dayPlan.days.map((x) => x.date);
    if (dates.some((d, i) => i > 0 && d <= dates[i - 1]!))
      errors.push({
        location: 'body.dayPlan.days',
        message: {
          id: 'tanggal berurutan dan masing-masing sekali',
          en: 'dates in order, each once',
        },
      });
  }
  if (errors.length) throw badRequest({ key: 'request.invalid' }, errors);
  return { startsAt, endsAt, registrationOpensAt, registrationClosesAt, zone, agenda };
}

function checkThemes(input: { issues?: string[]; affairs?: string[] }, errors: RaisedFieldError[]) {
  for (const [field, vocabulary] of [
    ['issues', 'strategic-issues'],
    ['affairs', 'affairs'],
  ] as const) {
    const known = termCodes(vocabulary);
    input[field]?.forEach((code, i) => {
      if (!known.has(code))
        errors.push({
          location: `body.${field}.${i}`,
          message: {
            id: `kode ${code} tidak dikenal (lihat /v1/vocabularies/${vocabulary})`,
            en: `unknown code ${code} (see /v1/vocabularies/${vocabulary})`,
          },
        });
    });
  }
}
export { checkThemes };

export type CreateForumInput = {
  tenantId: string;
  title: string;
  description?: string;
  issues: string[];
  affairs?: string[];
  scope: ForumRow['scope'];
  invitedTenantIds?: string[];
  timeZone?: Zone;
  venue?: Venue;
  recurrence?: string;
  firstStart: string;
  durationMinutes: number;
  capacity: number;
  autoApprove?: boolean;
  registrationOpensDays?: number;
  registrationClosesDays?: number;
};

/**
 * A convener defines a forum; its first sessions are materialised as drafts
 * (the next two occurrences of the recurrence, or the one session of an
 * ad-hoc forum), to be published when ready.
 */
export async function createForum({ ctx, input }: { ctx: Ctx; input: CreateForumInput }) {
  const access = await authorize(ctx, input.tenantId, 'forums.manage');
  const actor = requireUser(ctx);
  const tenant = access.tenant;
  const admin = access.via === 'platform_admin';
  if (tenant.type !== 'region' && !admin) throw forumRule('convener', undefined, 'FORBIDDEN');
  if (input.scope === 'national' && !admin)
    throw forumRule('national_scope', undefined, 'FORBIDDEN');
  if (
    input.scope === 'province' &&
    (tenant.type !== 'region' || !tenant.regionCode || tenant.regionCode.includes('.'))
  )
    throw forumRule('province_scope', undefined, 'FORBIDDEN');
  const errors: RaisedFieldError[] = [];
  checkThemes(input, errors);
  let rule: string | null = null;
  if (input.recurrence !== undefined) {
    const parsed = parseRecurrence(input.recurrence);
    if ('error' in parsed)
      errors.push({
        location: 'body.recurrence',
        message:
          parsed.error === 'no_dates'
            ? {
                id: 'aturan ini tidak pernah menghasilkan tanggal (misalnya 30 Februari)',
                en: 'this rule never produces a date (such as 30 February)',
              }
            : {
                id: 'bukan RRULE yang sah menurut RFC 5545 (contoh: FREQ=MONTHLY;INTERVAL=6); paling sering mingguan, tanpa DTSTART dan jam (jam mengikuti firstStart)',
                en: "not a valid RFC 5545 RRULE (e.g. FREQ=MONTHLY;INTERVAL=6); at most weekly, without DTSTART or times of day (the time is firstStart's)",
              },
      });
    else rule = parsed.rule;
  }
  const invited = [...new Set(input.invitedTenantIds ?? [])];
  if (invited.length) {
    const found = await ctx.db
      .select({ id: tenants.id })
      .from(tenants)
      .where(inArray(tenants.id, invited));
    invited.forEach((id, i) => {
      if (!found.some((f) => f.id === id))
        errors.push({
          location: `body.invitedTenantIds.${i}`,
          message: { id: 'wilayah atau organisasi tidak dikenal', en: 'unknown tenant' },
        });
    });
  }
  const zone: Zone =
    input.timeZone ??
    (tenant.regionCode ? zoneOfLabel(timeZoneOf(tenant.regionCode)) : 'Asia/Jakarta');
  const firstStart = instantOf(input.firstStart, zone);
  if (!firstStart)
    errors.push({
      location: 'body.firstStart',
      message: {
        id: 'tanggal dan jam setempat tidak ada (format YYYY-MM-DDTHH:mm)',
        en: 'no such local date and time (format YYYY-MM-DDTHH:mm)',
      },
    });
  const opensDays = input.registrationOpensDays ?? 60;
  const closesDays = input.registrationClosesDays ?? 3;
  if (closesDays >= opensDays)
    errors.push({
      location: 'body.registrationClosesDays',
      message: {
        id: 'pendaftaran harus ditutup setelah dibuka (lebih sedikit hari sebelum pertemuan)',
        en: 'registration must close after it opens (fewer days before the session)',
      },
    });
  checkLink(ctx.config, input.venue?.onlineUrl, 'body.venue.onlineUrl');
  if (errors.length) throw badRequest({ key: 'request.invalid' }, errors);

  const now = ctx.now();
  const id = newId('forum', now.getTime());
  const forum: ForumRow = {
    id,
    tenantId: tenant.id,
    title: input.title,
    description: input.description ?? '',
    issues: input.issues,
    affairs: input.affairs ?? [],
    scope: input.scope,
    invitedTenantIds: invited,
    timeZone: zone,
    venueName: input.venue?.name ?? null,
    venueAddress: input.venue?.address ?? null,
    onlineUrl: input.venue?.onlineUrl ?? null,
    recurrence: rule,
    firstStart: firstStart!,
    durationMinutes: input.durationMinutes,
    capacity: input.capacity,
    autoApprove: input.autoApprove ?? false,
    registrationOpensDays: opensDays,
    registrationClosesDays: closesDays,
    createdBy: actor.user.id,
    isDemo: false,
    createdAt: now,
    updatedAt: now,
  };
  await ctx.db.transaction(async (tx) => {
    await tx.insert(forums).values(forum);
    const created = await materialise(tx, ctx, forum, now);
    await recordAudit(tx, ctx, {
      tenantId: tenant.id,
      action: 'forum.created',
      targetType: 'forum',
      targetId: id,
      diff: {
        title: { to: input.title },
        scope: { to: input.scope },
        recurrence: { to: rule },
        sessions: { to: created },
      },
    });
  });
  return getForum({ ctx, input: { tenantId: tenant.id, forumId: id } });
}

/** Draft sessions for the forum's next occurrences that do not exist yet; returns their ids. */
export async function materialise(
  tx: Tx | Ctx['db'],
  ctx: Pick<Ctx, 'now'>,
  forum: ForumRow,
  now: Date,
): Promise<string[]> {
  const zone = forum.timeZone as Zone;
  const starts = forum.recurrence
    ? nextOccurrences({
        rule: forum.recurrence,
        first: forum.firstStart!,
        zone,
        after: new Date(now.getTime() - 1),
        until: new Date(now.getTime() + HORIZON_DAYS * DAY),
        count: SESSIONS_AHEAD,
      })
    : // a forum without recurrence has its one session, even one already held (to record it)
      [forum.firstStart!];
  if (starts.length === 0) return [];
  const rows = starts.map((start) => ({
    id: newId('forumSession', ctx.now().getTime()),
    forumId: forum.id,
    tenantId: forum.tenantId,
    occurrence: start,
    title: forum.title,
    description: forum.description,
    startsAt: start,
    endsAt: new Date(start.getTime() + forum.durationMinutes * 60_000),
    timeZone: forum.timeZone,
    venueName: forum.venueName,
    venueAddress: forum.venueAddress,
    onlineUrl: forum.onlineUrl,
    capacity: forum.capacity,
    autoApprove: forum.autoApprove,
    registrationOpensAt: new Date(start.getTime() - forum.registrationOpensDays * DAY),
    registrationClosesAt: new Date(start.getTime() - forum.registrationClosesDays * DAY),
    createdBy: forum.createdBy,
    createdAt: now,
    updatedAt: now,
  }));
  const inserted = await tx
    .insert(forumSessions)
    .values(rows)
    .onConflictDoNothing({ target: [forumSessions.forumId, forumSessions.occurrence] })
    .returning({ id: forumSessions.id });
  return inserted.map((r) => r.id);
}

/** Keeps every recurring forum's next sessions materialised (the hourly job). */
export async function materialiseAll({ ctx }: { ctx: Ctx }) {
  const rows = await ctx.db.select().from(forums).where(sql`${forums.recurrence} is not null`);
  let created = 0;
  for (const forum of rows) created += (await materialise(ctx.db, ctx, forum, ctx.now())).length;
  return { forums: rows.length, sessionsCreated: created };
}

function forumView(f: ForumRow, sessions: SessionView[]) {
  return {
    id: f.id,
    convenerTenantId: f.tenantId,
    title: f.title,
    description: f.description,
    themes: { issues: f.issues, affairs: f.affairs },
    scope: f.scope,
    invitedTenantIds: f.invitedTenantIds,
    timeZone: f.timeZone as Zone,
    venue: { name: f.venueName, address: f.venueAddress, onlineUrl: f.onlineUrl },
    recurrence: f.recurrence,
    firstStartLocal: f.firstStart ? localOf(f.firstStart, f.timeZone as Zone) : null,
    durationMinutes: f.durationMinutes,
    capacity: f.capacity,
    autoApprove: f.autoApprove,
    registrationOpensDays: f.registrationOpensDays,
    registrationClosesDays: f.registrationClosesDays,
    sessions,
    createdAt: f.createdAt,
  };
}

export async function getForum({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { tenantId: string; forumId: string };
}) {
  const { forum } = await convenerForum(ctx, input, 'forums.read');
  const rows = await ctx.db
    .select()
    .from(forumSessions)
    .where(eq(forumSessions.forumId, forum.id))
    .orderBy(asc(forumSessions.startsAt));
  return forumView(forum, await presentSessions(ctx, rows, () => true));
}

export async function listForums({ ctx, input }: { ctx: Ctx; input: { tenantId: string } }) {
  const { tenant } = await authorize(ctx, input.tenantId, 'forums.read');
  const rows = await ctx.db
    .select()
    .from(forums)
    .where(eq(forums.tenantId, tenant.id))
    .orderBy(desc(forums.createdAt));
  const sessions = rows.length
    ? await ctx.db
        .select()
        .from(forumSessions)
        .where(
          inArray(
            forumSessions.forumId,
            rows.map((r) => r.id),
          ),
        )
        .orderBy(asc(forumSessions.startsAt))
    : [];
  const views = await presentSessions(ctx, sessions, () => true);
  return {
    data: rows.map((f) =>
      forumView(
        f,
        views.filter((s) => s.forumId === f.id),
      ),
    ),
  };
}

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
        message: {
          id: 'alasan pembatalan wajib diisi',
          en: 'a reason is needed to cancel',
        },
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
    await notifyRegistration(tx, ctx, session, r.id, 'promoted');
    promoted.push(r.id);
  }
  return promoted;
}

export type PublicFilter = {
  province?: string;
  issue?: string;
  affair?: string;
  when?: 'upcoming' | 'past';
  q?: string;
  limit: number;
  cursor?: string;
};

/** Published sessions for everyone, without sign-in: soonest first for upcoming, latest first for past. */
export async function listPublicSessions({ ctx, input }: { ctx: Ctx; input: PublicFilter }) {
  const { limit, cursor, ...filters } = input;
  const past = input.when === 'past';
  const after = decodeCursor(cursor, filters);
  const now = ctx.now();
  const conditions: (SQL | undefined)[] = [
    inArray(forumSessions.status, VISIBLE),
    input.when === 'upcoming' ? gte(forumSessions.endsAt, now) : undefined,
    past ? lt(forumSessions.endsAt, now) : undefined,
    input.issue ? sql`${input.issue} = any(${forums.issues})` : undefined,
    input.affair ? sql`${input.affair} = any(${forums.affairs})` : undefined,
    input.province
      ? or(
          eq(tenants.regionCode, input.province),
          sql`${tenants.regionCode} like ${`${input.province}.%`}`,
        )
      : undefined,
    input.q
      ? sql`(${forumSessions.title} || ' ' || ${forumSessions.description} || ' ' || ${forums.title}) ilike ${`%${input.q.replace(/[\\%_]/g, '\\$&')}%`}`
      : undefined,
    after
      ? past
        ? sql`(${forumSessions.startsAt}, ${forumSessions.id}) < (${after[0]}::timestamptz, ${after[1]})`
        : sql`(${forumSessions.startsAt}, ${forumSessions.id}) > (${after[0]}::timestamptz, ${after[1]})`
      : undefined,
  ];
  const rows = await ctx.db
    .select({ session: forumSessions })
    .from(forumSessions)
    .innerJoin(forums, eq(forums.id, forumSessions.forumId))
    .innerJoin(tenants, eq(tenants.id, forumSessions.tenantId))
    .where(and(...conditions))
    .orderBy(
      past ? desc(forumSessions.startsAt) : asc(forumSessions.startsAt),
      past ? desc(forumSessions.id) : asc(forumSessions.id),
    )
    .limit(limit + 1);
  const page = rows.slice(0, limit).map((r) => r.session);
  const readable = await minutesReader(ctx, page);
  const last = page.at(-1);
  return {
    data: await presentSessions(ctx, page, readable),
    nextCursor:
      rows.length > limit && last
        ? encodeCursor([last.startsAt.toISOString(), last.id], filters)
        : null,
  };
}

/** One session: public once published; before that only its convener sees it. */
export async function getPublicSession({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { forumId: string; sessionId: string };
}) {
  const row = await visibleSession(ctx, input.forumId, input.sessionId);
  const [view] = await presentSessions(ctx, [row], await minutesReader(ctx, [row]));
  return view!;
}

/** A session the caller may see, or 404. */
export async function visibleSession(ctx: Ctx, forumId: string, sessionId: string) {
  const [row] = await ctx.db
    .select()
    .from(forumSessions)
    .where(and(eq(forumSessions.id, sessionId), eq(forumSessions.forumId, forumId)));
  if (!row) throw notFound({ key: 'forum.session_not_found' });
  if (!VISIBLE.includes(row.status)) {
    const user = ctx.actor?.type === 'user' ? ctx.actor.user : null;
    const member =
      user && (user.isPlatformAdmin || (await membershipOf(ctx, row.tenantId, user.id)));
    if (!member) throw notFound({ key: 'forum.session_not_found' });
  }
  return row;
}

import { asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { forumSessions, forums, tenants } from '../../db/schema/index';
import { authorize, requireUser } from '../identity/access';
import { recordAudit } from '../platform/audit';
import { type Ctx } from '../platform/context';
import { badRequest, checkLink, type RaisedFieldError } from '../platform/errors';
import { fieldMessage } from '../platform/field-messages';
import { newId } from '../platform/ids';
import { timeZoneOf } from '../reference/geography';
import { convenerForum, type ForumRow, forumRule } from './access';
import { invitationCap, overCap } from './invitations';
import { nextOccurrences, parseRecurrence } from './recurrence';
import { checkThemes } from './session-fields';
import {
  DAY,
  HORIZON_DAYS,
  presentSessions,
  SESSIONS_AHEAD,
  type SessionView,
  type Venue,
} from './session-views';
import { instantOf, localOf, type Zone, zoneOfLabel } from './time';

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
  const cap = invitationCap(tenant, admin);
  if (invited.length > cap) errors.push(overCap('body.invitedTenantIds', cap));
  else if (invited.length) {
    const found = await ctx.db
      .select({ id: tenants.id })
      .from(tenants)
      .where(inArray(tenants.id, invited));
    invited.forEach((id, i) => {
      if (!found.some((f) => f.id === id))
        errors.push({
          location: `body.invitedTenantIds.${i}`,
          message: fieldMessage('agreements.unknown_tenant'),
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
      message: fieldMessage('forums.no_such_local_date_time_format'),
    });
  const opensDays = input.registrationOpensDays ?? 60;
  const closesDays = input.registrationClosesDays ?? 3;
  if (closesDays >= opensDays)
    errors.push({
      location: 'body.registrationClosesDays',
      message: fieldMessage('forums.registration_must_close_after_opens_fewer'),
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

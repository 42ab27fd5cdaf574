import { and, eq, inArray } from 'drizzle-orm';
import { calendarFeeds, forumSessions, forums, tenants } from '../../db/schema';
import { authorize, requireUser } from '../identity/access';
import { creatorsOf } from '../identity/members';
import { recordAudit } from '../platform/audit';
import type { Ctx } from '../platform/context';
import { ApiError, notFound } from '../platform/errors';
import { linkOf } from '../platform/links';
import { governmentOf } from '../platform/offices';
import { hashSecret, randomSecret, secretMatches } from '../platform/secrets';
import { calendarOf } from './calendar';
import { visibleSession } from './public-sessions';
import { sessionsAttendedBy } from './registrations';
import { publishedMeetingsOf } from './schedule';

/** One session as a calendar file: public once published. */
export async function sessionCalendar({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { forumId: string; sessionId: string };
}) {
  const session = await visibleSession(ctx, input.forumId, input.sessionId);
  const [convener] = await ctx.db
    .select({ type: tenants.type, name: tenants.name, regionCode: tenants.regionCode })
    .from(tenants)
    .where(eq(tenants.id, session.tenantId));
  return calendarOf({
    name: session.title,
    origin: ctx.config,
    entries: [{ session, convenerName: convener ? governmentOf(convener) : '' }],
    now: ctx.now(),
  });
}

/**
 * A tenant's calendar subscription: a secret URL, shown once, stored as a
 * hash; creating it again replaces (and so revokes) the previous one.
 */
export async function createCalendarFeed({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { tenantId: string };
}) {
  const { tenant } = await authorize(ctx, input.tenantId, 'forums.register');
  const actor = requireUser(ctx);
  const token = randomSecret();
  await ctx.db.transaction(async (tx) => {
    await tx
      .insert(calendarFeeds)
      .values({
        tenantId: tenant.id,
        tokenHash: hashSecret(token),
        createdBy: actor.user.id,
        createdAt: ctx.now(),
      })
      .onConflictDoUpdate({
        target: calendarFeeds.tenantId,
        set: { tokenHash: hashSecret(token), createdBy: actor.user.id, createdAt: ctx.now() },
      });
    await recordAudit(tx, ctx, {
      tenantId: tenant.id,
      action: 'calendar_feed.created',
      targetType: 'calendar_feed',
      targetId: tenant.id,
      diff: {},
    });
  });
  return {
    url: linkOf(ctx.config, 'calendarFeed', { tenantId: tenant.id, token }),
    token,
    createdAt: ctx.now(),
  };
}

export async function revokeCalendarFeed({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { tenantId: string };
}) {
  const { tenant } = await authorize(ctx, input.tenantId, 'forums.register');
  requireUser(ctx);
  await ctx.db.transaction(async (tx) => {
    const gone = await tx
      .delete(calendarFeeds)
      .where(eq(calendarFeeds.tenantId, tenant.id))
      .returning({ id: calendarFeeds.tenantId });
    if (gone.length === 0) throw notFound({ key: 'calendar.invalid_token' });
    await recordAudit(tx, ctx, {
      tenantId: tenant.id,
      action: 'calendar_feed.revoked',
      targetType: 'calendar_feed',
      targetId: tenant.id,
      diff: {},
    });
  });
}

/**
 * The feed itself, read by calendar programs with the token alone: every
 * session the tenant registered for (a waitlisted place is tentative) and
 * every published session it convenes. A wrong token answers 404, compared in
 * constant time.
 */
export async function calendarFeed({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { tenantId: string; token: string };
}) {
  const [feed] = await ctx.db
    .select()
    .from(calendarFeeds)
    .where(eq(calendarFeeds.tenantId, input.tenantId));
  // a missing feed costs the same comparison as a wrong token
  if (!secretMatches(input.token, feed?.tokenHash ?? '0'.repeat(64)) || !feed)
    throw new ApiError('NOT_FOUND', { key: 'calendar.invalid_token' });
  const [tenant] = await ctx.db.select().from(tenants).where(eq(tenants.id, input.tenantId));
  const [attending, convening, meetings] = await Promise.all([
    sessionsAttendedBy(ctx.db, input.tenantId),
    ctx.db
      .select({ session: forumSessions })
      .from(forumSessions)
      .innerJoin(forums, eq(forums.id, forumSessions.forumId))
      .where(
        and(
          eq(forumSessions.tenantId, input.tenantId),
          inArray(forumSessions.status, [
            'published',
            'registration_open',
            'registration_closed',
            'held',
            'closed',
            'cancelled',
          ]),
        ),
      ),
    publishedMeetingsOf(ctx.db, input.tenantId),
  ]);
  const counterparts = new Map(
    (
      await ctx.db
        .select({ id: tenants.id, name: tenants.name })
        .from(tenants)
        .where(
          inArray(tenants.id, [
            '',
            ...meetings.map(({ m }) =>
              m.requesterTenantId === input.tenantId ? m.recipientTenantId : m.requesterTenantId,
            ),
          ]),
        )
    ).map((t) => [t.id, t.name]),
  );
  return calendarOf({
    name: `Sinergi — ${tenant?.name ?? ''}`,
    origin: ctx.config,
    entries: [
      ...attending.map((a) => ({
        session: a.session,
        convenerName: governmentOf(a.convener),
        tentative: a.status !== 'approved',
      })),
      ...convening.map((c) => ({
        session: c.session,
        convenerName: tenant ? governmentOf(tenant) : '',
      })),
    ],
    meetings: meetings.map(({ m, session }) => ({
      id: m.id,
      session,
      start: m.publishedSlotStart!,
      minutes: session.dayPlan?.slotMinutes ?? 30,
      table: m.publishedTable ?? 0,
      counterpart:
        counterparts.get(
          m.requesterTenantId === input.tenantId ? m.recipientTenantId : m.requesterTenantId,
        ) ?? '',
      sequence: m.sequence,
      cancelled: m.status !== 'accepted',
    })),
    now: ctx.now(),
  });
}

/** The tenant's calendar feed (none or one), for its admins: when and by whom it was made. */
export async function listCalendarFeeds({ ctx, input }: { ctx: Ctx; input: { tenantId: string } }) {
  const { tenant } = await authorize(ctx, input.tenantId, 'members.manage');
  const rows = await ctx.db
    .select({ createdAt: calendarFeeds.createdAt, createdBy: calendarFeeds.createdBy })
    .from(calendarFeeds)
    .where(eq(calendarFeeds.tenantId, tenant.id));
  const creators = await creatorsOf(
    ctx.db,
    tenant.id,
    rows.map((r) => r.createdBy),
  );
  return {
    data: rows.map((r) => ({ createdAt: r.createdAt, creator: creators.get(r.createdBy) ?? null })),
  };
}

import { and, asc, desc, eq, gte, inArray, lt, or, type SQL, sql } from 'drizzle-orm';
import { forumSessions, forums, tenants } from '../../db/schema/index';
import { membershipOf } from '../identity/access';
import { type Ctx } from '../platform/context';
import { notFound } from '../platform/errors';
import { decodeCursor, encodeCursor } from '../platform/pagination';
import { minutesReader, presentSessions, VISIBLE } from './session-views';

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

import { and, asc, desc, eq, inArray, isNull, type SQL, sql } from 'drizzle-orm';
import { digestPreferences, inboxItems, memberships, tenants, users } from '../../db/schema';
import { requireUser } from '../identity/access';
import { recordAudit } from '../platform/audit';
import type { Ctx } from '../platform/context';
import { notFound } from '../platform/errors';
import { placeOf } from '../platform/offices';
import { EVENT_TYPES, type EventType } from './types';

/**
 * The signed-in person's inbox across their tenants: open action items first,
 * the nearest deadline first, then notifications, newest first. Only tenants
 * they still belong to are shown (a removed member's items stay out of sight).
 */
export async function listInbox({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { status: 'open' | 'all'; tenantId?: string; limit: number };
}) {
  const actor = requireUser(ctx);
  const mine = await ctx.db
    .select({
      tenantId: memberships.tenantId,
      type: tenants.type,
      name: tenants.name,
      regionCode: tenants.regionCode,
    })
    .from(memberships)
    .innerJoin(tenants, eq(tenants.id, memberships.tenantId))
    .where(eq(memberships.userId, actor.user.id));
  const tenantIds = mine
    .map((m) => m.tenantId)
    .filter((t) => !input.tenantId || t === input.tenantId);
  if (tenantIds.length === 0) return { data: [], counts: [] };
  const where: SQL[] = [
    eq(inboxItems.userId, actor.user.id),
    inArray(inboxItems.tenantId, tenantIds),
  ];
  if (input.status === 'open') where.push(isNull(inboxItems.closedAt));
  const [rows, counts] = await Promise.all([
    ctx.db
      .select()
      .from(inboxItems)
      .where(and(...where))
      .orderBy(
        // open action items first, by deadline; then everything else, newest first
        sql`case when ${inboxItems.kind} = 'action' and ${inboxItems.closedAt} is null then 0 else 1 end`,
        sql`${inboxItems.dueAt} asc nulls last`,
        desc(inboxItems.createdAt),
        asc(inboxItems.id),
      )
      .limit(input.limit),
    ctx.db
      .select({
        tenantId: inboxItems.tenantId,
        open: sql<number>`(count(*) filter (where ${inboxItems.kind} = 'action' and ${inboxItems.closedAt} is null))::int`,
        unread: sql<number>`(count(*) filter (where ${inboxItems.readAt} is null and ${inboxItems.closedAt} is null))::int`,
      })
      .from(inboxItems)
      .where(and(eq(inboxItems.userId, actor.user.id), inArray(inboxItems.tenantId, tenantIds)))
      .groupBy(inboxItems.tenantId),
  ]);
  const names = new Map(mine.map((m) => [m.tenantId, placeOf(m)]));
  return {
    data: rows.map((r) => itemView(ctx, r)),
    counts: tenantIds.map((t) => {
      const c = counts.find((x) => x.tenantId === t);
      return {
        tenantId: t,
        tenantName: names.get(t) ?? '',
        open: Number(c?.open ?? 0),
        unread: Number(c?.unread ?? 0),
      };
    }),
  };
}

type Row = typeof inboxItems.$inferSelect;

export function itemView(ctx: Ctx, r: Row) {
  const spec = EVENT_TYPES[r.type as EventType];
  return {
    id: r.id,
    tenantId: r.tenantId,
    type: r.type,
    kind: r.kind as 'action' | 'info',
    objectType: r.objectType,
    objectId: r.objectId,
    operation: spec?.operation ?? null,
    text: ctx.lang === 'en' ? r.text.en : r.text.id,
    texts: r.text,
    dueAt: r.dueAt,
    read: r.readAt !== null,
    closed: r.closedAt !== null,
    createdAt: r.createdAt,
  };
}

/** Marks one of the person's items read (another person's item answers 404). */
export async function markInboxItemRead({ ctx, input }: { ctx: Ctx; input: { itemId: string } }) {
  const actor = requireUser(ctx);
  const updated = await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .update(inboxItems)
      .set({ readAt: sql`coalesce(${inboxItems.readAt}, ${ctx.now()})` })
      .where(and(eq(inboxItems.id, input.itemId), eq(inboxItems.userId, actor.user.id)))
      .returning();
    if (!row) throw notFound({ key: 'inbox_item.not_found' });
    await recordAudit(tx, ctx, {
      tenantId: row.tenantId,
      action: 'inbox.read',
      targetType: 'inbox_item',
      targetId: row.id,
      diff: {},
    });
    return row;
  });
  return itemView(ctx, updated);
}

/**
 * Open inbox items with who reads them: the person (address, language), the
 * office they hold in the item's tenant and the email channels they chose
 * there; only current members. What the inbox emails and the digest say both
 * read this. Nearest deadline first, then oldest.
 */
export function openItemsWithReaders(db: Ctx['db'], where: SQL | undefined) {
  return db
    .select({
      id: inboxItems.id,
      userId: inboxItems.userId,
      tenantId: inboxItems.tenantId,
      type: inboxItems.type,
      kind: inboxItems.kind,
      objectType: inboxItems.objectType,
      objectId: inboxItems.objectId,
      text: inboxItems.text,
      dueAt: inboxItems.dueAt,
      email: users.email,
      name: users.name,
      locale: users.locale,
      role: memberships.role,
      channels: digestPreferences.channels,
      tenant: { type: tenants.type, name: tenants.name, regionCode: tenants.regionCode },
    })
    .from(inboxItems)
    .innerJoin(users, eq(users.id, inboxItems.userId))
    .innerJoin(
      memberships,
      and(eq(memberships.userId, inboxItems.userId), eq(memberships.tenantId, inboxItems.tenantId)),
    )
    .innerJoin(tenants, eq(tenants.id, inboxItems.tenantId))
    .leftJoin(
      digestPreferences,
      and(
        eq(digestPreferences.userId, inboxItems.userId),
        eq(digestPreferences.tenantId, inboxItems.tenantId),
      ),
    )
    .where(and(isNull(inboxItems.closedAt), where))
    .orderBy(sql`${inboxItems.dueAt} asc nulls last`, asc(inboxItems.createdAt));
}

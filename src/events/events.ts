import { and, asc, eq, gt, inArray, isNull, max } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { domainEvents, inboxItems, memberships, tenants } from '../../db/schema';
import { enqueueEmail } from '../email/outbox';
import { actingUserId, type Ctx } from '../platform/context';
import { wibDate } from '../platform/date-rules';
import type { Lang } from '../platform/i18n';
import { newId } from '../platform/ids';
import { linkOf } from '../platform/links';
import { officeOf, placeOf } from '../platform/offices';
import { fanOut, sendDueWebhooks } from '../webhooks/deliveries';
import { defaultOutbound } from '../webhooks/outbound';
import { channelOf, emailWindowMs } from './channels';
import { openItemsWithReaders } from './inbox';
import { EVENT_TYPES, type EventType, type PayloadOf, textOf } from './types';

/**
 * The event stream: `recordEvent` writes an event in the transaction of the
 * change (rolled back with it), `deliverEvents` turns committed events into
 * inbox items after the response, and the jobs runner delivers whatever a
 * crash left behind. Delivery claims events with `for update skip locked` and
 * items are unique per person and event: two workers deliver each once.
 */
export async function recordEvent<T extends EventType>(
  tx: Tx,
  ctx: Ctx,
  event: {
    type: T;
    /** the tenants whose people are told */
    tenantIds: string[];
    objectId: string;
    payload: PayloadOf<T>;
    /** tenants whose open items of the types this event closes are closed (default: `tenantIds`) */
    closeTenantIds?: string[];
    /** the object whose items it closes, when another than its own (a report's earlier version) */
    closeObjectId?: string;
    /** an action item's deadline */
    dueAt?: Date | null;
    /** a reminder's step (7 days, 1 day…): recorded once per object and step */
    step?: string;
  },
): Promise<void> {
  const spec = EVENT_TYPES[event.type];
  spec.payload.parse(event.payload);
  await tx.insert(domainEvents).values({
    id: newId('domainEvent', ctx.now().getTime()),
    type: event.type,
    tenantIds: [...new Set(event.tenantIds)],
    objectType: spec.object,
    objectId: event.objectId,
    actorUserId: actingUserId(ctx) ?? null,
    payload: {
      ...event.payload,
      ...(event.closeTenantIds ? { closeTenantIds: event.closeTenantIds } : {}),
      ...(event.closeObjectId ? { closeObjectId: event.closeObjectId } : {}),
      ...(event.dueAt ? { dueAt: event.dueAt.toISOString() } : {}),
      ...(event.step ? { step: event.step } : {}),
    },
    createdAt: ctx.now(),
  });
  // after the response: deliver, then email what now awaits people (collapsed per person)
  ctx.defer(async () => {
    const { userIds, endpointIds } = await deliverEvents(ctx);
    await emailInbox(ctx, { userIds });
    // only the endpoints this change wrote to: retries and others are the job's
    if (endpointIds.length)
      await sendDueWebhooks(ctx, defaultOutbound(ctx.config), 200, { endpointIds });
  }, 'deliver-events');
}

const DECIDERS: Record<string, string[]> = { region: ['admin', 'head'], partner: ['admin'] };
/** Those who act for a tenant at forums (the `forums.register` roles). */
const DELEGATES: Record<string, string[]> = {
  region: ['admin', 'liaison', 'head'],
  partner: ['admin', 'member'],
};

type Member = { userId: string; role: string; agencyId: string | null };
/** Who in a tenant is told, from its memberships now (a removed member is no longer anyone). */
function audienceOf(
  tenant: { type: string; members: Member[] } | undefined,
  audience: 'deciders' | 'admins' | 'agency' | 'forum' | 'liaisons' | 'named',
  payload: Record<string, unknown>,
): string[] {
  if (!tenant) return [];
  const agencyId = (payload.agencyId as string | null | undefined) ?? null;
  if (audience === 'named') {
    const named = new Set((payload.userIds as string[] | undefined) ?? []);
    return tenant.members.filter((m) => named.has(m.userId)).map((m) => m.userId);
  }
  const admins = tenant.members.filter((m) => m.role === 'admin').map((m) => m.userId);
  if (audience === 'admins') return admins;
  if (audience === 'liaisons') {
    const liaisons = tenant.members.filter((m) => m.role === 'liaison').map((m) => m.userId);
    return liaisons.length ? liaisons : admins;
  }
  if (audience === 'agency') {
    const liaisons = tenant.members
      .filter((m) => m.role === 'liaison' && agencyId && m.agencyId === agencyId)
      .map((m) => m.userId);
    return liaisons.length ? liaisons : admins;
  }
  const roles = (audience === 'forum' ? DELEGATES : DECIDERS)[tenant.type] ?? ['admin'];
  return tenant.members.filter((m) => roles.includes(m.role)).map((m) => m.userId);
}

/**
 * Delivers committed events, oldest first: an item for each person told (once:
 * unique per person and event), and the open items an event answers closed.
 * A claim's memberships are read in one statement and its items written
 * together; items are written before an event that closes items, so an
 * answer in the same claim closes what the question opened.
 */
export async function deliverEvents(
  ctx: Pick<Ctx, 'db' | 'now'>,
  limit = 200,
): Promise<{ delivered: number; items: number; userIds: string[]; endpointIds: string[] }> {
  return ctx.db.transaction(async (tx) => {
    const events = await tx
      .select()
      .from(domainEvents)
      .where(isNull(domainEvents.deliveredAt))
      .orderBy(asc(domainEvents.createdAt), asc(domainEvents.id))
      .limit(limit)
      .for('update', { skipLocked: true });
    if (events.length === 0) return { delivered: 0, items: 0, userIds: [], endpointIds: [] };
    const now = ctx.now();
    const tenantIds = [...new Set(events.flatMap((e) => e.tenantIds))];
    const tenantsById = new Map<string, { type: string; members: Member[] }>();
    if (tenantIds.length) {
      const rows = await tx
        .select({
          tenantId: tenants.id,
          type: tenants.type,
          userId: memberships.userId,
          role: memberships.role,
          agencyId: memberships.agencyId,
        })
        .from(tenants)
        .leftJoin(memberships, eq(memberships.tenantId, tenants.id))
        .where(inArray(tenants.id, tenantIds));
      for (const r of rows) {
        const t = tenantsById.get(r.tenantId) ?? { type: r.type, members: [] };
        if (r.userId) t.members.push({ userId: r.userId, role: r.role!, agencyId: r.agencyId });
        tenantsById.set(r.tenantId, t);
      }
    }
    let items = 0;
    const told = new Set<string>();
    let pending: (typeof inboxItems.$inferInsert)[] = [];
    const flush = async () => {
      for (let i = 0; i < pending.length; i += 1000) {
        const inserted = await tx
          .insert(inboxItems)
          .values(pending.slice(i, i + 1000))
          .onConflictDoNothing()
          .returning({ id: inboxItems.id, userId: inboxItems.userId });
        items += inserted.length;
        for (const r of inserted) told.add(r.userId);
      }
      pending = [];
    };
    for (const e of events) {
      const type = e.type as EventType;
      const spec = EVENT_TYPES[type];
      if (!spec) continue;
      const payload = e.payload as Record<string, unknown>;
      const closers = (payload.closeTenantIds as string[] | undefined) ?? e.tenantIds;
      if (spec.closes.length && closers.length) {
        await flush();
        await tx
          .update(inboxItems)
          .set({ closedAt: now })
          .where(
            and(
              eq(inboxItems.objectId, (payload.closeObjectId as string | undefined) ?? e.objectId),
              inArray(inboxItems.type, [...spec.closes]),
              inArray(inboxItems.tenantId, closers),
              isNull(inboxItems.closedAt),
            ),
          );
      }
      const text = textOf(type, payload);
      const dueAt = typeof payload.dueAt === 'string' ? new Date(payload.dueAt) : null;
      for (const tenantId of e.tenantIds)
        for (const userId of audienceOf(tenantsById.get(tenantId), spec.audience, payload))
          pending.push({
            id: newId('inboxItem', now.getTime()),
            userId,
            tenantId,
            eventId: e.id,
            type,
            kind: spec.kind,
            objectType: e.objectType,
            objectId: e.objectId,
            text,
            dueAt: spec.kind === 'action' ? dueAt : null,
            // told by the change's own email already: never a second one
            emailedAt: 'ownEmail' in spec && spec.ownEmail ? now : null,
            createdAt: e.createdAt,
          });
    }
    await flush();
    // the same events, for the tenants' own systems (webhooks): sent after commit
    const endpointIds = await fanOut(tx, events, now);
    await tx
      .update(domainEvents)
      .set({ deliveredAt: now })
      .where(
        inArray(
          domainEvents.id,
          events.map((e) => e.id),
        ),
      );
    return { delivered: events.length, items, userIds: [...told], endpointIds };
  });
}

/** Delivers every waiting event, a claim of `batch` at a time (the jobs runner, after a crash). */
export async function deliverAll(
  ctx: Pick<Ctx, 'db' | 'now'>,
  batch = 500,
  onBatch?: (delivered: number) => void,
): Promise<{ delivered: number; items: number }> {
  let delivered = 0;
  let items = 0;
  for (;;) {
    const r = await deliverEvents(ctx, batch);
    delivered += r.delivered;
    items += r.items;
    onBatch?.(delivered);
    if (r.delivered < batch) return { delivered, items };
  }
}

/** At most one inbox email per person in this window: a burst of events becomes one email. */
export const INBOX_EMAIL_WINDOW_MS = 5 * 60_000;
/** Items older than this are not emailed any more (the digest and the inbox still have them). */
const EMAIL_HORIZON_MS = 3 * 86400_000;

/**
 * Emails each person their open items not yet emailed, by the channel they
 * chose for each event type (src/events/channels.ts): one email per person and
 * tenant, addressed to the office they hold there. A person emailed within the
 * channel's window (minutes for `immediately`, a day for `daily`) waits for a
 * later run, so a burst is collapsed; an item is claimed before its email is
 * written, so two runs never email it twice; only current members are written
 * to. `userIds`: only these people (those a delivery just reached).
 */
export async function emailInbox(
  ctx: Ctx,
  only?: { userIds: string[] },
): Promise<{ emails: number; items: number }> {
  if (only && only.userIds.length === 0) return { emails: 0, items: 0 };
  const now = ctx.now();
  const pending = await openItemsWithReaders(
    ctx.db,
    and(
      isNull(inboxItems.emailedAt),
      gt(inboxItems.createdAt, new Date(now.getTime() - EMAIL_HORIZON_MS)),
      ...(only ? [inArray(inboxItems.userId, only.userIds)] : []),
    ),
  );
  const emailable = pending
    .map((p) => ({
      ...p,
      window: emailWindowMs(
        channelOf(p.channels, p.role, p.type as EventType),
        INBOX_EMAIL_WINDOW_MS,
      ),
    }))
    .filter((p) => p.window !== null);
  if (emailable.length === 0) return { emails: 0, items: 0 };
  // each person's last inbox email
  const lastRows = await ctx.db
    .select({ userId: inboxItems.userId, at: max(inboxItems.emailedAt) })
    .from(inboxItems)
    .where(
      and(
        inArray(inboxItems.userId, [...new Set(emailable.map((p) => p.userId))]),
        gt(inboxItems.emailedAt, new Date(now.getTime() - 86400_000)),
      ),
    )
    .groupBy(inboxItems.userId);
  const last = new Map(lastRows.map((r) => [r.userId, r.at ? new Date(r.at).getTime() : 0]));
  const groups = new Map<string, typeof emailable>();
  for (const p of emailable) {
    const before = last.get(p.userId);
    if (before !== undefined && now.getTime() - before < p.window!) continue;
    const key = `${p.userId}|${p.tenantId}`;
    groups.set(key, [...(groups.get(key) ?? []), p]);
  }
  let emails = 0;
  let items = 0;
  for (const group of groups.values()) {
    const first = group[0]!;
    const lang: Lang = first.locale === 'en' ? 'en' : 'id';
    const sent = await ctx.db.transaction(async (tx) => {
      const claimed = await tx
        .update(inboxItems)
        .set({ emailedAt: now })
        .where(
          and(
            inArray(
              inboxItems.id,
              group.map((g) => g.id),
            ),
            isNull(inboxItems.emailedAt),
          ),
        )
        .returning({ id: inboxItems.id });
      const ids = new Set(claimed.map((c) => c.id));
      const mine = group.filter((g) => ids.has(g.id));
      if (mine.length === 0) return 0;
      await enqueueEmail(tx, ctx, first.email, lang, 'inbox', {
        name: first.name,
        office: officeOf(first.tenant, first.role, lang),
        tenant: placeOf(first.tenant),
        items: mine.map((m) => ({
          text: m.text,
          due: m.dueAt ? wibDate(m.dueAt) : null,
          action: m.kind === 'action',
        })),
        url: linkOf(ctx.config, 'inbox', { tenantId: first.tenantId }),
      });
      return mine.length;
    });
    if (sent) {
      emails += 1;
      items += sent;
    }
  }
  return { emails, items };
}

import { and, eq, inArray, type SQL } from 'drizzle-orm';
import {
  digestItems,
  digestPreferences,
  digests,
  discussionNotifications,
  memberships,
  regions,
  tenants,
  users,
} from '../../db/schema';
import { dispatchOutbox, enqueueEmails } from '../email/outbox';
import { localOf, spokenDay, zoneOfLabel } from '../forums/time';
import type { Ctx } from '../platform/context';
import type { Lang } from '../platform/i18n';
import { newId } from '../platform/ids';
import { linkOf } from '../platform/links';
import { officeOf, placeOf } from '../platform/offices';
import { sign, signatureMatches } from '../platform/secrets';
import type { TimeZone } from '../reference/geography';
import { composeBatch, type Recipient } from './compose';
import { renderDigest } from './render';

/**
 * When digests go out: at 07:00 in the recipient's region's own zone (WIB,
 * WITA, WIT; partners WIB) on the period's first day — every day, or Mondays
 * — and, if the job ran late, at its next run within the period. A period is
 * keyed (`daily:2026-11-27`, `weekly:2026-11-23`); one digest per recipient,
 * tenant and key, whatever runs when.
 */
export const SEND_HOUR = 7;
export type Zone = TimeZone;
export type Frequency = 'daily' | 'weekly';

export function periodOf(now: Date, zone: Zone, frequency: Frequency) {
  const local = localOf(now, zoneOfLabel(zone));
  const date = local.slice(0, 10);
  const hour = Number(local.slice(11, 13));
  if (frequency === 'daily') return { key: `daily:${date}`, due: hour >= SEND_HOUR, first: date };
  const weekday = (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7; // Monday 0
  const monday = new Date(Date.parse(`${date}T00:00:00Z`) - weekday * 86400_000)
    .toISOString()
    .slice(0, 10);
  return { key: `weekly:${monday}`, due: weekday > 0 || hour >= SEND_HOUR, first: monday };
}

/**
 * The default: the head and the TKKSD secretariat (a tenant's admins, who do the
 * work) get the weekly digest; everyone else none until they ask.
 */
export const defaultFrequency = (role: string) =>
  role === 'head' || role === 'admin' ? 'weekly' : 'off';

export type Planned = Recipient & {
  /** the version of the one-click unsubscribe token (see `unsubscribeToken`) */
  unsubscribeVersion: number;
  periodKey: string;
  zone: Zone;
  language: Lang;
  email: string;
  name: string;
  tenantName: string;
  /** the office the recipient holds there, addressed by it ("Bupati Badung"), if any */
  office: string | null;
};

/** The tenant as the digest names it, and whom it addresses (`officeOf`). */
export const addressOf = (
  r: { role: string; tenantName: string; tenantType: string; regionCode: string | null },
  lang: Lang,
) => {
  const tenant = { type: r.tenantType, name: r.tenantName, regionCode: r.regionCode };
  return { tenantName: placeOf(tenant), office: officeOf(tenant, r.role, lang) };
};

/** Memberships with their digest settings (none chosen: null), their zone and who they are. */
export function digestSettings(ctx: Ctx, where: SQL | undefined) {
  return ctx.db
    .select({
      userId: memberships.userId,
      tenantId: memberships.tenantId,
      role: memberships.role,
      email: users.email,
      name: users.name,
      locale: users.locale,
      tenantName: tenants.name,
      tenantType: tenants.type,
      regionCode: tenants.regionCode,
      zone: regions.timeZone,
      frequency: digestPreferences.frequency,
      sections: digestPreferences.sections,
      language: digestPreferences.language,
      unsubscribeVersion: digestPreferences.unsubscribeVersion,
      channels: digestPreferences.channels,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .innerJoin(tenants, eq(tenants.id, memberships.tenantId))
    .leftJoin(regions, eq(regions.code, tenants.regionCode))
    .leftJoin(
      digestPreferences,
      and(
        eq(digestPreferences.userId, memberships.userId),
        eq(digestPreferences.tenantId, memberships.tenantId),
      ),
    )
    .where(where);
}

/** Everyone whose digest is due now and not yet composed for the period. */
export async function dueRecipients(ctx: Ctx): Promise<Planned[]> {
  const rows = await digestSettings(ctx, eq(tenants.status, 'active'));
  const now = ctx.now();
  const planned: Planned[] = [];
  for (const r of rows) {
    const frequency = r.frequency ?? defaultFrequency(r.role);
    if (frequency === 'off') continue;
    const zone = (r.zone ?? 'WIB') as Zone;
    const period = periodOf(now, zone, frequency);
    if (!period.due) continue;
    const language = ((r.language ?? r.locale) === 'en' ? 'en' : 'id') as Lang;
    planned.push({
      userId: r.userId,
      tenantId: r.tenantId,
      sections: r.sections ?? [],
      unsubscribeVersion: r.unsubscribeVersion ?? 0,
      periodKey: period.key,
      zone,
      language,
      email: r.email,
      name: r.name,
      ...addressOf(r, language),
    });
  }
  if (planned.length === 0) return [];
  const done = await ctx.db
    .select({ userId: digests.userId, tenantId: digests.tenantId, key: digests.periodKey })
    .from(digests)
    .where(inArray(digests.periodKey, [...new Set(planned.map((p) => p.periodKey))]));
  const seen = new Set(done.map((d) => `${d.userId}|${d.tenantId}|${d.key}`));
  return planned.filter((p) => !seen.has(`${p.userId}|${p.tenantId}|${p.periodKey}`));
}

/**
 * The signed one-click token that turns a recipient's digest off (RFC 8058),
 * without signing in. It carries the preference's version: turning the digest
 * back on advances it, so an old token (in an old email) no longer works.
 */
export const unsubscribeToken = (userId: string, tenantId: string, version: number) =>
  `${userId}.${tenantId}.v${version}.${sign(`digest-unsubscribe|${userId}|${tenantId}|${version}`)}`;
export function readUnsubscribeToken(
  token: string,
): { userId: string; tenantId: string; version: number } | null {
  const parts = token.split('.');
  // tokens sent before versions existed are version 0
  if (parts.length === 3) {
    const [userId, tenantId, mac] = parts;
    return userId &&
      tenantId &&
      mac &&
      signatureMatches(`digest-unsubscribe|${userId}|${tenantId}`, mac)
      ? { userId, tenantId, version: 0 }
      : null;
  }
  const [userId, tenantId, v, mac, extra] = parts;
  if (!userId || !tenantId || !v || !mac || extra !== undefined || !/^v\d{1,9}$/.test(v))
    return null;
  const version = Number(v.slice(1));
  return signatureMatches(`digest-unsubscribe|${userId}|${tenantId}|${version}`, mac)
    ? { userId, tenantId, version }
    : null;
}

/** "Senin, 23 November 2026 (WIT)": the day in the recipient's zone. */
export const dayLabel = (now: Date, zone: Zone, lang: Lang) =>
  spokenDay(now, zoneOfLabel(zone), lang);

export function digestEmail(
  ctx: Ctx,
  p: Planned,
  items: Parameters<typeof renderDigest>[0]['items'],
) {
  const token = unsubscribeToken(p.userId, p.tenantId, p.unsubscribeVersion);
  const unsubscribeUrl = linkOf(ctx.config, 'unsubscribeDigest', { token });
  const rendered = renderDigest({
    lang: p.language,
    recipientName: p.name,
    recipientOffice: p.office,
    tenantName: p.tenantName,
    periodLabel: dayLabel(ctx.now(), p.zone, p.language),
    items,
    unsubscribeUrl,
    preferencesUrl: linkOf(ctx.config, 'notificationSettings', {}),
  });
  return { rendered, unsubscribeUrl };
}

/**
 * Composes and queues one batch's digests, in one transaction and a fixed
 * number of statements: each recipient's digest row is claimed by its unique
 * key (a concurrent or repeated run finds it taken and sends nothing), the
 * items recorded, the discussion notifications covered marked, and the emails
 * put in the outbox with the digest's id as Resend's Idempotency-Key and
 * one-click List-Unsubscribe headers. Nothing to say: an `empty` row, no email.
 */
export async function sendDigestBatch(ctx: Ctx, batch: Planned[]) {
  const composed = await composeBatch(ctx, batch);
  const result = { sent: 0, empty: 0, skipped: 0 };
  if (batch.length === 0) return result;
  const now = ctx.now();
  const planned = batch.map((p) => ({
    p,
    id: newId('digest', now.getTime()),
    ...(composed.get(`${p.userId}|${p.tenantId}`) ?? { items: [], notes: [] }),
  }));
  // the whole batch in one transaction and a fixed number of statements
  await ctx.db.transaction(async (tx) => {
    const claimed = new Set(
      (
        await tx
          .insert(digests)
          .values(
            planned.map(({ p, id, items }) => ({
              id,
              userId: p.userId,
              tenantId: p.tenantId,
              periodKey: p.periodKey,
              status: items.length ? ('sent' as const) : ('empty' as const),
              itemCount: items.length,
              createdAt: now,
            })),
          )
          .onConflictDoNothing()
          .returning({ id: digests.id })
      ).map((r) => r.id),
    );
    const mine = planned.filter((x) => claimed.has(x.id));
    result.skipped = planned.length - mine.length;
    const sending = mine.filter((x) => x.items.length > 0);
    result.empty = mine.length - sending.length;
    result.sent = sending.length;
    if (sending.length === 0) return;
    await tx.insert(digestItems).values(
      sending.flatMap(({ p, id, items }) =>
        items.map((i) => ({
          digestId: id,
          userId: p.userId,
          tenantId: p.tenantId,
          itemKey: i.key,
          state: i.state,
          createdAt: now,
        })),
      ),
    );
    const notes = sending.flatMap((x) => x.notes);
    if (notes.length)
      await tx
        .update(discussionNotifications)
        .set({ digestedAt: now })
        .where(inArray(discussionNotifications.id, notes));
    await enqueueEmails(
      tx,
      ctx,
      sending.map(({ p, id, items }) => {
        const { rendered, unsubscribeUrl } = digestEmail(ctx, p, items);
        return {
          to: p.email,
          lang: p.language,
          template: 'digest' as const,
          params: rendered,
          idempotencyKey: id,
          headers: {
            'List-Unsubscribe': `<${unsubscribeUrl}>`,
            'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
          },
        };
      }),
    );
  });
  // the batch's emails leave together: one call to the provider's batch endpoint for up to 100
  if (result.sent) await dispatchOutbox(ctx, Math.max(result.sent, 20));
  return result;
}

/** Splits the due recipients into batches (the unit a queue message carries). */
export async function planDigests(ctx: Ctx, batchSize = 100) {
  const due = await dueRecipients(ctx);
  const batches: Planned[][] = [];
  for (let i = 0; i < due.length; i += batchSize) batches.push(due.slice(i, i + batchSize));
  return batches;
}

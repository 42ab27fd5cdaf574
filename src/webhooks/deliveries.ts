import { and, asc, eq, inArray, isNull, lt, lte, or, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import {
  type domainEvents,
  webhookAttempts,
  webhookDeliveries,
  webhookEndpoints,
} from '../../db/schema';
import { enqueueEmail } from '../email/outbox';
import { EVENT_TYPES, type EventObject, type EventType, textOf } from '../events/types';
import { adminsOf } from '../identity/members';
import { recordAudit } from '../platform/audit';
import type { Ctx } from '../platform/context';
import type { Lang } from '../platform/i18n';
import { newId } from '../platform/ids';
import { linkOf } from '../platform/links';
import { officeOf } from '../platform/offices';
import { unseal } from '../platform/secrets';
import { objectReader } from './objects';
import { type CallResult, call, type Outbound } from './outbound';
import { signedHeaders } from './signing';

/**
 * Webhook deliveries, at least once: each event concerning a tenant becomes a
 * message for each of its enabled endpoints that wants its type (in the
 * transaction that delivers the event to the inbox), then is sent, signed, and
 * retried with backoff and jitter for about a day. An endpoint failing for
 * three days is turned off and the tenant's admins are emailed. Receivers
 * deduplicate by `webhook-id` (the message id), which a retry keeps.
 */
export const API_VERSION = '2026-12-01';
/** After the n-th failed attempt the next waits this long (±20 %): about a day in all. */
export const RETRY_DELAYS_MS = [30, 120, 600, 1800, 3600, 7200, 14_400, 28_800, 28_800].map(
  (s) => s * 1000,
);
export const DISABLE_AFTER_MS = 3 * 86400_000;
/** A claimed message (and its endpoint) is not claimed again by another runner for this long. */
const LEASE_MS = 5 * 60_000;
/** Messages of one endpoint a run takes at most: 20 calls of 10 s fit in the lease. */
const PER_ENDPOINT_RUN = 20;
/** Endpoints called at once; each endpoint's messages go one after another, oldest first. */
const PARALLEL_ENDPOINTS = 32;
const KEEP_LOG_MS = 30 * 86400_000;

type EventRow = typeof domainEvents.$inferSelect;

/** Internal parts of an event's payload that are routing, not news (and may name other tenants). */
export const ROUTING_FIELDS = ['closeTenantIds', 'closeObjectId', 'step', 'userIds', 'agencyId'];
const ROUTING = new Set(ROUTING_FIELDS);

/**
 * The envelope a receiver gets: the event, for one tenant, with what its people
 * are told of it (the inbox's text in both languages) and the object it is
 * about; nothing that names what the tenant may not read.
 */
export function envelopeOf(e: EventRow, tenantId: string) {
  const type = e.type as EventType;
  const payload = e.payload as Record<string, unknown>;
  return {
    id: e.id,
    type,
    apiVersion: API_VERSION,
    occurredAt: e.createdAt.toISOString(),
    tenantId,
    // `object`, the object as the API returns it to this tenant, is read when the message is first sent
    data: {
      objectType: e.objectType,
      objectId: e.objectId,
      kind: EVENT_TYPES[type].kind,
      operation: EVENT_TYPES[type].operation,
      text: textOf(type, payload),
      ...Object.fromEntries(Object.entries(payload).filter(([k]) => !ROUTING.has(k))),
    },
  };
}

/** The test message an endpoint is sent when its tenant asks (`webhook.ping`). */
export function pingEnvelope(id: string, tenantId: string, now: Date) {
  return {
    id,
    type: 'webhook.ping' as const,
    apiVersion: API_VERSION,
    occurredAt: now.toISOString(),
    tenantId,
    data: {
      text: {
        id: 'Pesan uji dari Sinergi: alamat ini menerima dan memeriksa tanda tangan.',
        en: 'A test message from Sinergi: this endpoint receives and checks signatures.',
      },
    },
  };
}

/** Messages for the endpoints that want these events (in the delivering transaction); the endpoints written to. */
export async function fanOut(tx: Tx, events: EventRow[], now: Date): Promise<string[]> {
  const tenantIds = [...new Set(events.flatMap((e) => e.tenantIds))];
  if (tenantIds.length === 0) return [];
  const endpoints = await tx
    .select({
      id: webhookEndpoints.id,
      tenantId: webhookEndpoints.tenantId,
      eventTypes: webhookEndpoints.eventTypes,
    })
    .from(webhookEndpoints)
    .where(and(inArray(webhookEndpoints.tenantId, tenantIds), eq(webhookEndpoints.enabled, true)));
  if (endpoints.length === 0) return [];
  const rows: (typeof webhookDeliveries.$inferInsert)[] = [];
  for (const e of events) {
    if (!EVENT_TYPES[e.type as EventType]) continue;
    for (const endpoint of endpoints)
      if (
        e.tenantIds.includes(endpoint.tenantId) &&
        (endpoint.eventTypes.length === 0 || endpoint.eventTypes.includes(e.type))
      )
        rows.push({
          id: newId('webhookMessage', now.getTime()),
          endpointId: endpoint.id,
          tenantId: endpoint.tenantId,
          eventId: e.id,
          type: e.type,
          body: envelopeOf(e, endpoint.tenantId),
          nextAttemptAt: now,
          createdAt: now,
        });
  }
  for (let i = 0; i < rows.length; i += 1000)
    await tx
      .insert(webhookDeliveries)
      .values(rows.slice(i, i + 1000))
      .onConflictDoNothing();
  return [...new Set(rows.map((r) => r.endpointId))];
}

/** Messages to send at `now` (joined with their endpoint): pending, their wait over, nobody holding them, the endpoint on. */
const dueAt = (now: Date) =>
  and(
    eq(webhookDeliveries.status, 'pending'),
    lte(webhookDeliveries.nextAttemptAt, now),
    or(isNull(webhookDeliveries.leasedUntil), lt(webhookDeliveries.leasedUntil, now)),
    eq(webhookEndpoints.enabled, true),
  );

type Claimed = {
  delivery: typeof webhookDeliveries.$inferSelect;
  endpoint: typeof webhookEndpoints.$inferSelect;
};

/**
 * Sends the messages due now: claimed (skip locked, with a lease) so two
 * runners never send one at the same time; endpoints called in parallel, each
 * endpoint's messages in order, stopping at its first failure, so a slow or
 * dead receiver holds back only itself.
 */
export async function sendDueWebhooks(
  ctx: Ctx,
  out: Outbound,
  limit = 1000,
  /** only these endpoints' messages (those a change just wrote to; a queue message on Workers) */
  only?: { endpointIds: string[] },
): Promise<{ sent: number; failed: number; endpoints: number }> {
  const now = ctx.now();
  const claimed: Claimed[] = await ctx.db.transaction(async (tx) => {
    const due = await tx
      .select({ delivery: webhookDeliveries, endpoint: webhookEndpoints })
      .from(webhookDeliveries)
      .innerJoin(webhookEndpoints, eq(webhookEndpoints.id, webhookDeliveries.endpointId))
      .where(
        and(
          dueAt(now),
          ...(only ? [inArray(webhookDeliveries.endpointId, only.endpointIds)] : []),
          // an endpoint another runner is sending to is left to it: one sender per endpoint, in order
          sql`not exists (select 1 from ${webhookDeliveries} busy
            where busy.endpoint_id = ${webhookDeliveries.endpointId} and busy.leased_until > ${now})`,
        ),
      )
      .orderBy(asc(webhookDeliveries.createdAt), asc(webhookDeliveries.id))
      .limit(limit)
      .for('update', { of: webhookDeliveries, skipLocked: true });
    // at most a run's share per endpoint, so a slow one's lease stays short
    const perEndpoint = new Map<string, number>();
    const mine = due.filter((d) => {
      const n = (perEndpoint.get(d.endpoint.id) ?? 0) + 1;
      perEndpoint.set(d.endpoint.id, n);
      return n <= PER_ENDPOINT_RUN;
    });
    if (mine.length)
      await tx
        .update(webhookDeliveries)
        .set({ leasedUntil: new Date(now.getTime() + LEASE_MS) })
        .where(
          inArray(
            webhookDeliveries.id,
            mine.map((d) => d.delivery.id),
          ),
        );
    return mine;
  });
  const byEndpoint = new Map<string, Claimed[]>();
  for (const c of claimed)
    byEndpoint.set(c.endpoint.id, [...(byEndpoint.get(c.endpoint.id) ?? []), c]);
  const result = { sent: 0, failed: 0, endpoints: byEndpoint.size };
  const queue = [...byEndpoint.values()];
  const read = objectReader(ctx);
  const worker = async () => {
    for (let list = queue.shift(); list; list = queue.shift()) {
      const outcomes: Outcome[] = [];
      for (const c of list) {
        let body: Body;
        try {
          body = await withObject(read, c.delivery);
        } catch (err) {
          // the object could not be read (the database gone): this and the rest wait for the next run
          ctx.logger.error('webhook object unreadable', { deliveryId: c.delivery.id, err });
          break;
        }
        const o = await send(ctx, out, c, body);
        outcomes.push(o);
        // its later messages wait for it: released for the next run, in order
        if (!o.ok) break;
      }
      const rest = list.slice(outcomes.length).map((r) => r.delivery.id);
      await record(ctx, list[0]!.endpoint, outcomes, rest);
      for (const o of outcomes) result[o.ok ? 'sent' : 'failed'] += 1;
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL_ENDPOINTS, queue.length) }, worker));
  return result;
}

type Body = Record<string, unknown> & { data: Record<string, unknown> };
type Outcome = {
  delivery: Claimed['delivery'];
  at: Date;
  ok: boolean;
  /** the body as sent, when its object was read for this attempt (kept, so a retry sends the same) */
  body: Body | null;
} & CallResult;

/**
 * The message's body with its object, as the API returns it to the receiving
 * tenant now; read once, at the first attempt, and kept from then on.
 */
async function withObject(read: ReturnType<typeof objectReader>, delivery: Claimed['delivery']) {
  const body = delivery.body as Body;
  if (body.type === 'webhook.ping' || 'object' in body.data) return body;
  const { objectType, objectId } = body.data as { objectType: EventObject; objectId: string };
  return {
    ...body,
    data: { ...body.data, object: await read(delivery.tenantId, objectType, objectId) },
  };
}

/** One call of one message, signed with every secret valid now. */
async function send(
  ctx: Ctx,
  out: Outbound,
  { delivery, endpoint }: Claimed,
  sent: Body,
): Promise<Outcome> {
  const at = ctx.now();
  const secrets = [(await unseal(endpoint.secretSealed))!];
  if (
    endpoint.previousSecretSealed &&
    endpoint.previousSecretUntil &&
    endpoint.previousSecretUntil > at
  )
    secrets.push((await unseal(endpoint.previousSecretSealed))!);
  const body = JSON.stringify(sent);
  const headers = await signedHeaders(secrets, delivery.id, Math.floor(at.getTime() / 1000), body);
  const r = await call(endpoint.url, headers, body, out);
  return {
    delivery,
    at,
    ok: r.statusCode !== null && r.statusCode >= 200 && r.statusCode < 300,
    body: sent === delivery.body ? null : sent,
    ...r,
  };
}

/**
 * An endpoint's run, written in one transaction: each attempt logged, each
 * message succeeded, retried later (with backoff and jitter) or given up, the
 * rest released, the endpoint's failing streak kept — and after three days of
 * it, the endpoint turned off.
 */
async function record(
  ctx: Ctx,
  endpoint: Claimed['endpoint'],
  outcomes: Outcome[],
  released: string[],
) {
  await ctx.db.transaction(async (tx) => {
    if (outcomes.length) {
      await tx.insert(webhookAttempts).values(
        outcomes.map((o) => ({
          id: newId('webhookAttempt', o.at.getTime()),
          deliveryId: o.delivery.id,
          endpointId: endpoint.id,
          at: o.at,
          statusCode: o.statusCode,
          latencyMs: o.latencyMs,
          response: o.response,
        })),
      );
      const rows = outcomes.map((o) => {
        const attempts = o.delivery.attempts + 1;
        const delay = RETRY_DELAYS_MS[attempts - 1];
        const status = o.ok ? 'succeeded' : delay === undefined ? 'failed' : 'pending';
        const next = o.ok || delay === undefined ? o.at : new Date(o.at.getTime() + jitter(delay));
        const body = o.body ? JSON.stringify(o.body) : null;
        return sql`(${o.delivery.id}, ${attempts}::int, ${status}, ${next.toISOString()}::timestamptz, ${body}::jsonb)`;
      });
      await tx.execute(sql`
        update ${webhookDeliveries} set attempts = v.attempts, status = v.status,
          next_attempt_at = v.next, leased_until = null, body = coalesce(v.body, webhook_deliveries.body)
        from (values ${sql.join(rows, sql`, `)}) as v(id, attempts, status, next, body)
        where ${webhookDeliveries.id} = v.id`);
    }
    if (released.length)
      await tx
        .update(webhookDeliveries)
        .set({ leasedUntil: null })
        .where(inArray(webhookDeliveries.id, released));
    const last = outcomes.at(-1);
    if (!last) return;
    if (last.ok) {
      if (endpoint.failingSince)
        await tx
          .update(webhookEndpoints)
          .set({ failingSince: null })
          .where(eq(webhookEndpoints.id, endpoint.id));
      return;
    }
    if (!endpoint.failingSince)
      await tx
        .update(webhookEndpoints)
        .set({ failingSince: last.at })
        .where(and(eq(webhookEndpoints.id, endpoint.id), isNull(webhookEndpoints.failingSince)));
    else if (last.at.getTime() - endpoint.failingSince.getTime() >= DISABLE_AFTER_MS)
      await disable(tx, ctx, endpoint);
  });
}

const jitter = (ms: number) => Math.round(ms * (0.8 + Math.random() * 0.4));

/** Failing for days: turned off, and the tenant's admins told by email. */
async function disable(tx: Tx, ctx: Ctx, endpoint: Claimed['endpoint']) {
  const [off] = await tx
    .update(webhookEndpoints)
    .set({ enabled: false, disabledReason: 'failing', updatedAt: ctx.now() })
    .where(and(eq(webhookEndpoints.id, endpoint.id), eq(webhookEndpoints.enabled, true)))
    .returning({ id: webhookEndpoints.id });
  if (!off) return;
  await recordAudit(tx, ctx, {
    tenantId: endpoint.tenantId,
    action: 'webhook.disabled',
    targetType: 'webhook_endpoint',
    targetId: endpoint.id,
    diff: { enabled: { from: true, to: false } },
  });
  for (const admin of await adminsOf(tx, [endpoint.tenantId])) {
    const lang = admin.locale as Lang;
    await enqueueEmail(tx, ctx, admin.email, lang, 'webhook_disabled', {
      office: officeOf(admin.tenant, 'admin', lang),
      name: admin.name,
      url: endpoint.url,
      days: DISABLE_AFTER_MS / 86400_000,
      link: linkOf(ctx.config, 'webhookDeliveries', {
        tenantId: endpoint.tenantId,
        endpointId: endpoint.id,
      }),
    });
  }
}

/** Endpoints with messages due and nobody sending to them: what the cron hands to the queue on Workers. */
export async function endpointsDue(ctx: Ctx): Promise<string[]> {
  const now = ctx.now();
  const rows = await ctx.db
    .selectDistinct({ id: webhookDeliveries.endpointId })
    .from(webhookDeliveries)
    .innerJoin(webhookEndpoints, eq(webhookEndpoints.id, webhookDeliveries.endpointId))
    .where(dueAt(now));
  return rows.map((r) => r.id);
}

/** The log is kept 30 days: older attempts, and finished messages, are dropped. */
export async function purgeWebhookLog(ctx: Ctx) {
  const before = new Date(ctx.now().getTime() - KEEP_LOG_MS);
  const attempts = await ctx.db
    .delete(webhookAttempts)
    .where(lt(webhookAttempts.at, before))
    .returning({ id: webhookAttempts.id });
  const messages = await ctx.db
    .delete(webhookDeliveries)
    .where(
      and(lt(webhookDeliveries.createdAt, before), sql`${webhookDeliveries.status} <> 'pending'`),
    )
    .returning({ id: webhookDeliveries.id });
  return { attempts: attempts.length, messages: messages.length };
}

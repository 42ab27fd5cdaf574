import { and, desc, eq, inArray } from 'drizzle-orm';
import { webhookAttempts, webhookDeliveries, webhookEndpoints } from '../../db/schema';
import { EVENT_TYPE_NAMES, type EventType } from '../events/types';
import { authorize } from '../identity/access';
import { recordAudit } from '../platform/audit';
import { actingUserId, type Ctx } from '../platform/context';
import { badRequest, notFound } from '../platform/errors';
import { fieldMessage } from '../platform/field-messages';
import { newId } from '../platform/ids';
import { seal } from '../platform/secrets';
import { pingEnvelope, sendDueWebhooks } from './deliveries';
import { defaultOutbound, refusal } from './outbound';
import { newSigningSecret } from './signing';

/**
 * A tenant's webhook endpoints, managed by its admins (or an API key with the
 * `webhooks` scope); every change audited. The signing secret is shown once,
 * when the endpoint is made and when it is rotated; the previous one stays
 * valid for 24 hours after a rotation and deliveries are signed with both.
 */
export const ROTATION_OVERLAP_MS = 24 * 3600_000;

type EndpointRow = typeof webhookEndpoints.$inferSelect;

const view = (row: EndpointRow) => ({
  id: row.id,
  url: row.url,
  description: row.description,
  eventTypes: row.eventTypes as EventType[],
  enabled: row.enabled,
  disabledReason: row.disabledReason,
  failingSince: row.failingSince,
  previousSecretUntil: row.previousSecretUntil,
  createdAt: row.createdAt,
  updatedAt: row.updatedAt,
});

/** A URL Sinergi may call, else 400 naming `body.url` with the reason. */
async function checkUrl(ctx: Ctx, url: string) {
  const why = await refusal(url, defaultOutbound(ctx.config));
  if (why)
    throw badRequest({ key: 'request.invalid' }, [
      { location: 'body.url', message: fieldMessage(why.key, why.params) },
    ]);
}

async function endpointOf(ctx: Ctx, tenantId: string, endpointId: string) {
  const [row] = await ctx.db
    .select()
    .from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.id, endpointId), eq(webhookEndpoints.tenantId, tenantId)));
  if (!row) throw notFound({ key: 'webhook.not_found' });
  return row;
}

export async function createWebhookEndpoint({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { tenantId: string; url: string; description?: string; eventTypes?: EventType[] };
}) {
  const { tenant } = await authorize(ctx, input.tenantId, 'webhooks.manage');
  await checkUrl(ctx, input.url);
  const now = ctx.now();
  const secret = newSigningSecret();
  const id = newId('webhookEndpoint', now.getTime());
  const row = await ctx.db.transaction(async (tx) => {
    const [created] = await tx
      .insert(webhookEndpoints)
      .values({
        id,
        tenantId: tenant.id,
        url: input.url,
        description: input.description?.trim() ?? '',
        eventTypes: [...new Set(input.eventTypes ?? [])].sort(),
        secretSealed: await seal(secret),
        createdBy: actingUserId(ctx),
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    await recordAudit(tx, ctx, {
      tenantId: tenant.id,
      action: 'webhook.created',
      targetType: 'webhook_endpoint',
      targetId: id,
      diff: { url: { to: input.url }, eventTypes: { to: created!.eventTypes } },
    });
    return created!;
  });
  return { ...view(row), secret };
}

export async function listWebhookEndpoints({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { tenantId: string };
}) {
  const { tenant } = await authorize(ctx, input.tenantId, 'webhooks.manage');
  const rows = await ctx.db
    .select()
    .from(webhookEndpoints)
    .where(eq(webhookEndpoints.tenantId, tenant.id))
    .orderBy(desc(webhookEndpoints.createdAt));
  return { data: rows.map(view), eventTypes: [...EVENT_TYPE_NAMES] };
}

export async function updateWebhookEndpoint({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: {
    tenantId: string;
    endpointId: string;
    url?: string;
    description?: string;
    eventTypes?: EventType[];
    enabled?: boolean;
  };
}) {
  const { tenant } = await authorize(ctx, input.tenantId, 'webhooks.manage');
  const before = await endpointOf(ctx, tenant.id, input.endpointId);
  if (input.url !== undefined) await checkUrl(ctx, input.url);
  const now = ctx.now();
  const row = await ctx.db.transaction(async (tx) => {
    const [after] = await tx
      .update(webhookEndpoints)
      .set({
        ...(input.url !== undefined ? { url: input.url } : {}),
        ...(input.description !== undefined ? { description: input.description.trim() } : {}),
        ...(input.eventTypes ? { eventTypes: [...new Set(input.eventTypes)].sort() } : {}),
        // turned on again by its tenant: a fresh start
        ...(input.enabled !== undefined
          ? {
              enabled: input.enabled,
              ...(input.enabled ? { disabledReason: null, failingSince: null } : {}),
            }
          : {}),
        updatedAt: now,
      })
      .where(eq(webhookEndpoints.id, before.id))
      .returning();
    await recordAudit(tx, ctx, {
      tenantId: tenant.id,
      action: 'webhook.updated',
      targetType: 'webhook_endpoint',
      targetId: before.id,
      diff: Object.fromEntries(
        (['url', 'description', 'eventTypes', 'enabled'] as const)
          .filter((k) => input[k] !== undefined)
          .map((k) => [k, { from: before[k], to: after![k] }]),
      ),
    });
    return after!;
  });
  return view(row);
}

export async function deleteWebhookEndpoint({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { tenantId: string; endpointId: string };
}) {
  const { tenant } = await authorize(ctx, input.tenantId, 'webhooks.manage');
  const before = await endpointOf(ctx, tenant.id, input.endpointId);
  await ctx.db.transaction(async (tx) => {
    await tx.delete(webhookEndpoints).where(eq(webhookEndpoints.id, before.id));
    await recordAudit(tx, ctx, {
      tenantId: tenant.id,
      action: 'webhook.deleted',
      targetType: 'webhook_endpoint',
      targetId: before.id,
      diff: { url: { from: before.url } },
    });
  });
}

/** A new secret, shown once; the old one signs too for 24 hours, so receivers can switch without a gap. */
export async function rotateWebhookSecret({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { tenantId: string; endpointId: string };
}) {
  const { tenant } = await authorize(ctx, input.tenantId, 'webhooks.manage');
  const before = await endpointOf(ctx, tenant.id, input.endpointId);
  const now = ctx.now();
  const secret = newSigningSecret();
  const row = await ctx.db.transaction(async (tx) => {
    const [after] = await tx
      .update(webhookEndpoints)
      .set({
        secretSealed: await seal(secret),
        previousSecretSealed: before.secretSealed,
        previousSecretUntil: new Date(now.getTime() + ROTATION_OVERLAP_MS),
        updatedAt: now,
      })
      .where(eq(webhookEndpoints.id, before.id))
      .returning();
    await recordAudit(tx, ctx, {
      tenantId: tenant.id,
      action: 'webhook.secret_rotated',
      targetType: 'webhook_endpoint',
      targetId: before.id,
      diff: {},
    });
    return after!;
  });
  return { ...view(row), secret };
}

/** The delivery log of an endpoint: each message with its attempts, newest first. */
export async function listWebhookDeliveries({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { tenantId: string; endpointId: string; limit: number };
}) {
  const { tenant } = await authorize(ctx, input.tenantId, 'webhooks.manage');
  const endpoint = await endpointOf(ctx, tenant.id, input.endpointId);
  const deliveries = await ctx.db
    .select()
    .from(webhookDeliveries)
    .where(eq(webhookDeliveries.endpointId, endpoint.id))
    .orderBy(desc(webhookDeliveries.createdAt))
    .limit(input.limit);
  const attempts = deliveries.length
    ? await ctx.db
        .select()
        .from(webhookAttempts)
        .where(
          inArray(
            webhookAttempts.deliveryId,
            deliveries.map((d) => d.id),
          ),
        )
        .orderBy(webhookAttempts.at)
    : [];
  return {
    data: deliveries.map((d) => ({
      id: d.id,
      type: d.type,
      status: d.status as 'pending' | 'succeeded' | 'failed',
      attempts: attempts
        .filter((a) => a.deliveryId === d.id)
        .map((a) => ({
          at: a.at,
          statusCode: a.statusCode,
          latencyMs: a.latencyMs,
          response: a.response,
        })),
      nextAttemptAt: d.status === 'pending' ? d.nextAttemptAt : null,
      createdAt: d.createdAt,
    })),
  };
}

/** Sends the endpoint's messages due now after the response, as deliveries after a change do. */
const sendSoon = (ctx: Ctx, endpointId: string) =>
  ctx.defer(
    () => sendDueWebhooks(ctx, defaultOutbound(ctx.config), 200, { endpointIds: [endpointId] }),
    'send-webhooks',
  );

/** A test message (`webhook.ping`), sent now: the receiver and its signature check can be tried. */
export async function pingWebhookEndpoint({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { tenantId: string; endpointId: string };
}) {
  const { tenant } = await authorize(ctx, input.tenantId, 'webhooks.manage');
  const endpoint = await endpointOf(ctx, tenant.id, input.endpointId);
  const now = ctx.now();
  const id = newId('webhookMessage', now.getTime());
  await ctx.db.transaction(async (tx) => {
    await tx.insert(webhookDeliveries).values({
      id,
      endpointId: endpoint.id,
      tenantId: tenant.id,
      eventId: null,
      type: 'webhook.ping',
      body: pingEnvelope(id, tenant.id, now),
      nextAttemptAt: now,
      createdAt: now,
    });
    await recordAudit(tx, ctx, {
      tenantId: tenant.id,
      action: 'webhook.pinged',
      targetType: 'webhook_endpoint',
      targetId: endpoint.id,
      diff: {},
    });
  });
  sendSoon(ctx, endpoint.id);
  return { id };
}

/** One message sent again, now (with the same `webhook-id`: the receiver deduplicates). */
export async function redeliverWebhook({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { tenantId: string; endpointId: string; messageId: string };
}) {
  const { tenant } = await authorize(ctx, input.tenantId, 'webhooks.manage');
  const endpoint = await endpointOf(ctx, tenant.id, input.endpointId);
  await ctx.db.transaction(async (tx) => {
    const [again] = await tx
      .update(webhookDeliveries)
      .set({ status: 'pending', nextAttemptAt: ctx.now() })
      .where(
        and(
          eq(webhookDeliveries.id, input.messageId),
          eq(webhookDeliveries.endpointId, endpoint.id),
        ),
      )
      .returning({ id: webhookDeliveries.id });
    if (!again) throw notFound({ key: 'webhook.message_not_found' });
    await recordAudit(tx, ctx, {
      tenantId: tenant.id,
      action: 'webhook.redelivered',
      targetType: 'webhook_endpoint',
      targetId: endpoint.id,
      diff: { message: { to: input.messageId } },
    });
  });
  sendSoon(ctx, endpoint.id);
  return { id: input.messageId };
}

import { and, eq, sql } from 'drizzle-orm';
import { digestPreferences, memberships } from '../../db/schema';
import { type Channel, channelOf } from '../events/channels';
import { EVENT_TYPE_NAMES, EVENT_TYPES, type EventType } from '../events/types';
import { requireUser } from '../identity/access';
import { recordAudit } from '../platform/audit';
import type { Ctx } from '../platform/context';
import { ApiError, badRequest, notFound } from '../platform/errors';
import { fieldMessage } from '../platform/field-messages';
import type { Lang } from '../platform/i18n';
import { composeBatch } from './compose';
import { SECTIONS, titleOf } from './render';
import {
  addressOf,
  defaultFrequency,
  digestEmail,
  digestSettings,
  type Planned,
  readUnsubscribeToken,
  type Zone,
} from './run';

/** The caller's memberships with its digest settings for each (the default when it never chose). */
async function myTenants(ctx: Ctx) {
  const actor = requireUser(ctx);
  return digestSettings(ctx, eq(memberships.userId, actor.user.id));
}

const view = (ctx: Ctx, r: Awaited<ReturnType<typeof myTenants>>[number]) => ({
  tenantId: r.tenantId,
  tenantName: r.tenantName,
  role: r.role,
  frequency: r.frequency ?? defaultFrequency(r.role),
  isDefault: r.frequency === null,
  sections: r.sections ?? [],
  language: (r.language ?? (requireUser(ctx).user.locale === 'en' ? 'en' : 'id')) as Lang,
  zone: (r.zone ?? 'WIB') as Zone,
  events: EVENT_TYPE_NAMES.map((type) => ({
    type,
    kind: EVENT_TYPES[type].kind,
    channel: channelOf(r.channels, r.role, type),
    isDefault: !r.channels?.[type],
  })),
});

export async function listNotificationSettings({ ctx }: { ctx: Ctx; input?: undefined }) {
  return { data: (await myTenants(ctx)).map((r) => view(ctx, r)) };
}

export async function setNotificationSettings({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: {
    tenantId: string;
    frequency?: 'off' | 'daily' | 'weekly';
    sections?: string[];
    language?: 'id' | 'en';
    /** the email channel per event type; a type not named keeps its choice */
    events?: Partial<Record<EventType, Channel>>;
  };
}) {
  const actor = requireUser(ctx);
  const mine = (await myTenants(ctx)).find((r) => r.tenantId === input.tenantId);
  if (!mine) throw notFound({ key: 'tenant.not_found' });
  const bad = (input.sections ?? []).findIndex((s) => !(SECTIONS as readonly string[]).includes(s));
  if (bad >= 0)
    throw badRequest({ key: 'request.invalid' }, [
      {
        location: `body.sections.${bad}`,
        message: fieldMessage('digests.must_one', { SECTIONS: SECTIONS.join(', ') }),
      },
    ]);
  const frequency = input.frequency ?? mine.frequency ?? defaultFrequency(mine.role);
  const resubscribed = mine.frequency === 'off' && frequency !== 'off';
  const values = {
    userId: actor.user.id,
    tenantId: input.tenantId,
    frequency,
    channels: { ...(mine.channels ?? {}), ...(input.events ?? {}) } as Record<string, string>,
    sections: input.sections ?? mine.sections ?? [],
    language: input.language ?? mine.language ?? (actor.user.locale === 'en' ? 'en' : 'id'),
    updatedAt: ctx.now(),
  };
  await ctx.db.transaction(async (tx) => {
    await tx
      .insert(digestPreferences)
      .values(values)
      .onConflictDoUpdate({
        target: [digestPreferences.userId, digestPreferences.tenantId],
        set: {
          frequency: values.frequency,
          sections: values.sections,
          language: values.language,
          channels: values.channels,
          updatedAt: values.updatedAt,
          // turned back on: the one-click links in the emails sent before stop working
          ...(resubscribed
            ? { unsubscribeVersion: sql`${digestPreferences.unsubscribeVersion} + 1` }
            : {}),
        },
      });
    await recordAudit(tx, ctx, {
      tenantId: input.tenantId,
      action: 'digest.preferences_set',
      targetType: 'user',
      targetId: actor.user.id,
      diff: {
        frequency: { from: mine.frequency ?? defaultFrequency(mine.role), to: frequency },
        ...(input.events ? { events: { to: input.events } } : {}),
      },
    });
  });
  return view(ctx, { ...mine, ...values });
}

/** What the digest would say now, for the caller and one of its tenants: items and the rendered email. Nothing is recorded. */
export async function previewDigest({ ctx, input }: { ctx: Ctx; input: { tenantId: string } }) {
  const actor = requireUser(ctx);
  const mine = (await myTenants(ctx)).find((r) => r.tenantId === input.tenantId);
  if (!mine) throw notFound({ key: 'tenant.not_found' });
  const settings = view(ctx, mine);
  const recipient: Planned = {
    userId: actor.user.id,
    tenantId: mine.tenantId,
    sections: settings.sections,
    unsubscribeVersion: mine.unsubscribeVersion ?? 0,
    periodKey: 'preview',
    zone: settings.zone,
    language: settings.language,
    email: actor.user.email,
    name: actor.user.name,
    ...addressOf(mine, settings.language),
  };
  const composed = await composeBatch(ctx, [recipient]);
  const items = composed.get(`${recipient.userId}|${recipient.tenantId}`)?.items ?? [];
  const { rendered, unsubscribeUrl } = digestEmail(ctx, recipient, items);
  return {
    frequency: settings.frequency,
    wouldSend: items.length > 0,
    items: items.map((i) => ({
      section: i.section,
      key: i.key,
      title: titleOf(i, settings.language),
      reason: i.reason[settings.language],
      url: i.url,
      stillWaiting: !!i.stillWaiting,
    })),
    subject: rendered.subject,
    unsubscribeUrl,
    html: rendered.html,
    text: rendered.text,
  };
}

/** One click from the email (RFC 8058): the digest of that account and tenant is turned off, no sign-in needed. */
export async function unsubscribeDigest({ ctx, input }: { ctx: Ctx; input: { token: string } }) {
  const who = readUnsubscribeToken(input.token);
  if (!who) throw new ApiError('NOT_FOUND', { key: 'digest.bad_token' });
  const [member] = await ctx.db
    .select({ role: memberships.role, version: digestPreferences.unsubscribeVersion })
    .from(memberships)
    .leftJoin(
      digestPreferences,
      and(
        eq(digestPreferences.userId, memberships.userId),
        eq(digestPreferences.tenantId, memberships.tenantId),
      ),
    )
    .where(and(eq(memberships.userId, who.userId), eq(memberships.tenantId, who.tenantId)));
  // a token of an earlier version (the digest was turned back on since) no longer works
  if (!member || (member.version ?? 0) !== who.version)
    throw new ApiError('NOT_FOUND', { key: 'digest.bad_token' });
  const now = ctx.now();
  await ctx.db.transaction(async (tx) => {
    await tx
      .insert(digestPreferences)
      .values({ userId: who.userId, tenantId: who.tenantId, frequency: 'off', updatedAt: now })
      .onConflictDoUpdate({
        target: [digestPreferences.userId, digestPreferences.tenantId],
        set: { frequency: 'off', updatedAt: now },
      });
    await recordAudit(tx, ctx, {
      tenantId: who.tenantId,
      action: 'digest.unsubscribed',
      targetType: 'user',
      targetId: who.userId,
      diff: { frequency: { to: 'off' } },
    });
  });
  return { tenantId: who.tenantId, frequency: 'off' as const };
}

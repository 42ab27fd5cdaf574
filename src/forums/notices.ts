import { and, eq, gt, inArray, isNull, lte } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { forumRegistrations, forumSessions, tenants } from '../../db/schema';
import { enqueueEmail } from '../email/outbox';
import { recordEvent } from '../events/events';
import { adminsOf } from '../identity/members';
import type { Ctx } from '../platform/context';
import type { Lang } from '../platform/i18n';
import { linkOf } from '../platform/links';
import { governmentOf, officeOf } from '../platform/offices';
import { consume, LIMITS } from '../platform/rate-limit';
import { recipientsOf, type SessionRow } from './access';
import { calendarOf } from './calendar';
import { spoken, type Zone } from './time';

/**
 * Emails of the forum, through the transactional outbox: each is written in the
 * transaction of the change that causes it, so it is sent once, and only if the
 * change committed. Reminders claim their session row before writing, so two
 * runs of the hourly job send one reminder.
 */
const lang = (locale: string): Lang => (locale === 'en' ? 'en' : 'id');
const sessionUrl = (ctx: Pick<Ctx, 'config'>, s: SessionRow) =>
  linkOf(ctx.config, 'forumSession', { forumId: s.forumId, sessionId: s.id });
const venueOf = (s: SessionRow) => [s.venueName, s.venueAddress].filter(Boolean).join(', ');

/** The convening government, as an office ("Pemerintah Provinsi Bali"). */
async function convenerName(db: Ctx['db'] | Tx, s: SessionRow, l: Lang = 'id') {
  const [row] = await db
    .select({ type: tenants.type, name: tenants.name, regionCode: tenants.regionCode })
    .from(tenants)
    .where(eq(tenants.id, s.tenantId));
  return row ? governmentOf(row, l) : '';
}

/** The session as a calendar file, attached to change and cancellation notices. */
async function attachment(db: Ctx['db'] | Tx, ctx: Ctx, s: SessionRow) {
  return {
    filename: 'forum.ics',
    contentType: 'text/calendar; charset=utf-8; method=PUBLISH',
    content: calendarOf({
      name: s.title,
      origin: ctx.config,
      entries: [{ session: s, convenerName: await convenerName(db, s) }],
      now: ctx.now(),
    }),
  };
}

export async function notifyRegistration(
  tx: Tx,
  ctx: Ctx,
  session: SessionRow,
  registrationId: string,
  event: 'received' | 'approved' | 'declined' | 'waitlisted' | 'promoted' | 'promoted_pending',
  reason?: string | null,
) {
  const [reg] = await tx
    .select({ tenant: tenants.name, tenantId: tenants.id })
    .from(forumRegistrations)
    .innerJoin(tenants, eq(tenants.id, forumRegistrations.tenantId))
    .where(eq(forumRegistrations.id, registrationId));
  if (reg && event === 'received')
    await recordEvent(tx, ctx, {
      type: 'registration.received',
      tenantIds: [session.tenantId],
      objectId: registrationId,
      payload: { tenant: reg.tenant, session: session.title },
    });
  else if (reg && event !== 'received')
    await recordEvent(tx, ctx, {
      type: 'registration.decided',
      tenantIds: [reg.tenantId],
      closeTenantIds: [session.tenantId],
      objectId: registrationId,
      payload: { session: session.title, decision: event, reason: reason ?? null },
    });
  for (const r of await recipientsOf(tx, [registrationId])) {
    const l = lang(r.locale);
    await enqueueEmail(tx, ctx, r.email, l, 'forum_registration', {
      name: r.name,
      tenant: reg?.tenant ?? '',
      session: session.title,
      when: spoken(session.startsAt, session.timeZone as Zone, l),
      event,
      reason: reason ?? null,
      url: sessionUrl(ctx, session),
    });
  }
}

/** The convener's admins hear of a registration that waits for their decision. */
export async function notifyConvener(tx: Tx, ctx: Ctx, session: SessionRow, tenantName: string) {
  for (const a of await adminsOf(tx, [session.tenantId]))
    await enqueueEmail(tx, ctx, a.email, lang(a.locale), 'forum_review', {
      name: a.name,
      office: officeOf(a.tenant, 'admin', lang(a.locale)),
      tenant: tenantName,
      session: session.title,
      url: linkOf(ctx.config, 'sessionRegistrations', {
        tenantId: session.tenantId,
        forumId: session.forumId,
        sessionId: session.id,
      }),
    });
}

/** Every delegation still coming (approved, pending, waitlisted) hears of a change or cancellation. */
export async function notifySessionChange(
  tx: Tx,
  ctx: Ctx,
  session: SessionRow,
  event: 'changed' | 'cancelled' | 'reminder',
  days?: number,
) {
  const regs = await tx
    .select({ id: forumRegistrations.id })
    .from(forumRegistrations)
    .where(
      and(
        eq(forumRegistrations.sessionId, session.id),
        inArray(
          forumRegistrations.status,
          event === 'reminder' ? ['approved'] : ['approved', 'pending', 'waitlisted'],
        ),
      ),
    );
  const recipients = await recipientsOf(
    tx,
    regs.map((r) => r.id),
  );
  if (recipients.length === 0) return 0;
  const file = event === 'reminder' ? undefined : [await attachment(tx, ctx, session)];
  const seen = new Set<string>();
  for (const r of recipients) {
    if (seen.has(r.email)) continue;
    seen.add(r.email);
    const l = lang(r.locale);
    await enqueueEmail(
      tx,
      ctx,
      r.email,
      l,
      'forum_session_notice',
      {
        name: r.name,
        session: session.title,
        when: spoken(session.startsAt, session.timeZone as Zone, l),
        venue: venueOf(session),
        event,
        days,
        reason: event === 'cancelled' ? session.cancelReason : null,
        url: sessionUrl(ctx, session),
      },
      file,
    );
  }
  return seen.size;
}

/**
 * Invitations to a session, one email per admin of each invited tenant, within
 * the convener's daily allowance of invitation emails (else 429, and the
 * transaction that invites or publishes is undone whole).
 */
export async function notifyInvited(tx: Tx, ctx: Ctx, session: SessionRow, tenantIds: string[]) {
  const convener = {
    id: await convenerName(tx, session, 'id'),
    en: await convenerName(tx, session, 'en'),
  };
  const admins = await adminsOf(tx, tenantIds);
  if (admins.length)
    await consume(
      ctx,
      LIMITS.invitationEmailsDay,
      session.tenantId,
      'forum.invitation_emails_limited',
      {
        amount: admins.length,
        db: tx,
      },
    );
  for (const a of admins) {
    const l = lang(a.locale);
    await enqueueEmail(tx, ctx, a.email, l, 'forum_invitation', {
      name: a.name,
      office: officeOf(a.tenant, 'admin', l),
      convener: convener[l],
      session: session.title,
      when: spoken(session.startsAt, session.timeZone as Zone, l),
      closes: spoken(session.registrationClosesAt, session.timeZone as Zone, l),
      url: sessionUrl(ctx, session),
    });
  }
}

const DAY = 86400_000;
const OPEN: SessionRow['status'][] = ['published', 'registration_open', 'registration_closed'];

/**
 * Reminders 7 days and 1 day before a session, to approved delegations. Each
 * is claimed on the session row (`reminder…SentAt is null`) in the transaction
 * that writes the emails: a second run finds nothing to claim. A session
 * created less than a day ahead gets only the one-day reminder.
 */
export async function sendForumReminders({ ctx }: { ctx: Ctx }) {
  const now = ctx.now();
  let sent = 0;
  for (const days of [1, 7] as const) {
    const column = days === 1 ? forumSessions.reminder1SentAt : forumSessions.reminder7SentAt;
    const due = await ctx.db
      .select({ id: forumSessions.id })
      .from(forumSessions)
      .where(
        and(
          inArray(forumSessions.status, OPEN),
          isNull(column),
          gt(forumSessions.startsAt, now),
          lte(forumSessions.startsAt, new Date(now.getTime() + days * DAY)),
        ),
      );
    for (const { id } of due) {
      await ctx.db.transaction(async (tx) => {
        const [claimed] = await tx
          .update(forumSessions)
          .set(
            days === 1 ? { reminder1SentAt: now, reminder7SentAt: now } : { reminder7SentAt: now },
          )
          .where(and(eq(forumSessions.id, id), isNull(column)))
          .returning();
        if (!claimed) return;
        sent += await notifySessionChange(tx, ctx, claimed, 'reminder', days);
      });
    }
  }
  return { remindersSent: sent };
}

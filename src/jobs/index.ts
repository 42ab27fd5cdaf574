import { count, eq, isNotNull, lt, or } from 'drizzle-orm';
import { regions, sessions, userTokens } from '../../db/schema';
import { planDigests, sendDigestBatch } from '../digests/run';
import { dispatchOutbox } from '../email/outbox';
import { deliverAll, emailInbox } from '../events/events';
import { sendReminders } from '../events/reminders';
import { remindAndExpireProposals } from '../facilitation/proposals';
import { sendForumReminders } from '../forums/notices';
import { expireMeetingRequests } from '../forums/schedule';
import { materialiseAll } from '../forums/series';
import { syncRegistrationWindows } from '../forums/sessions';
import type { Ctx } from '../platform/context';
import { purgeRateLimits } from '../platform/rate-limit';
import { purgeWebhookLog, sendDueWebhooks } from '../webhooks/deliveries';
import { defaultOutbound } from '../webhooks/outbound';

/**
 * Periodic jobs, run by the Workers cron trigger (src/worker.ts `scheduled`)
 * and by `npm run jobs` on Node. Each job is a domain verb over the context;
 * one failing job does not stop the others.
 */
export type Job = { name: string; run: (args: { ctx: Ctx }) => Promise<Record<string, unknown>> };

/** Alerts (as an error log line) when the reference data is missing, e.g. a database migrated but never seeded. */
export const referenceDataCheck: Job = {
  name: 'reference-data-check',
  async run({ ctx }) {
    const [row] = await ctx.db.select({ n: count() }).from(regions);
    const [provinces] = await ctx.db
      .select({ n: count() })
      .from(regions)
      .where(eq(regions.kind, 'provinsi'));
    const ok = row?.n === 552 && provinces?.n === 38;
    if (!ok)
      ctx.logger.error('job.reference_data_incomplete', {
        regions: row?.n ?? 0,
        provinces: provinces?.n ?? 0,
      });
    return { regions: row?.n ?? 0, provinces: provinces?.n ?? 0, ok };
  },
};

/** Expired sessions and used or expired email tokens are deleted; stale rate-limit windows too. */
export const purgeExpired: Job = {
  name: 'purge-expired',
  async run({ ctx }) {
    const now = ctx.now();
    const s = await ctx.db
      .delete(sessions)
      .where(lt(sessions.expiresAt, now))
      .returning({ id: sessions.id });
    const t = await ctx.db
      .delete(userTokens)
      .where(or(lt(userTokens.expiresAt, now), isNotNull(userTokens.usedAt)))
      .returning({ id: userTokens.id });
    const r = await purgeRateLimits(ctx);
    return { sessions: s.length, tokens: t.length, rateLimitWindows: r };
  },
};

/** Emails that failed to send (or were queued while the request's own dispatch did not run) are retried. */
export const retryEmail: Job = {
  name: 'retry-email',
  async run({ ctx }) {
    return dispatchOutbox(ctx, 100);
  },
};

/** Events whose delivery after their request did not run (a crash, a restart) are delivered. */
export const deliverEventsJob: Job = {
  name: 'deliver-events',
  async run({ ctx }) {
    const { delivered, items } = await deliverAll(ctx);
    const emailed = await emailInbox(ctx);
    return { delivered, items, emails: emailed.emails, emailedItems: emailed.items };
  },
};

/** Deadlines nearing: mapping rounds, meeting requests, forum follow-ups, PKS ends (src/events/reminders.ts). */
export const remindersJob: Job = {
  name: 'reminders',
  async run({ ctx }) {
    return sendReminders({ ctx });
  },
};

/** Webhook messages due (new ones, and retries whose wait is over); the log kept 30 days. */
export const webhooksJob: Job = {
  name: 'webhooks',
  async run({ ctx }) {
    const sent = await sendDueWebhooks(ctx, defaultOutbound(ctx.config));
    const purged = await purgeWebhookLog(ctx);
    return { ...sent, purgedAttempts: purged.attempts, purgedMessages: purged.messages };
  },
};

/** Facilitation proposals: one reminder halfway, then expiry. */
export const proposalReminders: Job = {
  name: 'proposal-reminders',
  async run({ ctx }) {
    return remindAndExpireProposals({ ctx });
  },
};

/**
 * Digests due now (07:00 in each recipient's zone): on Node every batch is
 * composed and queued here; on Workers the cron hands the batches to the
 * digest queue instead (`src/worker.ts`) and this job is left out.
 */
export const digestJob: Job = {
  name: 'digests',
  async run({ ctx }) {
    const batches = await planDigests(ctx);
    const total = { batches: batches.length, sent: 0, empty: 0, skipped: 0 };
    for (const batch of batches) {
      const r = await sendDigestBatch(ctx, batch);
      total.sent += r.sent;
      total.empty += r.empty;
      total.skipped += r.skipped;
    }
    return total;
  },
};

/** Forums: next sessions materialised, registration windows opened and closed, reminders 7 days and 1 day ahead. */
export const forumUpkeep: Job = {
  name: 'forum-upkeep',
  async run({ ctx }) {
    const materialised = await materialiseAll({ ctx });
    const windows = await syncRegistrationWindows({ ctx });
    const reminders = await sendForumReminders({ ctx });
    const expired = await expireMeetingRequests({ ctx });
    return { ...materialised, ...windows, ...reminders, ...expired };
  },
};

export const JOBS: Job[] = [
  referenceDataCheck,
  purgeExpired,
  proposalReminders,
  forumUpkeep,
  remindersJob,
  digestJob,
  deliverEventsJob,
  webhooksJob,
  retryEmail,
];

export async function runJobs({ ctx, input }: { ctx: Ctx; input: { jobs?: Job[] } }) {
  const results: { job: string; ok: boolean; result?: Record<string, unknown>; error?: string }[] =
    [];
  for (const job of input.jobs ?? JOBS) {
    try {
      const result = await job.run({ ctx });
      ctx.logger.info('job.done', { job: job.name, ...result });
      results.push({ job: job.name, ok: true, result });
    } catch (err) {
      ctx.logger.error('job.failed', { job: job.name, err });
      results.push({
        job: job.name,
        ok: false,
        error: err instanceof Error ? err.message.slice(0, 300) : String(err),
      });
    }
  }
  return results;
}

import { eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { rateLimits } from '../../db/schema';
import type { Ctx } from './context';
import { ApiError } from './errors';
import { hashSecret } from './secrets';

export type Limit = { name: string; limit: number; windowSeconds: number };

/** Sign-in, verification and reset limits: per account and per client address. */
export const LIMITS = {
  /** keyed by account and client address together */
  signInAccount: { name: 'sign-in:account-address', limit: 10, windowSeconds: 15 * 60 },
  signInAddress: { name: 'sign-in:address', limit: 30, windowSeconds: 15 * 60 },
  emailAccount: { name: 'email:account', limit: 5, windowSeconds: 60 * 60 },
  emailAddress: { name: 'email:address', limit: 20, windowSeconds: 60 * 60 },
  tokenAddress: { name: 'token:address', limit: 30, windowSeconds: 15 * 60 },
  /** discussion posts (threads and replies) per user */
  postBurst: { name: 'post:user:burst', limit: 8, windowSeconds: 60 },
  postHour: { name: 'post:user:hour', limit: 60, windowSeconds: 60 * 60 },
  /**
   * Failed sign-ins to one account from every address together. Past the
   * ceiling the account is not locked: its sign-ins are slowed to one per
   * `signInSlow` window, and its owner is emailed once.
   */
  signInFailures: { name: 'sign-in:account-failures', limit: 30, windowSeconds: 60 * 60 },
  signInSlow: { name: 'sign-in:account-slow', limit: 1, windowSeconds: 10 },
  /** forum invitation emails a convening tenant causes per day (one per admin of each invited tenant) */
  invitationEmailsDay: {
    name: 'forum-invitation-emails:tenant',
    limit: 300,
    windowSeconds: 24 * 60 * 60,
  },
} satisfies Record<string, Limit>;

/**
 * Counts one attempt against a fixed window, atomically in the database so
 * every instance (Node processes, Worker isolates) shares the count. Over the
 * limit: 429 with Retry-After. The subject (email, address) is stored hashed.
 */
/** Counts `amount` against a fixed window and returns the window's count, refusing nothing. */
export async function tally(
  ctx: Ctx,
  limit: Limit,
  subject: string,
  options: { amount?: number; db?: Ctx['db'] | Tx } = {},
): Promise<number> {
  const amount = options.amount ?? 1;
  const { key, windowStart } = windowOf(ctx, limit, subject);
  const [row] = await (options.db ?? ctx.db)
    .insert(rateLimits)
    .values({ key, windowStart, count: amount })
    .onConflictDoUpdate({
      target: rateLimits.key,
      set: {
        count: sql`case when ${rateLimits.windowStart} = excluded.window_start then ${rateLimits.count} + ${amount} else ${amount} end`,
        windowStart: sql`excluded.window_start`,
      },
    })
    .returning({ count: rateLimits.count });
  return row?.count ?? 0;
}

/** The window's count so far, counting nothing. */
export async function counted(ctx: Ctx, limit: Limit, subject: string): Promise<number> {
  const { key, windowStart } = windowOf(ctx, limit, subject);
  const [row] = await ctx.db
    .select({ count: rateLimits.count, windowStart: rateLimits.windowStart })
    .from(rateLimits)
    .where(eq(rateLimits.key, key));
  return row && row.windowStart.getTime() === windowStart.getTime() ? row.count : 0;
}

function windowOf(ctx: Ctx, limit: Limit, subject: string) {
  const windowMs = limit.windowSeconds * 1000;
  const windowStart = new Date(Math.floor(ctx.now().getTime() / windowMs) * windowMs);
  const key = `${limit.name}:${hashSecret(subject.toLowerCase()).slice(0, 32)}`;
  return { key, windowStart, windowMs };
}

export async function consume(
  ctx: Ctx,
  limit: Limit,
  subject: string,
  message:
    | 'auth.rate_limited'
    | 'discussion.rate_limited'
    | 'forum.invitation_emails_limited' = 'auth.rate_limited',
  /** several units at once (emails); `db`: the caller's transaction, so a refusal undoes the count too */
  options: { amount?: number; db?: Ctx['db'] | Tx } = {},
): Promise<void> {
  const now = ctx.now();
  const { windowStart, windowMs } = windowOf(ctx, limit, subject);
  const count = await tally(ctx, limit, subject, options);
  if (count > limit.limit) {
    const retryAfter = Math.max(
      1,
      Math.ceil((windowStart.getTime() + windowMs - now.getTime()) / 1000),
    );
    throw new ApiError(
      'RATE_LIMITED',
      {
        key: message,
        params: { seconds: retryAfter, hours: Math.ceil(retryAfter / 3600), limit: limit.limit },
      },
      { headers: { 'retry-after': String(retryAfter) } },
    );
  }
}

/** Old windows are useless once over: the hourly job deletes them. */
export async function purgeRateLimits(ctx: Ctx): Promise<number> {
  const cutoff = new Date(ctx.now().getTime() - 2 * 60 * 60 * 1000);
  const deleted = await ctx.db
    .delete(rateLimits)
    .where(sql`${rateLimits.windowStart} < ${cutoff}`)
    .returning({ key: rateLimits.key });
  return deleted.length;
}

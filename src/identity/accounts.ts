import { and, desc, eq, gt, isNull } from 'drizzle-orm';
import { memberships, sessions, tenants, users, userTokens } from '../../db/schema';
import { enqueueEmail } from '../email/outbox';
import { recordAudit } from '../platform/audit';
import type { Ctx } from '../platform/context';
import { ApiError, badRequest, notFound } from '../platform/errors';
import { type Lang, type MessageKey, t } from '../platform/i18n';
import { newId } from '../platform/ids';
import { linkTo } from '../platform/links';
import { consume, counted, LIMITS, tally } from '../platform/rate-limit';
import { hashSecret, randomSecret, secretMatches, splitToken } from '../platform/secrets';
import { requireUser } from './access';
import {
  hashPassword,
  needsRehash,
  passwordProblem,
  verifyAgainstDummy,
  verifyPassword,
} from './passwords';
import { createSession } from './sessions';

const VERIFY_TTL_HOURS = 48;
const RESET_TTL_MINUTES = 30;

export const normalizeEmail = (email: string) => email.trim().toLowerCase();

function checkPassword(
  ctx: Ctx,
  password: string,
  email: string,
  location = 'body.password',
): void {
  const problem = passwordProblem(password, email);
  if (problem) {
    const key = `auth.password_${problem}` as MessageKey;
    throw new ApiError(
      'VALIDATION_FAILED',
      { key: 'request.invalid' },
      { errors: [{ location, message: ctxText(ctx, key) }] },
    );
  }
}

const ctxText = (ctx: Ctx, key: MessageKey) => t(ctx.lang, key);

async function issueToken(
  tx: Parameters<Parameters<Ctx['db']['transaction']>[0]>[0],
  ctx: Ctx,
  userId: string,
  purpose: 'verify_email' | 'reset_password',
  ttlMs: number,
) {
  const id = newId('token', ctx.now().getTime());
  const secret = randomSecret(20);
  await tx.insert(userTokens).values({
    id,
    userId,
    purpose,
    secretHash: hashSecret(secret),
    expiresAt: new Date(ctx.now().getTime() + ttlMs),
    createdAt: ctx.now(),
  });
  return `${id}.${secret}`;
}

/** Finds an unused, unexpired token of this purpose whose secret matches; null otherwise. */
async function findToken(ctx: Ctx, token: string, purpose: 'verify_email' | 'reset_password') {
  const parts = splitToken(token);
  if (!parts || !parts.id.startsWith('tok_')) return null;
  const [row] = await ctx.db
    .select()
    .from(userTokens)
    .where(
      and(
        eq(userTokens.id, parts.id),
        eq(userTokens.purpose, purpose),
        isNull(userTokens.usedAt),
        gt(userTokens.expiresAt, ctx.now()),
      ),
    );
  return row && secretMatches(parts.secret, row.secretHash) ? row : null;
}

/**
 * Sign-up answers the same whether or not the email is registered (no account
 * enumeration): a new address gets a confirmation link, a known one a notice.
 * Both paths hash the password, so timing does not tell them apart either.
 */
export async function signUp({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { email: string; password: string; name: string; locale?: Lang };
}) {
  const email = normalizeEmail(input.email);
  checkPassword(ctx, input.password, email);
  await consume(ctx, LIMITS.emailAddress, ctx.clientAddress);
  await consume(ctx, LIMITS.emailAccount, email);
  const passwordHash = await hashPassword(input.password);
  const locale: Lang = input.locale ?? ctx.lang;

  await ctx.db.transaction(async (tx) => {
    const [existing] = await tx.select().from(users).where(eq(users.email, email));
    if (existing?.emailVerifiedAt) {
      await enqueueEmail(tx, ctx, email, existing.locale as Lang, 'account_exists', {
        name: existing.name,
        url: linkTo(ctx.config, 'forgotPassword', {}),
      });
      return;
    }
    const name = input.name.trim();
    let id: string;
    if (existing) {
      // An address nobody has confirmed belongs to no one yet: the newest sign-up replaces the
      // earlier one (its password, its name), and every earlier link dies, so whoever signed up
      // first with someone else's address is handed nothing when the owner confirms.
      id = existing.id;
      await tx
        .update(users)
        .set({ name, passwordHash, locale, updatedAt: ctx.now() })
        .where(eq(users.id, id));
      await tx
        .update(userTokens)
        .set({ usedAt: ctx.now() })
        .where(
          and(
            eq(userTokens.userId, id),
            eq(userTokens.purpose, 'verify_email'),
            isNull(userTokens.usedAt),
          ),
        );
      await tx.delete(sessions).where(eq(sessions.userId, id));
    } else {
      id = newId('user', ctx.now().getTime());
      await tx.insert(users).values({
        id,
        email,
        name,
        passwordHash,
        locale,
        createdAt: ctx.now(),
        updatedAt: ctx.now(),
      });
    }
    const token = await issueToken(tx, ctx, id, 'verify_email', VERIFY_TTL_HOURS * 3600_000);
    await enqueueEmail(tx, ctx, email, locale, 'verify_email', {
      name,
      url: linkTo(ctx.config, 'verifyEmail', { token }),
      token,
      hours: VERIFY_TTL_HOURS,
    });
    await recordAudit(tx, ctx, {
      tenantId: null,
      action: 'user.signed_up',
      targetType: 'user',
      targetId: id,
      diff: existing
        ? { replacedUnverified: { to: true }, name: { from: existing.name, to: name } }
        : { email: { to: email }, name: { to: name } },
    });
  });
  return { status: 'verification_sent' as const };
}

export async function verifyEmail({ ctx, input }: { ctx: Ctx; input: { token: string } }) {
  await consume(ctx, LIMITS.tokenAddress, ctx.clientAddress);
  const row = await findToken(ctx, input.token, 'verify_email');
  if (!row)
    throw badRequest({ key: 'auth.invalid_token' }, [
      { location: 'body.token', message: t(ctx.lang, 'auth.invalid_token') },
    ]);
  await ctx.db.transaction(async (tx) => {
    const used = await tx
      .update(userTokens)
      .set({ usedAt: ctx.now() })
      .where(and(eq(userTokens.id, row.id), isNull(userTokens.usedAt)))
      .returning({ id: userTokens.id });
    if (used.length === 0) throw badRequest({ key: 'auth.invalid_token' });
    await tx
      .update(users)
      .set({ emailVerifiedAt: ctx.now(), updatedAt: ctx.now() })
      .where(eq(users.id, row.userId));
    // confirming the address ends every session the account had before it was the owner's
    await tx.delete(sessions).where(eq(sessions.userId, row.userId));
    await recordAudit(tx, ctx, {
      tenantId: null,
      action: 'user.email_verified',
      targetType: 'user',
      targetId: row.userId,
    });
  });
  return { verified: true as const };
}

export async function signIn({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { email: string; password: string; userAgent?: string };
}) {
  const email = normalizeEmail(input.email);
  // Per address, and per account *from that address*: a stranger's failures lock only the
  // stranger out, never the account's owner signing in from elsewhere.
  await consume(ctx, LIMITS.signInAddress, ctx.clientAddress);
  await consume(ctx, LIMITS.signInAccount, `${email}|${ctx.clientAddress}`);
  // Across addresses: an account past its ceiling of failures is slowed, never locked.
  if ((await counted(ctx, LIMITS.signInFailures, email)) >= LIMITS.signInFailures.limit)
    await consume(ctx, LIMITS.signInSlow, email);
  const [user] = await ctx.db.select().from(users).where(eq(users.email, email));
  if (!user) {
    await verifyAgainstDummy(input.password);
    await failedSignIn(ctx, email, null);
    throw new ApiError('UNAUTHORIZED', { key: 'auth.bad_credentials' });
  }
  if (!(await verifyPassword(user.passwordHash, input.password))) {
    await failedSignIn(ctx, email, user);
    throw new ApiError('UNAUTHORIZED', { key: 'auth.bad_credentials' });
  }
  // Only someone who knows the password learns that the address is unconfirmed.
  if (!user.emailVerifiedAt) throw new ApiError('FORBIDDEN', { key: 'auth.email_not_verified' });

  const rehash = needsRehash(user.passwordHash) ? await hashPassword(input.password) : null;
  const session = await ctx.db.transaction(async (tx) => {
    if (rehash) await tx.update(users).set({ passwordHash: rehash }).where(eq(users.id, user.id));
    const created = await createSession(tx, {
      userId: user.id,
      now: ctx.now(),
      userAgent: input.userAgent,
      clientAddress: ctx.clientAddress,
    });
    await recordAudit(
      tx,
      { ...ctx, actor: { type: 'user', user: { ...user }, sessionId: created.id, via: 'bearer' } },
      {
        tenantId: null,
        action: 'session.created',
        targetType: 'session',
        targetId: created.id,
      },
    );
    return created;
  });
  return {
    token: session.token,
    expiresAt: session.expiresAt.toISOString(),
    user: {
      id: user.id,
      email: user.email,
      name: user.name,
      locale: user.locale,
      isPlatformAdmin: user.isPlatformAdmin,
    },
  };
}

/**
 * A failed sign-in, counted for the account across every address (an unknown
 * address is counted the same, so the answer tells nothing). The first
 * failure past the ceiling emails the owner, once a window.
 */
async function failedSignIn(ctx: Ctx, email: string, user: typeof users.$inferSelect | null) {
  const limit = LIMITS.signInFailures;
  if (!user) {
    await tally(ctx, limit, email);
    return;
  }
  await ctx.db.transaction(async (tx) => {
    const n = await tally(ctx, limit, email, { db: tx });
    if (n !== limit.limit) return;
    await enqueueEmail(tx, ctx, user.email, user.locale as Lang, 'sign_in_failures', {
      name: user.name,
      failures: n,
      minutes: limit.windowSeconds / 60,
      seconds: LIMITS.signInSlow.windowSeconds,
      url: linkTo(ctx.config, 'forgotPassword', {}),
    });
    await recordAudit(tx, ctx, {
      tenantId: null,
      action: 'user.sign_in_slowed',
      targetType: 'user',
      targetId: user.id,
      diff: { failures: { to: n } },
    });
  });
}

export async function signOut({ ctx }: { ctx: Ctx; input?: undefined }) {
  const actor = requireUser(ctx);
  await ctx.db.transaction(async (tx) => {
    await tx.delete(sessions).where(eq(sessions.id, actor.sessionId));
    await recordAudit(tx, ctx, {
      tenantId: null,
      action: 'session.revoked',
      targetType: 'session',
      targetId: actor.sessionId,
    });
  });
}

export async function signOutEverywhere({ ctx }: { ctx: Ctx; input?: undefined }) {
  const actor = requireUser(ctx);
  const revoked = await ctx.db.transaction(async (tx) => {
    const rows = await tx
      .delete(sessions)
      .where(eq(sessions.userId, actor.user.id))
      .returning({ id: sessions.id });
    await recordAudit(tx, ctx, {
      tenantId: null,
      action: 'session.revoked_all',
      targetType: 'user',
      targetId: actor.user.id,
      diff: { sessions: { from: rows.length, to: 0 } },
    });
    return rows.length;
  });
  return { revoked };
}

/** Always 202: whether the address is registered is never said. */
export async function requestPasswordReset({ ctx, input }: { ctx: Ctx; input: { email: string } }) {
  const email = normalizeEmail(input.email);
  await consume(ctx, LIMITS.emailAddress, ctx.clientAddress);
  await consume(ctx, LIMITS.emailAccount, email);
  const [user] = await ctx.db.select().from(users).where(eq(users.email, email));
  if (user) {
    await ctx.db.transaction(async (tx) => {
      // A new link replaces any earlier unused one.
      await tx
        .update(userTokens)
        .set({ usedAt: ctx.now() })
        .where(
          and(
            eq(userTokens.userId, user.id),
            eq(userTokens.purpose, 'reset_password'),
            isNull(userTokens.usedAt),
          ),
        );
      const token = await issueToken(
        tx,
        ctx,
        user.id,
        'reset_password',
        RESET_TTL_MINUTES * 60_000,
      );
      await enqueueEmail(tx, ctx, email, user.locale as Lang, 'reset_password', {
        name: user.name,
        url: linkTo(ctx.config, 'resetPassword', { token }),
        token,
        minutes: RESET_TTL_MINUTES,
      });
    });
  }
  // Both branches spend the same scrypt, so the answer's timing does not tell
  // whether the address is registered (the email itself is sent after the response).
  await hashPassword('equalise timing between registered and unknown addresses');
  return { status: 'reset_sent_if_registered' as const };
}

export async function confirmPasswordReset({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { token: string; password: string };
}) {
  await consume(ctx, LIMITS.tokenAddress, ctx.clientAddress);
  const row = await findToken(ctx, input.token, 'reset_password');
  if (!row)
    throw badRequest({ key: 'auth.invalid_token' }, [
      { location: 'body.token', message: t(ctx.lang, 'auth.invalid_token') },
    ]);
  const [user] = await ctx.db.select().from(users).where(eq(users.id, row.userId));
  if (!user) throw badRequest({ key: 'auth.invalid_token' });
  checkPassword(ctx, input.password, user.email);
  const passwordHash = await hashPassword(input.password);
  await ctx.db.transaction(async (tx) => {
    const used = await tx
      .update(userTokens)
      .set({ usedAt: ctx.now() })
      .where(and(eq(userTokens.id, row.id), isNull(userTokens.usedAt)))
      .returning({ id: userTokens.id });
    if (used.length === 0) throw badRequest({ key: 'auth.invalid_token' });
    // Reaching the inbox also proves the address.
    await tx
      .update(users)
      .set({
        passwordHash,
        emailVerifiedAt: user.emailVerifiedAt ?? ctx.now(),
        updatedAt: ctx.now(),
      })
      .where(eq(users.id, user.id));
    const revoked = await tx
      .delete(sessions)
      .where(eq(sessions.userId, user.id))
      .returning({ id: sessions.id });
    await recordAudit(tx, ctx, {
      tenantId: null,
      action: 'user.password_reset',
      targetType: 'user',
      targetId: user.id,
      diff: { sessions: { from: revoked.length, to: 0 } },
    });
  });
  return { reset: true as const };
}

export async function getMe({ ctx }: { ctx: Ctx; input?: undefined }) {
  const actor = requireUser(ctx);
  const rows = await ctx.db
    .select({
      membershipId: memberships.id,
      role: memberships.role,
      agencyId: memberships.agencyId,
      tenant: {
        id: tenants.id,
        name: tenants.name,
        type: tenants.type,
        status: tenants.status,
        regionCode: tenants.regionCode,
      },
    })
    .from(memberships)
    .innerJoin(tenants, eq(tenants.id, memberships.tenantId))
    .where(eq(memberships.userId, actor.user.id))
    .orderBy(tenants.name);
  return {
    user: {
      id: actor.user.id,
      email: actor.user.email,
      name: actor.user.name,
      locale: actor.user.locale,
      isPlatformAdmin: actor.user.isPlatformAdmin,
    },
    memberships: rows,
  };
}

export async function listSessions({ ctx }: { ctx: Ctx; input?: undefined }) {
  const actor = requireUser(ctx);
  const rows = await ctx.db
    .select({
      id: sessions.id,
      createdAt: sessions.createdAt,
      lastSeenAt: sessions.lastSeenAt,
      expiresAt: sessions.expiresAt,
      userAgent: sessions.userAgent,
      clientAddress: sessions.clientAddress,
    })
    .from(sessions)
    .where(and(eq(sessions.userId, actor.user.id), gt(sessions.expiresAt, ctx.now())))
    .orderBy(desc(sessions.lastSeenAt));
  return { data: rows.map((r) => ({ ...r, current: r.id === actor.sessionId })) };
}

export async function revokeSession({ ctx, input }: { ctx: Ctx; input: { sessionId: string } }) {
  const actor = requireUser(ctx);
  await ctx.db.transaction(async (tx) => {
    const rows = await tx
      .delete(sessions)
      .where(and(eq(sessions.id, input.sessionId), eq(sessions.userId, actor.user.id)))
      .returning({ id: sessions.id });
    if (rows.length === 0) throw notFound({ key: 'session.not_found' });
    await recordAudit(tx, ctx, {
      tenantId: null,
      action: 'session.revoked',
      targetType: 'session',
      targetId: input.sessionId,
    });
  });
}

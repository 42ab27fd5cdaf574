import { and, eq, gt, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client';
import { sessions, users } from '../../db/schema';
import { newId } from '../platform/ids';
import { prepared } from '../platform/prepared';
import { hashSecret, randomSecret, secretMatches, splitToken } from '../platform/secrets';

/**
 * Sessions after Lucia's design: a random id and secret; the token `<id>.<secret>`
 * goes to the client once; the database keeps a SHA-256 of the secret. Expiry
 * slides: a session used in its second half is extended to the full lifetime.
 */
export const SESSION_TTL_MS = 30 * 24 * 60 * 60 * 1000;
const RENEW_WHEN_LEFT_MS = SESSION_TTL_MS / 2;
const TOUCH_EVERY_MS = 5 * 60 * 1000;

export async function createSession(
  tx: Tx | Db,
  input: { userId: string; now: Date; userAgent?: string; clientAddress?: string },
): Promise<{ token: string; id: string; expiresAt: Date }> {
  const id = newId('session', input.now.getTime());
  const secret = randomSecret(25);
  const expiresAt = new Date(input.now.getTime() + SESSION_TTL_MS);
  await tx.insert(sessions).values({
    id,
    userId: input.userId,
    secretHash: hashSecret(secret),
    createdAt: input.now,
    lastSeenAt: input.now,
    expiresAt,
    userAgent: input.userAgent?.slice(0, 300) ?? null,
    clientAddress: input.clientAddress ?? null,
  });
  return { token: `${id}.${secret}`, id, expiresAt };
}

export type ValidSession = {
  session: { id: string; expiresAt: Date; renewed: boolean };
  user: {
    id: string;
    email: string;
    name: string;
    isPlatformAdmin: boolean;
    locale: string;
    emailVerifiedAt: Date | null;
  };
};

export async function validateSessionToken(
  db: Db,
  token: string,
  now: Date,
): Promise<ValidSession | null> {
  const parts = splitToken(token);
  if (!parts || !parts.id.startsWith('ses_')) return null;
  const [row] = await prepared(db, 'session_by_id', (db, name) =>
    db
      .select({
        id: sessions.id,
        secretHash: sessions.secretHash,
        expiresAt: sessions.expiresAt,
        lastSeenAt: sessions.lastSeenAt,
        user: {
          id: users.id,
          email: users.email,
          name: users.name,
          isPlatformAdmin: users.isPlatformAdmin,
          locale: users.locale,
          emailVerifiedAt: users.emailVerifiedAt,
        },
      })
      .from(sessions)
      .innerJoin(users, eq(users.id, sessions.userId))
      .where(
        and(eq(sessions.id, sql.placeholder('id')), gt(sessions.expiresAt, sql.placeholder('now'))),
      )
      .prepare(name),
  ).execute({ id: parts.id, now: now.toISOString() });
  if (!row || !secretMatches(parts.secret, row.secretHash)) return null;

  let expiresAt = row.expiresAt;
  let renewed = false;
  if (row.expiresAt.getTime() - now.getTime() < RENEW_WHEN_LEFT_MS) {
    expiresAt = new Date(now.getTime() + SESSION_TTL_MS);
    renewed = true;
    await db.update(sessions).set({ expiresAt, lastSeenAt: now }).where(eq(sessions.id, row.id));
  } else if (now.getTime() - row.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, row.id));
  }
  return { session: { id: row.id, expiresAt, renewed }, user: row.user };
}

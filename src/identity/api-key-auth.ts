import { and, eq, gt, isNull, lt, or } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { apiKeys } from '../../db/schema';
import { secretMatches, splitToken } from '../platform/secrets';

const TOUCH_EVERY_MS = 60 * 1000;

/** Checks a `key_….<secret>` token: known, not revoked, not expired, secret matches (constant time). */
export async function validateApiKey(db: Db, token: string, now: Date) {
  const parts = splitToken(token);
  if (!parts || !parts.id.startsWith('key_')) return null;
  const [row] = await db
    .select()
    .from(apiKeys)
    .where(and(eq(apiKeys.id, parts.id), isNull(apiKeys.revokedAt), gt(apiKeys.expiresAt, now)));
  if (!row || !secretMatches(parts.secret, row.secretHash)) return null;
  // last-used time, written at most once a minute per key
  await db
    .update(apiKeys)
    .set({ lastUsedAt: now })
    .where(
      and(
        eq(apiKeys.id, row.id),
        or(
          isNull(apiKeys.lastUsedAt),
          lt(apiKeys.lastUsedAt, new Date(now.getTime() - TOUCH_EVERY_MS)),
        ),
      ),
    );
  return { keyId: row.id, tenantId: row.tenantId, scopes: row.scopes, createdBy: row.createdBy };
}

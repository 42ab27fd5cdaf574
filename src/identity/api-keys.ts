import { and, desc, eq, isNull } from 'drizzle-orm';
import { apiKeys } from '../../db/schema';
import { recordAudit } from '../platform/audit';
import type { Ctx } from '../platform/context';
import { notFound } from '../platform/errors';
import { newId } from '../platform/ids';
import { hashSecret, randomSecret } from '../platform/secrets';
import { authorize, requireUser } from './access';
import { type Creator, creatorsOf } from './members';

type KeyRow = typeof apiKeys.$inferSelect;

const view = (row: KeyRow, now: Date, creator: Creator | undefined) => ({
  id: row.id,
  name: row.name,
  scopes: row.scopes,
  createdAt: row.createdAt,
  createdBy: row.createdBy,
  creator: creator ?? null,
  expiresAt: row.expiresAt,
  lastUsedAt: row.lastUsedAt,
  revokedAt: row.revokedAt,
  status: row.revokedAt
    ? ('revoked' as const)
    : row.expiresAt <= now
      ? ('expired' as const)
      : ('active' as const),
});

/** The token (`key_….<secret>`) is returned once; only a SHA-256 of the secret is kept. */
/** How long a key lives when its creator does not say. */
export const API_KEY_DEFAULT_DAYS = 90;

export async function createApiKey({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: {
    tenantId: string;
    name: string;
    scopes: ('read' | 'write' | 'webhooks')[];
    expiresInDays?: number;
  };
}) {
  const { tenant } = await authorize(ctx, input.tenantId, 'api_keys.manage');
  const actor = requireUser(ctx);
  const now = ctx.now();
  const id = newId('apiKey', now.getTime());
  const secret = randomSecret(25);
  const scopes = [...new Set(input.scopes)].sort();
  const row = await ctx.db.transaction(async (tx) => {
    const [created] = await tx
      .insert(apiKeys)
      .values({
        id,
        tenantId: tenant.id,
        name: input.name.trim(),
        secretHash: hashSecret(secret),
        scopes,
        createdBy: actor.user.id,
        createdAt: now,
        expiresAt: new Date(
          now.getTime() + (input.expiresInDays ?? API_KEY_DEFAULT_DAYS) * 86400_000,
        ),
      })
      .returning();
    await recordAudit(tx, ctx, {
      tenantId: tenant.id,
      action: 'api_key.created',
      targetType: 'api_key',
      targetId: id,
      diff: {
        name: { to: created!.name },
        scopes: { to: scopes },
        expiresAt: { to: created!.expiresAt },
      },
    });
    return created!;
  });
  const creators = await creatorsOf(ctx.db, tenant.id, [row.createdBy]);
  return { ...view(row, now, creators.get(row.createdBy)), token: `${id}.${secret}` };
}

export async function listApiKeys({ ctx, input }: { ctx: Ctx; input: { tenantId: string } }) {
  const { tenant } = await authorize(ctx, input.tenantId, 'api_keys.manage');
  const rows = await ctx.db
    .select()
    .from(apiKeys)
    .where(eq(apiKeys.tenantId, tenant.id))
    .orderBy(desc(apiKeys.createdAt));
  const creators = await creatorsOf(
    ctx.db,
    tenant.id,
    rows.map((r) => r.createdBy),
  );
  return { data: rows.map((r) => view(r, ctx.now(), creators.get(r.createdBy))) };
}

export async function revokeApiKey({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { tenantId: string; keyId: string };
}) {
  const { tenant } = await authorize(ctx, input.tenantId, 'api_keys.manage');
  await ctx.db.transaction(async (tx) => {
    const rows = await tx
      .update(apiKeys)
      .set({ revokedAt: ctx.now() })
      .where(
        and(
          eq(apiKeys.id, input.keyId),
          eq(apiKeys.tenantId, tenant.id),
          isNull(apiKeys.revokedAt),
        ),
      )
      .returning({ id: apiKeys.id });
    if (rows.length === 0) throw notFound({ key: 'api_key.not_found' });
    await recordAudit(tx, ctx, {
      tenantId: tenant.id,
      action: 'api_key.revoked',
      targetType: 'api_key',
      targetId: input.keyId,
      diff: { status: { from: 'active', to: 'revoked' } },
    });
  });
}

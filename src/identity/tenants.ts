import { and, asc, count, eq, gt, type SQL } from 'drizzle-orm';
import { memberships, tenants } from '../../db/schema';
import { recordAudit } from '../platform/audit';
import type { Ctx } from '../platform/context';
import { ApiError, badRequest, checkLink } from '../platform/errors';
import { t } from '../platform/i18n';
import { newId } from '../platform/ids';
import { decodeCursor, pageOf } from '../platform/pagination';
import { termCodes } from '../reference/vocabularies';
import { authorize, getTenantOr404, requirePlatformAdmin, requireUser } from './access';

export type TenantView = {
  id: string;
  type: 'region' | 'partner';
  name: string;
  status: string;
  regionCode: string | null;
  partnerKind: string | null;
  website: string | null;
  country: string | null;
  claimedAt: Date | null;
  verifiedAt: Date | null;
  createdAt: Date;
};

export function tenantView(row: typeof tenants.$inferSelect): TenantView {
  return {
    id: row.id,
    type: row.type,
    name: row.name,
    status: row.status,
    regionCode: row.regionCode,
    partnerKind: row.partnerKind,
    website: row.website,
    country: row.country,
    claimedAt: row.claimedAt,
    verifiedAt: row.verifiedAt,
    createdAt: row.createdAt,
  };
}

/** A partner organisation signs up itself; it starts unverified and its creator is its admin. */
export async function createPartnerTenant({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { name: string; kind: string; website?: string; country?: string };
}) {
  const actor = requireUser(ctx);
  checkLink(ctx.config, input.website, 'body.website');
  if (!termCodes('partner-kinds').has(input.kind)) {
    throw badRequest({ key: 'request.invalid' }, [
      { location: 'body.kind', message: t(ctx.lang, 'partner.kind_unknown') },
    ]);
  }
  const now = ctx.now();
  const id = newId('tenant', now.getTime());
  const row = await ctx.db.transaction(async (tx) => {
    const [tenant] = await tx
      .insert(tenants)
      .values({
        id,
        type: 'partner',
        name: input.name.trim(),
        status: 'unverified',
        partnerKind: input.kind,
        website: input.website ?? null,
        country: input.country ?? 'ID',
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    const membershipId = newId('membership', now.getTime());
    await tx.insert(memberships).values({
      id: membershipId,
      tenantId: id,
      userId: actor.user.id,
      role: 'admin',
      createdAt: now,
      updatedAt: now,
    });
    await recordAudit(tx, ctx, {
      tenantId: id,
      action: 'tenant.created',
      targetType: 'tenant',
      targetId: id,
      diff: { name: { to: tenant!.name }, kind: { to: input.kind } },
    });
    await recordAudit(tx, ctx, {
      tenantId: id,
      action: 'membership.created',
      targetType: 'membership',
      targetId: membershipId,
      diff: { role: { to: 'admin' } },
    });
    return tenant!;
  });
  return tenantView(row);
}

export async function verifyPartnerTenant({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { tenantId: string };
}) {
  const actor = requirePlatformAdmin(ctx);
  const tenant = await getTenantOr404(ctx, input.tenantId);
  if (tenant.type !== 'partner') throw new ApiError('CONFLICT', { key: 'tenant.not_partner' });
  if (tenant.status === 'active') return tenantView(tenant);
  const row = await ctx.db.transaction(async (tx) => {
    const [updated] = await tx
      .update(tenants)
      .set({
        status: 'active',
        verifiedAt: ctx.now(),
        verifiedBy: actor.user.id,
        updatedAt: ctx.now(),
      })
      .where(eq(tenants.id, tenant.id))
      .returning();
    await recordAudit(tx, ctx, {
      tenantId: tenant.id,
      action: 'tenant.verified',
      targetType: 'tenant',
      targetId: tenant.id,
      diff: { status: { from: tenant.status, to: 'active' } },
    });
    return updated!;
  });
  return tenantView(row);
}

export async function getTenant({ ctx, input }: { ctx: Ctx; input: { tenantId: string } }) {
  const { tenant, via, role } = await authorize(ctx, input.tenantId, 'tenant.read');
  const [members] = await ctx.db
    .select({ n: count() })
    .from(memberships)
    .where(eq(memberships.tenantId, tenant.id));
  return { ...tenantView(tenant), memberCount: members?.n ?? 0, access: { via, role } };
}

export async function listTenantsForAdmin({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: {
    type?: 'region' | 'partner';
    status?: 'unclaimed' | 'active' | 'unverified' | 'suspended';
    limit: number;
    cursor?: string;
  };
}) {
  requirePlatformAdmin(ctx);
  const { limit, cursor, ...filters } = input;
  const after = decodeCursor(cursor, filters);
  const where: (SQL | undefined)[] = [
    filters.type ? eq(tenants.type, filters.type) : undefined,
    filters.status ? eq(tenants.status, filters.status) : undefined,
  ];
  const [rows, [total]] = await Promise.all([
    ctx.db
      .select()
      .from(tenants)
      .where(and(...where, after ? gt(tenants.id, after[0]!) : undefined))
      .orderBy(asc(tenants.id))
      .limit(limit + 1),
    ctx.db
      .select({ n: count() })
      .from(tenants)
      .where(and(...where)),
  ]);
  const { page, nextCursor } = pageOf(rows, limit, (r) => r.id, filters);
  return { data: page.map(tenantView), nextCursor, total: total?.n ?? 0 };
}

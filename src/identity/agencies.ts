import { and, asc, eq, isNull } from 'drizzle-orm';
import { agencies, invitations, memberships, potentials, users } from '../../db/schema';
import { diffOf, recordAudit } from '../platform/audit';
import type { Ctx } from '../platform/context';
import { conflict, isUniqueViolation, notFound } from '../platform/errors';
import { newId } from '../platform/ids';
import { authorize } from './access';

/** PP 28/2018 practice: each agency head appoints at least two liaison officers (PPKSD). */
export const REQUIRED_LIAISONS = 2;

async function regionTenant(
  ctx: Ctx,
  tenantId: string,
  permission: 'agencies.read' | 'agencies.manage',
) {
  const { tenant } = await authorize(ctx, tenantId, permission);
  if (tenant.type !== 'region') throw notFound({ key: 'agency.region_only' });
  return tenant;
}

export async function listAgencies({ ctx, input }: { ctx: Ctx; input: { tenantId: string } }) {
  const tenant = await regionTenant(ctx, input.tenantId, 'agencies.read');
  const [rows, liaisons] = await Promise.all([
    ctx.db
      .select()
      .from(agencies)
      .where(eq(agencies.tenantId, tenant.id))
      .orderBy(asc(agencies.name)),
    ctx.db
      .select({
        agencyId: memberships.agencyId,
        membershipId: memberships.id,
        userId: users.id,
        name: users.name,
        email: users.email,
      })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(memberships.tenantId, tenant.id), eq(memberships.role, 'liaison')))
      .orderBy(asc(users.name)),
  ]);
  const data = rows.map((a) => {
    const own = liaisons.filter((l) => l.agencyId === a.id).map(({ agencyId: _a, ...l }) => l);
    return {
      id: a.id,
      name: a.name,
      shortName: a.shortName,
      liaisons: own,
      liaisonCount: own.length,
      needsLiaisons: own.length < REQUIRED_LIAISONS,
      createdAt: a.createdAt,
    };
  });
  return {
    data,
    requiredLiaisons: REQUIRED_LIAISONS,
    agenciesNeedingLiaisons: data.filter((a) => a.needsLiaisons).length,
  };
}

export async function createAgency({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { tenantId: string; name: string; shortName?: string | null };
}) {
  const tenant = await regionTenant(ctx, input.tenantId, 'agencies.manage');
  const now = ctx.now();
  const id = newId('agency', now.getTime());
  try {
    return await ctx.db.transaction(async (tx) => {
      const [row] = await tx
        .insert(agencies)
        .values({
          id,
          tenantId: tenant.id,
          name: input.name.trim(),
          shortName: input.shortName?.trim() || null,
          createdAt: now,
          updatedAt: now,
        })
        .returning();
      await recordAudit(tx, ctx, {
        tenantId: tenant.id,
        action: 'agency.created',
        targetType: 'agency',
        targetId: id,
        diff: diffOf(null, row!, ['name', 'shortName']),
      });
      return {
        id: row!.id,
        name: row!.name,
        shortName: row!.shortName,
        liaisons: [],
        liaisonCount: 0,
        needsLiaisons: true,
        createdAt: row!.createdAt,
      };
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw conflict({ key: 'agency.duplicate' });
    throw err;
  }
}

async function agencyInTenant(ctx: Ctx, tenantId: string, agencyId: string) {
  const [row] = await ctx.db
    .select()
    .from(agencies)
    .where(and(eq(agencies.id, agencyId), eq(agencies.tenantId, tenantId)));
  if (!row) throw notFound({ key: 'agency.not_found' });
  return row;
}

export async function updateAgency({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { tenantId: string; agencyId: string; name?: string; shortName?: string | null };
}) {
  const tenant = await regionTenant(ctx, input.tenantId, 'agencies.manage');
  const before = await agencyInTenant(ctx, tenant.id, input.agencyId);
  try {
    return await ctx.db.transaction(async (tx) => {
      const [after] = await tx
        .update(agencies)
        .set({
          name: input.name?.trim() ?? before.name,
          shortName:
            input.shortName === undefined ? before.shortName : input.shortName?.trim() || null,
          updatedAt: ctx.now(),
        })
        .where(eq(agencies.id, before.id))
        .returning();
      await recordAudit(tx, ctx, {
        tenantId: tenant.id,
        action: 'agency.updated',
        targetType: 'agency',
        targetId: before.id,
        diff: diffOf(before, after!, ['name', 'shortName']),
      });
      return { id: after!.id, name: after!.name, shortName: after!.shortName };
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw conflict({ key: 'agency.duplicate' });
    throw err;
  }
}

export async function deleteAgency({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { tenantId: string; agencyId: string };
}) {
  const tenant = await regionTenant(ctx, input.tenantId, 'agencies.manage');
  const before = await agencyInTenant(ctx, tenant.id, input.agencyId);
  await ctx.db.transaction(async (tx) => {
    const bound = await tx
      .select({ id: memberships.id })
      .from(memberships)
      .where(eq(memberships.agencyId, before.id))
      .limit(1);
    if (bound.length > 0) throw conflict({ key: 'agency.has_liaisons' });
    // Pending invitations and potentials still name it: say which, instead of failing on the key.
    const [invited] = await tx
      .select({ id: invitations.id })
      .from(invitations)
      .where(
        and(
          eq(invitations.agencyId, before.id),
          isNull(invitations.acceptedAt),
          isNull(invitations.revokedAt),
        ),
      )
      .limit(1);
    if (invited) throw conflict({ key: 'agency.has_invitations' });
    const [proposed] = await tx
      .select({ id: potentials.id })
      .from(potentials)
      .where(eq(potentials.agencyId, before.id))
      .limit(1);
    if (proposed) throw conflict({ key: 'agency.has_potentials' });
    // accepted or revoked invitations keep their history without the agency
    await tx.update(invitations).set({ agencyId: null }).where(eq(invitations.agencyId, before.id));
    await tx.delete(agencies).where(eq(agencies.id, before.id));
    await recordAudit(tx, ctx, {
      tenantId: tenant.id,
      action: 'agency.deleted',
      targetType: 'agency',
      targetId: before.id,
      diff: diffOf(before, null, ['name', 'shortName']),
    });
  });
}

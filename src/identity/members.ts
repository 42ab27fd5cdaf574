import { and, asc, eq, inArray, ne } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { agencies, calendarFeeds, memberships, tenants, users } from '../../db/schema';
import { dropUnreadableWatches } from '../discussion/access';
import { diffOf, recordAudit } from '../platform/audit';
import type { Ctx } from '../platform/context';
import { badRequest, conflict, notFound } from '../platform/errors';
import { fieldMessage } from '../platform/field-messages';
import { authorize, type Role, type TenantRow } from './access';

export const REGION_ROLES = ['admin', 'liaison', 'head', 'viewer'] as const;
export const PARTNER_ROLES = ['admin', 'member'] as const;

/** The role must exist for the tenant's type, and a liaison serves exactly one agency of that tenant. */
export async function checkRole(
  ctx: Ctx | { db: Tx },
  tenant: TenantRow,
  role: Role,
  agencyId: string | null | undefined,
  location = 'body',
): Promise<string | null> {
  const valid: readonly string[] = tenant.type === 'region' ? REGION_ROLES : PARTNER_ROLES;
  if (!valid.includes(role))
    throw badRequest(
      { key: 'membership.role_not_for_tenant', params: { role, type: tenant.type } },
      [{ location: `${location}.role`, message: valid.join(', ') }],
    );
  if (role !== 'liaison') return null;
  if (!agencyId)
    throw badRequest({ key: 'membership.liaison_needs_agency' }, [
      {
        location: `${location}.agencyId`,
        message: fieldMessage('identity.required_for_liaison'),
      },
    ]);
  const [agency] = await ctx.db
    .select({ id: agencies.id })
    .from(agencies)
    .where(and(eq(agencies.id, agencyId), eq(agencies.tenantId, tenant.id)));
  if (!agency)
    throw badRequest({ key: 'agency.not_found' }, [
      {
        location: `${location}.agencyId`,
        message: fieldMessage('identity.unknown_agency'),
      },
    ]);
  return agency.id;
}

/** Inside the write's transaction: would this change leave the tenant without an admin? Locks the admin rows. */
async function assertAnotherAdmin(tx: Tx, tenantId: string, membershipId: string): Promise<void> {
  const others = await tx
    .select({ id: memberships.id })
    .from(memberships)
    .where(
      and(
        eq(memberships.tenantId, tenantId),
        eq(memberships.role, 'admin'),
        ne(memberships.id, membershipId),
      ),
    )
    .for('update');
  if (others.length === 0) throw conflict({ key: 'membership.last_admin' });
}

export async function listMembers({ ctx, input }: { ctx: Ctx; input: { tenantId: string } }) {
  const { tenant } = await authorize(ctx, input.tenantId, 'members.read');
  const rows = await ctx.db
    .select({
      id: memberships.id,
      role: memberships.role,
      agencyId: memberships.agencyId,
      createdAt: memberships.createdAt,
      user: { id: users.id, name: users.name, email: users.email },
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.tenantId, tenant.id))
    .orderBy(asc(users.name));
  return { data: rows };
}

async function getMembershipInTenant(ctx: Ctx, tenantId: string, membershipId: string) {
  const [m] = await ctx.db
    .select()
    .from(memberships)
    .where(and(eq(memberships.id, membershipId), eq(memberships.tenantId, tenantId)));
  if (!m) throw notFound({ key: 'membership.not_found' });
  return m;
}

export async function updateMember({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { tenantId: string; membershipId: string; role: Role; agencyId?: string | null };
}) {
  const { tenant } = await authorize(ctx, input.tenantId, 'members.manage');
  const before = await getMembershipInTenant(ctx, tenant.id, input.membershipId);
  const agencyId = await checkRole(ctx, tenant, input.role, input.agencyId);
  return ctx.db.transaction(async (tx) => {
    if (before.role === 'admin' && input.role !== 'admin')
      await assertAnotherAdmin(tx, tenant.id, before.id);
    const [after] = await tx
      .update(memberships)
      .set({ role: input.role, agencyId, updatedAt: ctx.now() })
      .where(eq(memberships.id, before.id))
      .returning();
    await recordAudit(tx, ctx, {
      tenantId: tenant.id,
      action: 'membership.updated',
      targetType: 'membership',
      targetId: before.id,
      diff: diffOf(before, after!, ['role', 'agencyId']),
    });
    return { id: after!.id, role: after!.role, agencyId: after!.agencyId, userId: after!.userId };
  });
}

export async function removeMember({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { tenantId: string; membershipId: string };
}) {
  const { tenant } = await authorize(ctx, input.tenantId, 'members.manage');
  const before = await getMembershipInTenant(ctx, tenant.id, input.membershipId);
  await ctx.db.transaction(async (tx) => {
    if (before.role === 'admin') await assertAnotherAdmin(tx, tenant.id, before.id);
    await tx.delete(memberships).where(eq(memberships.id, before.id));
    await recordAudit(tx, ctx, {
      tenantId: tenant.id,
      action: 'membership.removed',
      targetType: 'membership',
      targetId: before.id,
      diff: diffOf(before, null, ['userId', 'role', 'agencyId']),
    });
    // following ends with access: boards and threads they may no longer read
    await dropUnreadableWatches(tx, [before.userId]);
    // what the member made to read the tenant's data without signing in goes with them
    const feeds = await tx
      .delete(calendarFeeds)
      .where(and(eq(calendarFeeds.tenantId, tenant.id), eq(calendarFeeds.createdBy, before.userId)))
      .returning({ tenantId: calendarFeeds.tenantId });
    if (feeds.length)
      await recordAudit(tx, ctx, {
        tenantId: tenant.id,
        action: 'calendar_feed.revoked',
        targetType: 'calendar_feed',
        targetId: tenant.id,
        diff: { createdBy: { from: before.userId }, reason: { to: 'member removed' } },
      });
  });
}

/** The admins of some tenants, to notify by email (name, address, language). */
export async function adminsOf(db: Ctx['db'] | Tx, tenantIds: string[]) {
  if (tenantIds.length === 0) return [];
  return db
    .select({
      tenantId: memberships.tenantId,
      userId: users.id,
      email: users.email,
      name: users.name,
      locale: users.locale,
      /** the tenant they are admins of: what an email to them is addressed to (`officeOf`) */
      tenant: { type: tenants.type, name: tenants.name, regionCode: tenants.regionCode },
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .innerJoin(tenants, eq(tenants.id, memberships.tenantId))
    .where(and(inArray(memberships.tenantId, tenantIds), eq(memberships.role, 'admin')));
}

/**
 * Who made a tenant's standing credentials (API keys, the calendar feed), as
 * its admins see them: the person, and whether they still belong to the tenant.
 */
export async function creatorsOf(db: Ctx['db'], tenantId: string, userIds: string[]) {
  const ids = [...new Set(userIds)];
  if (ids.length === 0) return new Map<string, Creator>();
  const rows = await db
    .select({ id: users.id, name: users.name, email: users.email, membership: memberships.id })
    .from(users)
    .leftJoin(
      memberships,
      and(eq(memberships.userId, users.id), eq(memberships.tenantId, tenantId)),
    )
    .where(inArray(users.id, ids));
  return new Map(
    rows.map((r) => [
      r.id,
      { userId: r.id, name: r.name, email: r.email, stillMember: r.membership !== null },
    ]),
  );
}

export type Creator = { userId: string; name: string; email: string; stillMember: boolean };

import { and, desc, eq, inArray, or } from 'drizzle-orm';
import { interests, memberships, potentials, tenants, users } from '../../db/schema';
import { recordEvent } from '../events/events';
import { checkOrigin } from '../forums/access';
import { authorize, requireActiveTenant, requireUser } from '../identity/access';
import { recordAudit } from '../platform/audit';
import { actingUserId, type Ctx, today } from '../platform/context';
import { badRequest, conflict, isUniqueViolation, notFound } from '../platform/errors';
import { fieldMessage } from '../platform/field-messages';
import { newId } from '../platform/ids';
import { placeOf } from '../platform/offices';

type InterestRow = typeof interests.$inferSelect;
export type ContactPerson = { name: string; email: string; role: string };

/**
 * A signed-in partner or region expresses interest in a published potential on
 * behalf of a tenant it belongs to. The owner accepts or declines; only on
 * acceptance does each side see the other's responsible officials.
 */
export async function expressInterest({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { tenantId: string; potentialId: string; message: string; originSessionId?: string };
}) {
  // the acting tenant is the path's, checked by the permission table like every other route:
  // 404 for a tenant the caller is not in, 403 for too small a role (or any API key)
  const { tenant: from } = await authorize(ctx, input.tenantId, 'interests.express');
  const actor = requireUser(ctx);
  requireActiveTenant(from);
  const fromTenantId = from.id;
  const todayIso = today(ctx);
  const [potential] = await ctx.db
    .select()
    .from(potentials)
    .where(eq(potentials.id, input.potentialId));
  if (!potential || potential.status !== 'published' || potential.expiresOn < todayIso)
    throw notFound({ key: 'potential.not_found' });
  if (potential.tenantId === fromTenantId)
    throw badRequest({ key: 'interest.own_potential' }, [
      {
        location: 'body.fromTenantId',
        message: fieldMessage('interests.is_owner_potential'),
      },
    ]);
  await checkOrigin(ctx, input.originSessionId, fromTenantId);
  const now = ctx.now();
  const id = newId('interest', now.getTime());
  try {
    return await ctx.db.transaction(async (tx) => {
      const [row] = await tx
        .insert(interests)
        .values({
          id,
          potentialId: potential.id,
          ownerTenantId: potential.tenantId,
          fromTenantId: fromTenantId,
          fromUserId: actor.user.id,
          message: input.message,
          originSessionId: input.originSessionId ?? null,
          createdAt: now,
        })
        .returning();
      await recordAudit(tx, ctx, {
        tenantId: fromTenantId,
        action: 'interest.expressed',
        targetType: 'interest',
        targetId: id,
        diff: { potentialId: { to: potential.id } },
      });
      await recordAudit(tx, ctx, {
        tenantId: potential.tenantId,
        action: 'interest.received',
        targetType: 'interest',
        targetId: id,
        diff: { fromTenantId: { to: fromTenantId } },
      });
      // the owner's deciders must answer it
      await recordEvent(tx, ctx, {
        type: 'interest.received',
        tenantIds: [potential.tenantId],
        objectId: id,
        payload: { potentialTitle: potential.title, from: placeOf(from) },
      });
      return view(row!, null);
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw conflict({ key: 'interest.duplicate' });
    throw err;
  }
}

function view(
  row: InterestRow,
  contacts: { owner: ContactPerson[]; interested: ContactPerson[] } | null,
) {
  return {
    id: row.id,
    potentialId: row.potentialId,
    ownerTenantId: row.ownerTenantId,
    fromTenantId: row.fromTenantId,
    message: row.message,
    status: row.status,
    decisionNote: row.decisionNote,
    decidedAt: row.decidedAt,
    createdAt: row.createdAt,
    contacts,
  };
}

/** The owner's responsible officials: the agency's liaisons, else the TKKSD admins. The other side: who expressed it. */
async function contactsFor(
  ctx: Ctx,
  row: InterestRow,
): Promise<{ owner: ContactPerson[]; interested: ContactPerson[] }> {
  const [potential] = await ctx.db
    .select({ agencyId: potentials.agencyId })
    .from(potentials)
    .where(eq(potentials.id, row.potentialId));
  const people = (roles: ('admin' | 'liaison')[], agencyId?: string | null) =>
    ctx.db
      .select({ name: users.name, email: users.email, role: memberships.role })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(
        and(
          eq(memberships.tenantId, row.ownerTenantId),
          inArray(memberships.role, roles),
          agencyId ? eq(memberships.agencyId, agencyId) : undefined,
        ),
      );
  let owner = potential?.agencyId ? await people(['liaison'], potential.agencyId) : [];
  if (owner.length === 0) owner = await people(['admin']);
  const [from] = await ctx.db
    .select({ name: users.name, email: users.email })
    .from(users)
    .where(eq(users.id, row.fromUserId));
  return {
    owner: owner.map((p) => ({ ...p, role: String(p.role) })),
    interested: from ? [{ ...from, role: 'sender' }] : [],
  };
}

export async function listInterests({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: {
    tenantId: string;
    box: 'received' | 'sent';
    status?: 'pending' | 'accepted' | 'declined';
  };
}) {
  const { tenant } = await authorize(ctx, input.tenantId, 'interests.read');
  const rows = await named(ctx)
    .where(
      and(
        input.box === 'received'
          ? eq(interests.ownerTenantId, tenant.id)
          : eq(interests.fromTenantId, tenant.id),
        input.status ? eq(interests.status, input.status) : undefined,
      ),
    )
    .orderBy(desc(interests.id));
  const data = [];
  for (const r of rows) data.push(await namedView(ctx, r));
  return { data };
}

/** One interest, to the tenant that owns the potential or the one that expressed it; else 404. */
export async function getInterest({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { tenantId: string; interestId: string };
}) {
  const { tenant } = await authorize(ctx, input.tenantId, 'interests.read');
  const [row] = await named(ctx).where(
    and(
      eq(interests.id, input.interestId),
      or(eq(interests.ownerTenantId, tenant.id), eq(interests.fromTenantId, tenant.id)),
    ),
  );
  if (!row) throw notFound({ key: 'interest.not_found' });
  return namedView(ctx, row);
}

/** Interests with the potential's title and the interested tenant's name. */
const named = (ctx: Ctx) =>
  ctx.db
    .select({ interest: interests, potentialTitle: potentials.title, fromTenantName: tenants.name })
    .from(interests)
    .innerJoin(potentials, eq(potentials.id, interests.potentialId))
    .innerJoin(tenants, eq(tenants.id, interests.fromTenantId))
    .$dynamic();

async function namedView(
  ctx: Ctx,
  r: { interest: InterestRow; potentialTitle: string; fromTenantName: string },
) {
  return {
    ...view(
      r.interest,
      r.interest.status === 'accepted' ? await contactsFor(ctx, r.interest) : null,
    ),
    potentialTitle: r.potentialTitle,
    fromTenantName: r.fromTenantName,
  };
}

export async function decideInterest({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { tenantId: string; interestId: string; decision: 'accept' | 'decline'; note?: string };
}) {
  const { tenant } = await authorize(ctx, input.tenantId, 'interests.decide');
  const [row] = await ctx.db
    .select()
    .from(interests)
    .where(and(eq(interests.id, input.interestId), eq(interests.ownerTenantId, tenant.id)));
  if (!row) throw notFound({ key: 'interest.not_found' });
  if (row.status !== 'pending') throw conflict({ key: 'interest.already_decided' });
  const status = input.decision === 'accept' ? ('accepted' as const) : ('declined' as const);
  const after = await ctx.db.transaction(async (tx) => {
    const [updated] = await tx
      .update(interests)
      .set({
        status,
        decisionNote: input.note ?? null,
        decidedAt: ctx.now(),
        decidedBy: actingUserId(ctx),
      })
      .where(and(eq(interests.id, row.id), eq(interests.status, 'pending')))
      .returning();
    if (!updated) throw conflict({ key: 'interest.already_decided' });
    await recordAudit(tx, ctx, {
      tenantId: tenant.id,
      action: `interest.${status}`,
      targetType: 'interest',
      targetId: row.id,
      diff: { status: { from: 'pending', to: status } },
    });
    // the interested side is told; the owner's open items on it close (a colleague decided)
    const [potential] = await tx
      .select({ title: potentials.title })
      .from(potentials)
      .where(eq(potentials.id, row.potentialId));
    await recordEvent(tx, ctx, {
      type: 'interest.decided',
      tenantIds: [row.fromTenantId],
      closeTenantIds: [tenant.id],
      objectId: row.id,
      payload: { potentialTitle: potential?.title ?? '', owner: placeOf(tenant), decision: status },
    });
    return updated;
  });
  return view(after, status === 'accepted' ? await contactsFor(ctx, after) : null);
}

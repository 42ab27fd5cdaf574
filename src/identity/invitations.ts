import { and, desc, eq, isNull } from 'drizzle-orm';
import { invitations, memberships, regions, tenants } from '../../db/schema';
import { enqueueEmail } from '../email/outbox';
import { recordAudit } from '../platform/audit';
import type { Ctx } from '../platform/context';
import { wibDate } from '../platform/date-rules';
import { ApiError, badRequest, conflict, notFound } from '../platform/errors';
import { type Lang, t } from '../platform/i18n';
import { newId } from '../platform/ids';
import { linkTo } from '../platform/links';
import { placeOf } from '../platform/offices';
import { consume, LIMITS } from '../platform/rate-limit';
import { hashSecret, randomSecret, secretMatches, splitToken } from '../platform/secrets';
import { authorize, type Role, requireUser } from './access';
import { normalizeEmail } from './accounts';
import { checkRole } from './members';

export const INVITATION_TTL_DAYS = 7;

type InvitationRow = typeof invitations.$inferSelect;

export function invitationStatus(
  row: InvitationRow,
  now: Date,
): 'pending' | 'accepted' | 'revoked' | 'expired' {
  if (row.acceptedAt) return 'accepted';
  if (row.revokedAt) return 'revoked';
  if (row.expiresAt <= now) return 'expired';
  return 'pending';
}

const view = (row: InvitationRow, now: Date) => ({
  id: row.id,
  email: row.email,
  role: row.role,
  agencyId: row.agencyId,
  status: invitationStatus(row, now),
  expiresAt: row.expiresAt,
  createdAt: row.createdAt,
  acceptedAt: row.acceptedAt,
});

const ROLE_LABEL: Record<Lang, Record<string, string>> = {
  id: {
    admin: 'admin (sekretariat TKKSD)',
    liaison: 'pejabat penghubung (PPKSD)',
    head: 'kepala daerah',
    viewer: 'pengamat',
    member: 'anggota',
  },
  en: {
    admin: 'admin (TKKSD secretariat)',
    liaison: 'liaison officer (PPKSD)',
    head: 'head of region',
    viewer: 'viewer',
    member: 'member',
  },
};

export async function createInvitation({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { tenantId: string; email: string; role: Role; agencyId?: string | null; lang?: Lang };
}) {
  const access = await authorize(ctx, input.tenantId, 'invitations.manage');
  const actor = requireUser(ctx);
  const { tenant } = access;
  if (access.via === 'facilitator') {
    // A province invites only the first admin of an unclaimed kabupaten/kota.
    if (input.role !== 'admin')
      throw new ApiError('FORBIDDEN', { key: 'invitation.facilitator_admin_only' });
    facilitatorMayManage(tenant);
  }
  if (tenant.type === 'region' && tenant.regionCode) {
    const [region] = await ctx.db
      .select({ autonomous: regions.autonomous })
      .from(regions)
      .where(eq(regions.code, tenant.regionCode));
    if (region && !region.autonomous) throw conflict({ key: 'invitation.administrative_region' });
  }
  const agencyId = await checkRole(ctx, tenant, input.role, input.agencyId);
  const email = normalizeEmail(input.email);
  const now = ctx.now();
  const id = newId('invitation', now.getTime());
  const secret = randomSecret(20);
  const token = `${id}.${secret}`;
  const lang = input.lang ?? ctx.lang;
  const row = await ctx.db.transaction(async (tx) => {
    const [created] = await tx
      .insert(invitations)
      .values({
        id,
        tenantId: tenant.id,
        email,
        role: input.role,
        agencyId,
        secretHash: hashSecret(secret),
        invitedBy: actor.user.id,
        expiresAt: new Date(now.getTime() + INVITATION_TTL_DAYS * 86400_000),
        createdAt: now,
      })
      .returning();
    await enqueueEmail(tx, ctx, email, lang, 'invitation', {
      tenantName: placeOf(tenant),
      inviterName: actor.user.name,
      role: ROLE_LABEL[lang][input.role] ?? input.role,
      url: linkTo(ctx.config, 'acceptInvitation', { token }),
      token,
      // the last day, in WIB, as a date officials read (not "valid for 7 days")
      validUntil: wibDate(new Date(now.getTime() + INVITATION_TTL_DAYS * 86400_000)),
    });
    await recordAudit(tx, ctx, {
      tenantId: tenant.id,
      action: 'invitation.created',
      targetType: 'invitation',
      targetId: id,
      diff: { email: { to: email }, role: { to: input.role }, agencyId: { to: agencyId } },
    });
    return created!;
  });
  return view(row, now);
}

/** Once a region is claimed, its invitations are its own: the province no longer manages them. */
function facilitatorMayManage(tenant: { status: string }): void {
  if (tenant.status !== 'unclaimed')
    throw new ApiError('FORBIDDEN', { key: 'invitation.facilitator_claimed' });
}

export async function listInvitations({ ctx, input }: { ctx: Ctx; input: { tenantId: string } }) {
  const access = await authorize(ctx, input.tenantId, 'invitations.manage');
  const { tenant } = access;
  if (access.via === 'facilitator') facilitatorMayManage(tenant);
  const rows = await ctx.db
    .select()
    .from(invitations)
    .where(eq(invitations.tenantId, tenant.id))
    .orderBy(desc(invitations.createdAt));
  return { data: rows.map((r) => view(r, ctx.now())) };
}

export async function revokeInvitation({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { tenantId: string; invitationId: string };
}) {
  const access = await authorize(ctx, input.tenantId, 'invitations.manage');
  const { tenant } = access;
  if (access.via === 'facilitator') facilitatorMayManage(tenant);
  const [row] = await ctx.db
    .select()
    .from(invitations)
    .where(and(eq(invitations.id, input.invitationId), eq(invitations.tenantId, tenant.id)));
  if (!row) throw notFound({ key: 'invitation.not_found' });
  const status = invitationStatus(row, ctx.now());
  if (status !== 'pending')
    throw new ApiError('GONE', {
      key: `invitation.${status === 'accepted' ? 'used' : status}` as 'invitation.used',
    });
  await ctx.db.transaction(async (tx) => {
    await tx.update(invitations).set({ revokedAt: ctx.now() }).where(eq(invitations.id, row.id));
    await recordAudit(tx, ctx, {
      tenantId: tenant.id,
      action: 'invitation.revoked',
      targetType: 'invitation',
      targetId: row.id,
      diff: { status: { from: 'pending', to: 'revoked' } },
    });
  });
}

/**
 * The signed-in user accepts with the token from the email. The account's email
 * must be the invited one. The first admin of an unclaimed region claims it.
 */
export async function acceptInvitation({ ctx, input }: { ctx: Ctx; input: { token: string } }) {
  const actor = requireUser(ctx);
  await consume(ctx, LIMITS.tokenAddress, ctx.clientAddress);
  const parts = splitToken(input.token);
  const [row] =
    parts && parts.id.startsWith('inv_')
      ? await ctx.db.select().from(invitations).where(eq(invitations.id, parts.id))
      : [];
  if (!row || !parts || !secretMatches(parts.secret, row.secretHash)) {
    throw badRequest({ key: 'auth.invalid_token' }, [
      { location: 'body.token', message: t(ctx.lang, 'auth.invalid_token') },
    ]);
  }
  const status = invitationStatus(row, ctx.now());
  if (status !== 'pending')
    throw new ApiError('GONE', {
      key: `invitation.${status === 'accepted' ? 'used' : status}` as 'invitation.used',
    });
  if (row.email !== actor.user.email)
    throw new ApiError('FORBIDDEN', { key: 'invitation.email_mismatch' });

  const now = ctx.now();
  return ctx.db.transaction(async (tx) => {
    const claimed = await tx
      .update(invitations)
      .set({ acceptedAt: now, acceptedBy: actor.user.id })
      .where(
        and(
          eq(invitations.id, row.id),
          isNull(invitations.acceptedAt),
          isNull(invitations.revokedAt),
        ),
      )
      .returning({ acceptedAt: invitations.acceptedAt });
    if (claimed.length === 0) throw new ApiError('GONE', { key: 'invitation.used' });
    const [existing] = await tx
      .select()
      .from(memberships)
      .where(and(eq(memberships.tenantId, row.tenantId), eq(memberships.userId, actor.user.id)));
    if (existing) throw conflict({ key: 'membership.already_member' });
    const membershipId = newId('membership', now.getTime());
    await tx.insert(memberships).values({
      id: membershipId,
      tenantId: row.tenantId,
      userId: actor.user.id,
      role: row.role,
      agencyId: row.agencyId,
      createdAt: now,
      updatedAt: now,
    });
    const [tenant] = await tx.select().from(tenants).where(eq(tenants.id, row.tenantId));
    if (tenant?.status === 'unclaimed' && row.role === 'admin') {
      await tx
        .update(tenants)
        .set({ status: 'active', claimedAt: now, updatedAt: now })
        .where(eq(tenants.id, tenant.id));
      await recordAudit(tx, ctx, {
        tenantId: tenant.id,
        action: 'tenant.claimed',
        targetType: 'tenant',
        targetId: tenant.id,
        diff: { status: { from: 'unclaimed', to: 'active' } },
      });
      // Invitations issued from outside before the claim (by the province or the
      // platform) lapse with it: from now on the region invites its own people.
      const lapsed = await tx
        .update(invitations)
        .set({ revokedAt: now })
        .where(
          and(
            eq(invitations.tenantId, tenant.id),
            isNull(invitations.acceptedAt),
            isNull(invitations.revokedAt),
          ),
        )
        .returning({ id: invitations.id });
      for (const { id } of lapsed)
        await recordAudit(tx, ctx, {
          tenantId: tenant.id,
          action: 'invitation.revoked',
          targetType: 'invitation',
          targetId: id,
          diff: { status: { from: 'pending', to: 'revoked' }, reason: { to: 'tenant.claimed' } },
        });
    }
    await recordAudit(tx, ctx, {
      tenantId: row.tenantId,
      action: 'invitation.accepted',
      targetType: 'invitation',
      targetId: row.id,
    });
    await recordAudit(tx, ctx, {
      tenantId: row.tenantId,
      action: 'membership.created',
      targetType: 'membership',
      targetId: membershipId,
      diff: {
        userId: { to: actor.user.id },
        role: { to: row.role },
        agencyId: { to: row.agencyId },
      },
    });
    return { membershipId, tenantId: row.tenantId, role: row.role, agencyId: row.agencyId };
  });
}

import { eq, inArray } from 'drizzle-orm';
import { forumInvitations, forumRegistrations, tenants } from '../../db/schema';
import { tenantsFitting } from '../candidates/recommendations';
import type { TenantRow } from '../identity/access';
import { recordAudit } from '../platform/audit';
import type { Ctx } from '../platform/context';
import { badRequest, type RaisedFieldError } from '../platform/errors';
import { fieldMessage } from '../platform/field-messages';
import { convenerSession, forumRule, inWords } from './access';
import { notifyInvited } from './notices';

/**
 * How many tenants one session may invite, by who convenes it: a kabupaten/kota
 * its neighbours, a province its kabupaten/kota and more, the platform the
 * country. With the daily allowance of invitation emails (LIMITS), this keeps
 * an invitation from being a mailing tool.
 */
export const INVITATION_CAP = { regency: 25, province: 100, platform: 600 } as const;

export function invitationCap(tenant: TenantRow, platformAdmin: boolean): number {
  if (platformAdmin) return INVITATION_CAP.platform;
  return tenant.regionCode && !tenant.regionCode.includes('.')
    ? INVITATION_CAP.province
    : INVITATION_CAP.regency;
}

/** A field error naming the cap, for `location`. */
export function overCap(location: string, cap: number): RaisedFieldError {
  return {
    location,
    message: {
      id: `paling banyak ${cap} daerah atau mitra diundang ke satu sesi oleh penyelenggara ini`,
      en: `at most ${cap} regions or partners may be invited to one session by this convener`,
    },
  };
}

/** Who to invite: regions and partners ranked by the matching score, with its explanation. */
export async function suggestInvitees({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { tenantId: string; forumId: string; sessionId: string; limit: number };
}) {
  const { session, forum } = await convenerSession(ctx, input, 'forums.read');
  const [registered, invited] = await Promise.all([
    ctx.db
      .select({ id: forumRegistrations.tenantId })
      .from(forumRegistrations)
      .where(eq(forumRegistrations.sessionId, session.id)),
    ctx.db
      .select({ id: forumInvitations.tenantId })
      .from(forumInvitations)
      .where(eq(forumInvitations.sessionId, session.id)),
  ]);
  const exclude = new Set([
    forum.tenantId,
    ...forum.invitedTenantIds,
    ...registered.map((r) => r.id),
    ...invited.map((r) => r.id),
  ]);
  const data = await tenantsFitting(ctx, {
    tenantId: forum.tenantId,
    issues: forum.issues,
    affairs: forum.affairs,
    exclude,
    limit: input.limit,
  });
  return { data };
}

/** The convener invites tenants in one call; each invited tenant's admins get an email. */
export async function inviteToSession({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { tenantId: string; forumId: string; sessionId: string; tenantIds: string[] };
}) {
  const { session, forum, tenant, via, actor } = await convenerSession(ctx, input, 'forums.manage');
  if (['held', 'closed', 'cancelled'].includes(session.status))
    throw forumRule('session_state', inWords(session.status));
  const ids = [...new Set(input.tenantIds)];
  const already = await ctx.db
    .select({ id: forumInvitations.tenantId })
    .from(forumInvitations)
    .where(eq(forumInvitations.sessionId, session.id));
  const cap = invitationCap(tenant, via === 'platform_admin');
  const total = new Set([...forum.invitedTenantIds, ...already.map((a) => a.id), ...ids]).size;
  if (total > cap) throw badRequest({ key: 'request.invalid' }, [overCap('body.tenantIds', cap)]);
  const found = await ctx.db
    .select({ id: tenants.id, status: tenants.status })
    .from(tenants)
    .where(inArray(tenants.id, ids));
  const errors: RaisedFieldError[] = [];
  ids.forEach((id, i) => {
    const t = found.find((f) => f.id === id);
    if (!t || t.status !== 'active' || id === tenant.id)
      errors.push({
        location: `body.tenantIds.${i}`,
        message: fieldMessage('forums.must_active_tenant_other_than_convener'),
      });
  });
  if (errors.length) throw badRequest({ key: 'request.invalid' }, errors);
  const invited = await ctx.db.transaction(async (tx) => {
    const rows = await tx
      .insert(forumInvitations)
      .values(
        ids.map((id) => ({
          sessionId: session.id,
          tenantId: id,
          invitedBy: actor.user.id,
          createdAt: ctx.now(),
        })),
      )
      .onConflictDoNothing()
      .returning({ tenantId: forumInvitations.tenantId });
    const fresh = rows.map((r) => r.tenantId);
    // a draft is not public yet: its invitations are kept and emailed when it is published
    if (session.status !== 'draft') await notifyInvited(tx, ctx, session, fresh);
    for (const id of fresh)
      await recordAudit(tx, ctx, {
        tenantId: id,
        action: 'forum.invited',
        targetType: 'forum_session',
        targetId: session.id,
        diff: { convener: { to: tenant.id } },
      });
    await recordAudit(tx, ctx, {
      tenantId: tenant.id,
      action: 'forum.invitations_sent',
      targetType: 'forum_session',
      targetId: session.id,
      diff: { tenantIds: { to: fresh } },
    });
    return fresh;
  });
  return {
    invited,
    alreadyInvited: ids.filter((id) => !invited.includes(id)),
    emailed: session.status !== 'draft',
  };
}

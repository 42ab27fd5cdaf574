import { eq, inArray } from 'drizzle-orm';
import { forumInvitations, forumRegistrations, tenants } from '../../db/schema';
import { tenantsFitting } from '../candidates/recommendations';
import { recordAudit } from '../platform/audit';
import type { Ctx } from '../platform/context';
import { badRequest, type RaisedFieldError } from '../platform/errors';
import { fieldMessage } from '../platform/field-messages';
import { convenerSession, forumRule, inWords } from './access';
import { notifyInvited } from './notices';

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
  const { session, tenant, actor } = await convenerSession(ctx, input, 'forums.manage');
  if (['held', 'closed', 'cancelled'].includes(session.status))
    throw forumRule('session_state', inWords(session.status));
  const ids = [...new Set(input.tenantIds)];
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

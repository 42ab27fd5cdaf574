import { and, eq } from 'drizzle-orm';
import { agreementParties, agreements } from '../../db/schema';
import { recordEvent } from '../events/events';
import { requireActiveTenant, requireUser } from '../identity/access';
import { recordAudit } from '../platform/audit';
import type { Ctx } from '../platform/context';
import { badRequest } from '../platform/errors';
import { fieldMessage } from '../platform/field-messages';
import { placeOf } from '../platform/offices';
import { agreementAccess, getAgreement } from './agreements';
import { agreementRule } from './stages';

/**
 * An invited party's answer. Its admin (a region's head too) confirms or
 * declines with a reason; the agreement goes on, and counts anywhere, only once
 * every party has confirmed. Audited in the answering tenant.
 */
export async function answerAgreement({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: {
    tenantId: string;
    agreementId: string;
    decision: 'confirm' | 'decline';
    reason?: string;
  };
}) {
  const { tenant, row, me } = await agreementAccess(
    ctx,
    input.tenantId,
    input.agreementId,
    'agreements.consent',
  );
  const actor = requireUser(ctx);
  if (!me || me.status !== 'invited') throw agreementRule('not_invited');
  if (input.decision === 'decline' && !input.reason?.trim())
    throw badRequest({ key: 'request.invalid' }, [
      {
        location: 'body.reason',
        message: fieldMessage('agreements.is_required_when_declining'),
      },
    ]);
  if (input.decision === 'confirm') requireActiveTenant(tenant);
  const now = ctx.now();
  const status = input.decision === 'confirm' ? ('confirmed' as const) : ('declined' as const);
  await ctx.db.transaction(async (tx) => {
    const answered = await tx
      .update(agreementParties)
      .set({
        status,
        respondedAt: now,
        respondedBy: actor.user.id,
        declineReason: input.decision === 'decline' ? input.reason!.trim() : null,
      })
      .where(
        and(
          eq(agreementParties.agreementId, row.id),
          eq(agreementParties.tenantId, tenant.id),
          eq(agreementParties.status, 'invited'),
        ),
      )
      .returning({ tenantId: agreementParties.tenantId });
    if (answered.length === 0) throw agreementRule('not_invited');
    if (status === 'confirmed') {
      const rest = await tx
        .select({ status: agreementParties.status })
        .from(agreementParties)
        .where(eq(agreementParties.agreementId, row.id));
      if (rest.every((p) => p.status === 'confirmed'))
        await tx
          .update(agreements)
          .set({ confirmedAt: now, updatedAt: now })
          .where(eq(agreements.id, row.id));
    }
    await recordAudit(tx, ctx, {
      tenantId: tenant.id,
      action: `agreement.${status}`,
      targetType: 'agreement',
      targetId: row.id,
      diff: { partyStatus: { from: 'invited', to: status } },
    });
    // the other parties hear of it; the answering party's open items on it close
    const others = await tx
      .select({ tenantId: agreementParties.tenantId })
      .from(agreementParties)
      .where(eq(agreementParties.agreementId, row.id));
    await recordEvent(tx, ctx, {
      type: 'agreement.answered',
      tenantIds: others.map((o) => o.tenantId).filter((t) => t !== tenant.id),
      closeTenantIds: [tenant.id],
      objectId: row.id,
      payload: { title: row.title, party: placeOf(tenant), decision: status },
    });
  });
  return getAgreement({ ctx, input });
}

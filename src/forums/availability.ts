import { and, eq, inArray, or, sql } from 'drizzle-orm';
import { forumDelegates, forumMeetings, forumRegistrations, tenants } from '../../db/schema';
import { pairScores } from '../candidates/matches';
import { requireUser } from '../identity/access';
import { recordAudit } from '../platform/audit';
import type { Ctx } from '../platform/context';
import { badRequest, type RaisedFieldError } from '../platform/errors';
import { fieldMessage } from '../platform/field-messages';
import { ownRegistration } from './access';
import { sessionOr404, sessionSlots } from './meetings';
import { localOf, type Zone } from './time';

/** Who a delegation should meet here, and why: the other approved delegations by matching score. */
export async function meetingSuggestions({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { tenantId: string; registrationId: string; limit: number };
}) {
  const { tenant, registration: reg } = await ownRegistration(ctx, input, 'forums.read');
  const [others, asked] = await Promise.all([
    ctx.db
      .select({ tenantId: forumRegistrations.tenantId, name: tenants.name, type: tenants.type })
      .from(forumRegistrations)
      .innerJoin(tenants, eq(tenants.id, forumRegistrations.tenantId))
      .where(
        and(
          eq(forumRegistrations.sessionId, reg.sessionId),
          eq(forumRegistrations.status, 'approved'),
        ),
      ),
    ctx.db
      .select({ a: forumMeetings.requesterTenantId, b: forumMeetings.recipientTenantId })
      .from(forumMeetings)
      .where(
        and(
          eq(forumMeetings.sessionId, reg.sessionId),
          or(
            eq(forumMeetings.requesterTenantId, tenant.id),
            eq(forumMeetings.recipientTenantId, tenant.id),
          ),
          inArray(forumMeetings.status, ['requested', 'accepted', 'declined']),
        ),
      ),
  ]);
  const excluded = new Set([tenant.id, ...asked.flatMap((x) => [x.a, x.b])]);
  const candidates = others.filter((o) => !excluded.has(o.tenantId));
  const scores = await pairScores(
    ctx,
    tenant.id,
    candidates.map((c) => c.tenantId),
  );
  const data = candidates
    .map((c) => ({
      tenantId: c.tenantId,
      name: c.name,
      type: c.type,
      score: scores.get(c.tenantId)?.score ?? 0,
      reasons: scores.get(c.tenantId)?.reasons ?? [],
    }))
    .sort((x, y) => y.score - x.score || (x.name < y.name ? -1 : 1))
    .slice(0, input.limit);
  return { data };
}

/** A delegation marks the slots it cannot attend, and how many meetings it can hold at once. */
export async function setAvailability({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { tenantId: string; registrationId: string; unavailable: string[]; parallel?: number };
}) {
  const { tenant, registration: reg } = await ownRegistration(ctx, input, 'forums.register');
  requireUser(ctx);
  const session = await sessionOr404(ctx, reg.sessionId);
  const slots = sessionSlots(session);
  const byLocal = new Map(slots.map((s) => [s.local, s]));
  const errors: RaisedFieldError[] = [];
  const unavailable: Date[] = [];
  input.unavailable.forEach((local, i) => {
    const slot = byLocal.get(local);
    if (!slot)
      errors.push({
        location: `body.unavailable.${i}`,
        message: fieldMessage('forums.must_be_a_meeting_slot'),
      });
    else unavailable.push(slot.start);
  });
  const [people] = await ctx.db
    .select({ n: sql<number>`count(*)::int` })
    .from(forumDelegates)
    .where(eq(forumDelegates.registrationId, reg.id));
  const parallel = input.parallel ?? reg.parallel;
  if (parallel > Math.max(1, Number(people?.n ?? 1)))
    errors.push({
      location: 'body.parallel',
      message: fieldMessage('forums.at_most_number_people_delegation'),
    });
  if (errors.length) throw badRequest({ key: 'request.invalid' }, errors);
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(forumRegistrations)
      .set({ unavailable, parallel, updatedAt: ctx.now() })
      .where(eq(forumRegistrations.id, reg.id));
    await recordAudit(tx, ctx, {
      tenantId: tenant.id,
      action: 'forum.availability_set',
      targetType: 'forum_registration',
      targetId: reg.id,
      diff: {
        unavailable: { to: input.unavailable },
        parallel: { from: reg.parallel, to: parallel },
      },
    });
  });
  return {
    registrationId: reg.id,
    parallel,
    unavailable: unavailable.map((d) => localOf(d, session.timeZone as Zone)),
    slots: slots.map((s) => s.local),
  };
}

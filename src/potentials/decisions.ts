import { and, eq, inArray } from 'drizzle-orm';
import { mappingDecisions, potentials } from '../../db/schema';
import { authorize, requireUser } from '../identity/access';
import { recordAudit } from '../platform/audit';
import type { Ctx } from '../platform/context';
import { ApiError, badRequest, notFound, type RaisedFieldError } from '../platform/errors';
import { fieldMessage } from '../platform/field-messages';
import { newId } from '../platform/ids';
import { applyTransition } from './potentials';

export type BatchDecisionInput = {
  tenantId: string;
  kind: 'berita_acara' | 'sk';
  number: string;
  date: string;
  roundId?: string;
  attendees?: { name: string; title: string }[];
  /** in order: a Berita Acara ranks them as listed */
  potentialIds: string[];
};

/**
 * The normal path of a mapping: one Berita Acara of the TKKSD plenary
 * prioritises a ranked list of submitted potentials, and one SK of the head
 * establishes the prioritised list. All or nothing: a potential not in the
 * right state stops the batch, naming it.
 */
export async function decideBatch({ ctx, input }: { ctx: Ctx; input: BatchDecisionInput }) {
  const access = await authorize(ctx, input.tenantId, 'potentials.decide');
  const actor = requireUser(ctx);
  const rows = await ctx.db
    .select()
    .from(potentials)
    .where(
      and(eq(potentials.tenantId, access.tenant.id), inArray(potentials.id, input.potentialIds)),
    );
  const byId = new Map(rows.map((r) => [r.id, r]));
  const errors: RaisedFieldError[] = [];
  const conflicts: RaisedFieldError[] = [];
  const expected = input.kind === 'berita_acara' ? 'submitted' : 'prioritised';
  input.potentialIds.forEach((id, i) => {
    const row = byId.get(id);
    if (!row || (input.roundId && row.roundId !== input.roundId))
      errors.push({
        location: `body.potentialIds.${i}`,
        message: fieldMessage('potentials.must_potential_this_region_round_named'),
      });
    else if (row.status !== expected)
      conflicts.push({
        location: `body.potentialIds.${i}`,
        message: fieldMessage(
          input.kind === 'berita_acara'
            ? 'potentials.berita_acara_prioritises_submitted'
            : 'potentials.sk_establishes_prioritised',
        ),
      });
  });
  if (errors.length) throw badRequest({ key: 'request.invalid' }, errors);
  if (conflicts.length)
    // like a single transition from the wrong state: the request is fine, the data is not there yet
    throw new ApiError('CONFLICT', { key: 'potential.batch_state' }, { errors: conflicts });
  const now = ctx.now();
  const id = newId('decision', now.getTime());
  return ctx.db.transaction(async (tx) => {
    await tx.insert(mappingDecisions).values({
      id,
      tenantId: access.tenant.id,
      roundId: input.roundId ?? null,
      kind: input.kind,
      number: input.number,
      date: input.date,
      attendees: input.attendees ?? [],
      potentialIds: input.potentialIds,
      createdBy: actor.user.id,
      createdAt: now,
    });
    const decided = [];
    for (const [i, potentialId] of input.potentialIds.entries())
      decided.push(
        await applyTransition(
          tx,
          ctx,
          access,
          byId.get(potentialId)!,
          input.kind === 'berita_acara'
            ? {
                tenantId: input.tenantId,
                potentialId,
                action: 'prioritise',
                baNumber: input.number,
                baDate: input.date,
                priorityRank: i + 1,
              }
            : {
                tenantId: input.tenantId,
                potentialId,
                action: 'establish',
                skNumber: input.number,
                skDate: input.date,
              },
        ),
      );
    await recordAudit(tx, ctx, {
      tenantId: access.tenant.id,
      action: input.kind === 'berita_acara' ? 'mapping.berita_acara' : 'mapping.sk',
      targetType: 'mapping_decision',
      targetId: id,
      diff: { number: { to: input.number }, potentials: { to: input.potentialIds.length } },
    });
    return {
      id,
      kind: input.kind,
      number: input.number,
      date: input.date,
      roundId: input.roundId ?? null,
      attendees: input.attendees ?? [],
      potentials: decided.map((p) => ({
        id: p.id,
        title: p.title,
        status: p.status,
        priorityRank: p.priorityRank,
      })),
    };
  });
}

/** A Berita Acara or an SK as recorded, with its potentials in the decision's order and their state now. */
export async function getDecision({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { tenantId: string; decisionId: string };
}) {
  const access = await authorize(ctx, input.tenantId, 'potentials.read');
  const [row] = await ctx.db
    .select()
    .from(mappingDecisions)
    .where(
      and(
        eq(mappingDecisions.id, input.decisionId),
        eq(mappingDecisions.tenantId, access.tenant.id),
      ),
    );
  if (!row) throw notFound({ key: 'decision.not_found' });
  const rows = await ctx.db
    .select({
      id: potentials.id,
      title: potentials.title,
      status: potentials.status,
      priorityRank: potentials.priorityRank,
    })
    .from(potentials)
    .where(inArray(potentials.id, row.potentialIds));
  const byId = new Map(rows.map((r) => [r.id, r]));
  return {
    id: row.id,
    kind: row.kind as 'berita_acara' | 'sk',
    number: row.number,
    date: row.date,
    roundId: row.roundId,
    attendees: row.attendees,
    potentials: row.potentialIds.flatMap((id) => byId.get(id) ?? []),
  };
}

import { and, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import {
  agreementActions,
  agreementDocuments,
  agreementEvaluations,
  agreementParties,
  agreements,
} from '../../db/schema';
import { recordAudit } from '../platform/audit';
import { actingUserId, type Ctx, today } from '../platform/context';
import { badRequest, checkLink, notFound } from '../platform/errors';
import { fieldMessage } from '../platform/field-messages';
import { newId } from '../platform/ids';
import { access } from './agreements';
import { ACTIVE } from './stages';

export async function addAction({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: {
    tenantId: string;
    agreementId: string;
    title: string;
    responsibleTenantId: string;
    dueDate: string;
  };
}) {
  const { row, parties } = await access(ctx, input.tenantId, input.agreementId, true);
  if (!parties.some((p) => p.id === input.responsibleTenantId))
    throw badRequest({ key: 'request.invalid' }, [
      {
        location: 'body.responsibleTenantId',
        message: fieldMessage('agreements.must_party'),
      },
    ]);
  const id = newId('action', ctx.now().getTime());
  const created = await ctx.db.transaction(async (tx) => {
    const [inserted] = await tx
      .insert(agreementActions)
      .values({
        id,
        agreementId: row.id,
        title: input.title,
        responsibleTenantId: input.responsibleTenantId,
        dueDate: input.dueDate,
        createdAt: ctx.now(),
        updatedAt: ctx.now(),
      })
      .returning();
    await recordAudit(tx, ctx, {
      tenantId: input.tenantId,
      action: 'agreement.action_added',
      targetType: 'agreement_action',
      targetId: id,
      diff: { title: { to: input.title }, dueDate: { to: input.dueDate } },
    });
    return inserted!;
  });
  return created;
}

export async function updateAction({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: {
    tenantId: string;
    agreementId: string;
    actionId: string;
    status?: 'planned' | 'in_progress' | 'done';
    dueDate?: string;
  };
}) {
  const { row } = await access(ctx, input.tenantId, input.agreementId, true);
  const [before] = await ctx.db
    .select()
    .from(agreementActions)
    .where(and(eq(agreementActions.id, input.actionId), eq(agreementActions.agreementId, row.id)));
  if (!before) throw notFound({ key: 'agreement.not_found' });
  return ctx.db.transaction(async (tx) => {
    const [updated] = await tx
      .update(agreementActions)
      .set({
        status: input.status ?? before.status,
        dueDate: input.dueDate ?? before.dueDate,
        updatedAt: ctx.now(),
      })
      .where(eq(agreementActions.id, before.id))
      .returning();
    await recordAudit(tx, ctx, {
      tenantId: input.tenantId,
      action: 'agreement.action_updated',
      targetType: 'agreement_action',
      targetId: before.id,
      diff: { status: { from: before.status, to: input.status ?? before.status } },
    });
    return updated!;
  });
}

export async function addEvaluation({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: {
    tenantId: string;
    agreementId: string;
    date: string;
    findings: string;
    rating: number;
    nextEvaluationDate?: string;
    benefits?: string;
    obstacles?: string;
    followUp?: string;
    budgetPlannedIdr?: number;
    budgetRealisedIdr?: number;
  };
}) {
  const { row } = await access(ctx, input.tenantId, input.agreementId, true);
  if (input.nextEvaluationDate && input.nextEvaluationDate <= input.date)
    throw badRequest({ key: 'request.invalid' }, [
      {
        location: 'body.nextEvaluationDate',
        message: fieldMessage('agreements.must_after_date'),
      },
    ]);
  const id = newId('event', ctx.now().getTime());
  const created = await ctx.db.transaction(async (tx) => {
    const [inserted] = await tx
      .insert(agreementEvaluations)
      .values({
        id,
        agreementId: row.id,
        date: input.date,
        findings: input.findings,
        rating: input.rating,
        nextEvaluationDate: input.nextEvaluationDate ?? null,
        benefits: input.benefits ?? null,
        obstacles: input.obstacles ?? null,
        followUp: input.followUp ?? null,
        budgetPlannedIdr: input.budgetPlannedIdr ?? null,
        budgetRealisedIdr: input.budgetRealisedIdr ?? null,
        createdBy: actingUserId(ctx) ?? 'api',
        createdAt: ctx.now(),
      })
      .returning();
    await recordAudit(tx, ctx, {
      tenantId: input.tenantId,
      action: 'agreement.evaluated',
      targetType: 'agreement',
      targetId: row.id,
      diff: { rating: { to: input.rating } },
    });
    return inserted!;
  });
  return created;
}

export async function addDocument({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: {
    tenantId: string;
    agreementId: string;
    title: string;
    number?: string;
    date?: string;
    link?: string;
  };
}) {
  checkLink(ctx.config, input.link, 'body.link');
  const { row } = await access(ctx, input.tenantId, input.agreementId, true);
  const id = newId('event', ctx.now().getTime());
  const created = await ctx.db.transaction(async (tx) => {
    const [inserted] = await tx
      .insert(agreementDocuments)
      .values({
        id,
        agreementId: row.id,
        title: input.title,
        number: input.number ?? null,
        date: input.date ?? null,
        link: input.link ?? null,
        createdAt: ctx.now(),
      })
      .returning();
    await recordAudit(tx, ctx, {
      tenantId: input.tenantId,
      action: 'agreement.document_added',
      targetType: 'agreement',
      targetId: row.id,
      diff: { document: { to: input.title } },
    });
    return inserted!;
  });
  return created;
}

/** For the catalogue: active agreements a region is party to. */
export async function activeAgreementCount(ctx: Ctx, tenantId: string): Promise<number> {
  const [r] = await ctx.db
    .select({ n: sql<number>`count(*)::int` })
    .from(agreementParties)
    .innerJoin(agreements, eq(agreements.id, agreementParties.agreementId))
    .where(
      and(
        eq(agreementParties.tenantId, tenantId),
        inArray(agreements.stage, ACTIVE),
        isNotNull(agreements.confirmedAt),
        // a PKS past its end and not renewed has lapsed: not active
        sql`(${agreements.pksEnd} is null or ${agreements.pksEnd} >= ${today(ctx)}::date)`,
      ),
    );
  return Number(r?.n ?? 0);
}

import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import {
  agreementActions,
  agreementDocuments,
  agreementEvaluations,
  agreementEvents,
  agreementParties,
  agreementSignatures,
  agreements,
  forumFollowUps,
  interests,
  proposals,
  tenantProfiles,
  tenants,
} from '../../db/schema';
import { recordEvent } from '../events/events';
import { forumRule } from '../forums/access';
import { followUpOf } from '../forums/minutes';
import { authorize, provinceOf, requireActiveTenant, requireUser } from '../identity/access';
import { recordAudit } from '../platform/audit';
import { actingUserId, type Ctx, today } from '../platform/context';
import { ApiError, badRequest, notFound, type RaisedFieldError } from '../platform/errors';
import { fieldMessage } from '../platform/field-messages';
import { newId } from '../platform/ids';
import { placeOf } from '../platform/offices';
import { regulationsFor } from '../reference/regulations';
import { termCodes } from '../reference/vocabularies';
import {
  agreementRule,
  bordering,
  consentOf,
  flagsOf,
  kindMismatch,
  MANDATORY_GROUND_REQUIRED,
  MANDATORY_RULE,
  type MandatoryGround,
  NO_FLAGS,
  nextStages,
  rule,
  SIGNED_STAGES,
  STAGE_WORDS,
  type Stage,
} from './stages';

export type Row = typeof agreements.$inferSelect;

export type PartyView = {
  id: string;
  name: string;
  regionCode: string | null;
  status: 'invited' | 'confirmed' | 'declined';
  respondedAt: Date | null;
  kbNumber: string | null;
  memorandumNumber: string | null;
  actionPlanNumber: string | null;
  pksNumber: string | null;
  burdensBudget: boolean | null;
  burdensPublic: boolean | null;
  budgeted: boolean | null;
  dprdApprovalRef: string | null;
  dprdApprovalDate: string | null;
};

export function partiesOf(ctx: Ctx, agreementIds: string[]) {
  return ctx.db
    .select({
      agreementId: agreementParties.agreementId,
      id: tenants.id,
      name: tenants.name,
      regionCode: tenants.regionCode,
      status: agreementParties.status,
      respondedAt: agreementParties.respondedAt,
      kbNumber: agreementParties.kbNumber,
      memorandumNumber: agreementParties.memorandumNumber,
      actionPlanNumber: agreementParties.actionPlanNumber,
      pksNumber: agreementParties.pksNumber,
      burdensBudget: agreementParties.burdensBudget,
      burdensPublic: agreementParties.burdensPublic,
      budgeted: agreementParties.budgeted,
      dprdApprovalRef: agreementParties.dprdApprovalRef,
      dprdApprovalDate: agreementParties.dprdApprovalDate,
    })
    .from(agreementParties)
    .innerJoin(tenants, eq(tenants.id, agreementParties.tenantId))
    .where(inArray(agreementParties.agreementId, agreementIds));
}

/**
 * Reads need a party — an invited one too, so it can decide — or the province
 * facilitating a party, once every party has confirmed. Writes need a party and
 * a confirmed agreement: nobody is bound by another side's write.
 */
export async function agreementAccess(
  ctx: Ctx,
  tenantId: string,
  agreementId: string,
  permission: 'agreements.read' | 'agreements.write' | 'agreements.consent' | 'agreements.sign',
) {
  const access = await authorize(ctx, tenantId, permission);
  const { tenant } = access;
  const [row] = await ctx.db.select().from(agreements).where(eq(agreements.id, agreementId));
  if (!row) throw notFound({ key: 'agreement.not_found' });
  const parties: PartyView[] = (await partiesOf(ctx, [row.id])).map(
    ({ agreementId: _a, ...p }) => p,
  );
  const me = parties.find((p) => p.id === tenant.id);
  const province = provinceOf(tenant);
  const facilitates =
    !!province &&
    !!row.confirmedAt &&
    parties.some((p) => p.regionCode?.startsWith(`${province}.`));
  // consent and signatures are the party's own acts: never a platform admin's or a facilitator's
  if (permission === 'agreements.consent' || permission === 'agreements.sign')
    if (access.via !== 'member') throw ownActOnly(permission);
  const write = permission !== 'agreements.read';
  if (!me && !(facilitates && !write)) throw notFound({ key: 'agreement.not_found' });
  if (permission === 'agreements.write' || permission === 'agreements.sign') {
    if (!row.confirmedAt) throw agreementRule('not_confirmed');
    requireActiveTenant(tenant);
  }
  return { tenant, row, parties, me: me ?? null, via: access.via };
}

function ownActOnly(permission: 'agreements.consent' | 'agreements.sign') {
  return new ApiError('FORBIDDEN', {
    key: 'potential.rule',
    params:
      permission === 'agreements.sign'
        ? {
            ruleId: 'hanya penanda tangan pihak itu sendiri yang dapat menandatangani',
            ruleEn: 'only the party’s own signatory can sign',
          }
        : {
            ruleId:
              'hanya anggota pihak itu sendiri yang dapat mengonfirmasi atau menolak keikutsertaannya',
            ruleEn: 'only the party’s own members can confirm or decline taking part',
          },
  });
}

export async function access(ctx: Ctx, tenantId: string, agreementId: string, write: boolean) {
  return agreementAccess(
    ctx,
    tenantId,
    agreementId,
    write ? 'agreements.write' : 'agreements.read',
  );
}

async function details(ctx: Ctx, row: Row, parties: PartyView[]) {
  const [actions, evaluations, documents, history, signatures] = await Promise.all([
    ctx.db
      .select()
      .from(agreementActions)
      .where(eq(agreementActions.agreementId, row.id))
      .orderBy(asc(agreementActions.dueDate)),
    ctx.db
      .select()
      .from(agreementEvaluations)
      .where(eq(agreementEvaluations.agreementId, row.id))
      .orderBy(asc(agreementEvaluations.date)),
    ctx.db
      .select()
      .from(agreementDocuments)
      .where(eq(agreementDocuments.agreementId, row.id))
      .orderBy(asc(agreementDocuments.createdAt)),
    ctx.db
      .select()
      .from(agreementEvents)
      .where(eq(agreementEvents.agreementId, row.id))
      .orderBy(asc(agreementEvents.id)),
    ctx.db
      .select({
        stage: agreementSignatures.stage,
        cycle: agreementSignatures.cycle,
        tenantId: agreementSignatures.tenantId,
        signatoryName: agreementSignatures.signatoryName,
        signatoryPosition: agreementSignatures.signatoryPosition,
        signatoryCapacity: agreementSignatures.signatoryCapacity,
        delegationRef: agreementSignatures.delegationRef,
        signedOn: agreementSignatures.signedOn,
        document: agreementSignatures.document,
        recordedByRole: agreementSignatures.recordedByRole,
        createdAt: agreementSignatures.createdAt,
      })
      .from(agreementSignatures)
      .where(eq(agreementSignatures.agreementId, row.id))
      .orderBy(asc(agreementSignatures.createdAt)),
  ]);
  return {
    ...row,
    parties,
    actions,
    evaluations,
    documents,
    history,
    signatures,
    consent: consentOf(row, parties),
    regulations: regulationsFor(row.object, [row.kind]),
    stageLabel: STAGE_WORDS[row.stage],
    flags: row.confirmedAt ? flagsOf(today(ctx), row, actions, evaluations) : NO_FLAGS,
  };
}

export type CreateAgreementInput = {
  tenantId: string;
  title: string;
  parties: string[];
  kind: string;
  /** mandatory cooperation (UU 23/2014 art. 363): KSDD between bordering regions only */
  mandatory?: boolean;
  mandatoryGround?: MandatoryGround;
  model?: string;
  object?: string;
  affairs?: string[];
  issues?: string[];
  source?: { type: 'interest' | 'proposal' | 'existing' | 'follow_up'; id?: string };
};

export async function createAgreement({ ctx, input }: { ctx: Ctx; input: CreateAgreementInput }) {
  const { tenant } = await authorize(ctx, input.tenantId, 'agreements.write');
  const actor = requireUser(ctx);
  requireActiveTenant(tenant);
  const affairs = input.affairs ?? [];
  const issues = input.issues ?? [];
  const errors: RaisedFieldError[] = [];
  const parties = [...new Set(input.parties)];
  // The accepted interest or proposal the agreement comes from: its two sides already agreed.
  let agreedPair: [string, string] | null = null;
  if (!parties.includes(tenant.id))
    errors.push({
      location: 'body.parties',
      message: fieldMessage('agreements.must_include_your_own_tenant'),
    });
  if (parties.length < 2)
    errors.push({
      location: 'body.parties',
      message: fieldMessage('agreements.needs_at_least_two_different_parties'),
    });
  const found = parties.length
    ? await ctx.db
        .select({
          id: tenants.id,
          type: tenants.type,
          partnerKind: tenants.partnerKind,
          regionCode: tenants.regionCode,
          neighbours: tenantProfiles.neighbours,
        })
        .from(tenants)
        .leftJoin(tenantProfiles, eq(tenantProfiles.tenantId, tenants.id))
        .where(inArray(tenants.id, parties))
    : [];
  parties.forEach((p, i) => {
    if (!found.some((f) => f.id === p))
      errors.push({
        location: `body.parties.${i}`,
        message: fieldMessage('agreements.unknown_tenant'),
      });
  });
  if (!termCodes('cooperation-kinds').has(input.kind))
    errors.push({
      location: 'body.kind',
      message: fieldMessage('agreements.must_one', {
        kinds: [...termCodes('cooperation-kinds')].join(', '),
      }),
    });
  else if (found.length === parties.length && parties.length >= 2) {
    const wrong = kindMismatch(input.kind, found);
    if (wrong) errors.push({ location: 'body.kind', message: wrong });
    else if (input.mandatory && !bordering(input.kind, found))
      errors.push({ location: 'body.mandatory', message: MANDATORY_RULE });
  }
  if (input.mandatory && !input.mandatoryGround)
    errors.push({ location: 'body.mandatoryGround', message: MANDATORY_GROUND_REQUIRED });
  if (input.model && !termCodes('cooperation-models').has(input.model))
    errors.push({
      location: 'body.model',
      message: fieldMessage('agreements.unknown_cooperation_model'),
    });
  affairs.forEach(
    (a, i) =>
      !termCodes('affairs').has(a) &&
      errors.push({
        location: `body.affairs.${i}`,
        message: fieldMessage('agreements.unknown_code', { a }),
      }),
  );
  issues.forEach(
    (a, i) =>
      !termCodes('strategic-issues').has(a) &&
      errors.push({
        location: `body.issues.${i}`,
        message: fieldMessage('agreements.unknown_code', { a }),
      }),
  );
  if (input.source?.type === 'interest' && input.source.id) {
    const [i] = await ctx.db.select().from(interests).where(eq(interests.id, input.source.id));
    if (i?.status === 'accepted') agreedPair = [i.ownerTenantId, i.fromTenantId];
    if (
      !i ||
      i.status !== 'accepted' ||
      (i.ownerTenantId !== tenant.id && i.fromTenantId !== tenant.id)
    )
      errors.push({
        location: 'body.source.id',
        message: fieldMessage('agreements.must_accepted_interest_yours'),
      });
  }
  if (input.source?.type === 'proposal' && input.source.id) {
    const [p] = await ctx.db.select().from(proposals).where(eq(proposals.id, input.source.id));
    if (p?.status === 'accepted') agreedPair = [p.partyA, p.partyB];
    if (!p || p.status !== 'accepted' || (p.partyA !== tenant.id && p.partyB !== tenant.id))
      errors.push({
        location: 'body.source.id',
        message: fieldMessage('agreements.must_accepted_proposal_yours'),
      });
  }
  // A follow-up of a forum session: the agreement's origin is that session.
  let followUp: NonNullable<Awaited<ReturnType<typeof followUpOf>>>['f'] | null = null;
  if (input.source?.type === 'follow_up') {
    followUp = input.source.id
      ? ((await followUpOf(ctx, input.source.id, tenant.id))?.f ?? null)
      : null;
    if (!followUp || followUp.status !== 'open' || !parties.includes(followUp.responsibleTenantId))
      errors.push({
        location: 'body.source.id',
        message: fieldMessage('agreements.must_open_follow_up_your_forum'),
      });
    else if (followUp.agreementId) throw forumRule('follow_up_agreement');
  }
  if (errors.length) throw badRequest({ key: 'request.invalid' }, errors);
  // Naming a party invites it; only the two sides of an accepted interest or
  // proposal, exactly those, are bound from the start.
  const preAgreed =
    !!agreedPair &&
    parties.length === 2 &&
    parties.includes(agreedPair[0]) &&
    parties.includes(agreedPair[1]);
  const now = ctx.now();
  const id = newId('agreement', now.getTime());
  await ctx.db.transaction(async (tx) => {
    await tx.insert(agreements).values({
      confirmedAt: preAgreed ? now : null,
      id,
      title: input.title,
      kind: input.kind,
      mandatory: input.mandatory ?? false,
      mandatoryGround: input.mandatory ? (input.mandatoryGround ?? null) : null,
      model: input.model ?? null,
      object: input.object ?? null,
      affairs,
      issues,
      sourceType: input.source?.type ?? 'existing',
      sourceId: input.source?.id ?? null,
      originSessionId: followUp?.sessionId ?? null,
      createdBy: actor.user.id,
      createdAt: now,
      updatedAt: now,
    });
    if (followUp) {
      const linked = await tx
        .update(forumFollowUps)
        .set({ agreementId: id, updatedAt: now })
        .where(and(eq(forumFollowUps.id, followUp.id), isNull(forumFollowUps.agreementId)))
        .returning({ id: forumFollowUps.id });
      if (linked.length === 0) throw forumRule('follow_up_agreement');
    }
    await tx.insert(agreementParties).values(
      parties.map((tenantId) => {
        const confirmed = preAgreed || tenantId === tenant.id;
        return {
          agreementId: id,
          tenantId,
          status: confirmed ? ('confirmed' as const) : ('invited' as const),
          respondedAt: confirmed ? now : null,
          respondedBy: tenantId === tenant.id ? actor.user.id : null,
        };
      }),
    );
    await tx.insert(agreementEvents).values({
      id: newId('event', now.getTime()),
      agreementId: id,
      fromStage: null,
      toStage: 'inisiasi',
      data: { source: input.source ?? { type: 'existing' } },
      actorUserId: actor.user.id,
      requestId: ctx.requestId,
      createdAt: now,
    });
    for (const p of parties)
      await recordAudit(tx, ctx, {
        tenantId: p,
        action: 'agreement.created',
        targetType: 'agreement',
        targetId: id,
        diff: { title: { to: input.title }, parties: { to: parties } },
      });
    // each invited party must confirm or decline: nobody is bound by another side's write
    const invited = preAgreed ? [] : parties.filter((p) => p !== tenant.id);
    if (invited.length)
      await recordEvent(tx, ctx, {
        type: 'agreement.party_named',
        tenantIds: invited,
        objectId: id,
        payload: { title: input.title, by: placeOf(tenant) },
      });
  });
  return getAgreement({ ctx, input: { tenantId: tenant.id, agreementId: id } });
}

export async function getAgreement({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { tenantId: string; agreementId: string };
}) {
  const { row, parties } = await access(ctx, input.tenantId, input.agreementId, false);
  return details(ctx, row, parties);
}

/** A party sees its agreements; a province sees its regions'. */
export async function listAgreements({ ctx, input }: { ctx: Ctx; input: { tenantId: string } }) {
  const { tenant } = await authorize(ctx, input.tenantId, 'agreements.read');
  const province = provinceOf(tenant);
  // Its own (invited ones included, to decide on); its regions' only once every party confirmed.
  const ids = await ctx.db
    .selectDistinct({ id: agreementParties.agreementId })
    .from(agreementParties)
    .innerJoin(tenants, eq(tenants.id, agreementParties.tenantId))
    .innerJoin(agreements, eq(agreements.id, agreementParties.agreementId))
    .where(
      province
        ? sql`(${tenants.id} = ${tenant.id} or (${tenants.regionCode} like ${province + '.%'} and ${agreements.confirmedAt} is not null))`
        : eq(tenants.id, tenant.id),
    );
  if (ids.length === 0) return { data: [] };
  const agreementIds = ids.map((r) => r.id);
  // four queries for the whole list, not five per agreement
  const [rows, parties, actions, evaluations] = await Promise.all([
    ctx.db
      .select()
      .from(agreements)
      .where(inArray(agreements.id, agreementIds))
      .orderBy(desc(agreements.id)),
    partiesOf(ctx, agreementIds),
    ctx.db
      .select({
        agreementId: agreementActions.agreementId,
        dueDate: agreementActions.dueDate,
        status: agreementActions.status,
      })
      .from(agreementActions)
      .where(inArray(agreementActions.agreementId, agreementIds)),
    ctx.db
      .select({
        agreementId: agreementEvaluations.agreementId,
        date: agreementEvaluations.date,
        nextEvaluationDate: agreementEvaluations.nextEvaluationDate,
      })
      .from(agreementEvaluations)
      .where(inArray(agreementEvaluations.agreementId, agreementIds))
      .orderBy(asc(agreementEvaluations.date)),
  ]);
  const todayIso = today(ctx);
  const of = <T extends { agreementId: string }>(xs: T[], id: string) =>
    xs.filter((x) => x.agreementId === id);
  return {
    data: rows.map((row) => ({
      id: row.id,
      title: row.title,
      stage: row.stage,
      stageLabel: STAGE_WORDS[row.stage],
      kind: row.kind,
      parties: of(parties, row.id).map(({ agreementId: _a, ...p }) => p),
      consent: consentOf(row, of(parties, row.id)),
      pksEnd: row.pksEnd,
      flags: row.confirmedAt
        ? flagsOf(todayIso, row, of(actions, row.id), of(evaluations, row.id))
        : NO_FLAGS,
    })),
  };
}

export type TransitionAgreementInput = {
  tenantId: string;
  agreementId: string;
  stage: Stage;
};

export async function transitionAgreement({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: TransitionAgreementInput;
}) {
  const { row } = await access(ctx, input.tenantId, input.agreementId, true);
  if ((SIGNED_STAGES as readonly Stage[]).includes(input.stage))
    throw agreementRule('signed_stage');
  if (!nextStages(row.kind, row.stage, row.model).includes(input.stage))
    throw rule(row.kind, row.stage, input.stage, row.model);
  if (input.stage === 'evaluasi') {
    const [e] = await ctx.db
      .select({ id: agreementEvaluations.id })
      .from(agreementEvaluations)
      .where(eq(agreementEvaluations.agreementId, row.id))
      .limit(1);
    if (!e)
      throw new ApiError('CONFLICT', {
        key: 'potential.rule',
        params: { ruleId: 'catat evaluasi terlebih dahulu', ruleEn: 'record an evaluation first' },
      });
  }
  await ctx.db.transaction((tx) => applyStage(tx, ctx, row, input.stage, {}, input.tenantId));
  return getAgreement({ ctx, input });
}

/**
 * Moves an agreement to a stage inside the caller's transaction: the row (only
 * if still at the stage read, so two racing moves cannot both win), the history
 * event and the audit row in the acting tenant.
 */
export async function applyStage(
  tx: Tx,
  ctx: Ctx,
  row: Row,
  to: Stage,
  set: Partial<Row>,
  actingTenantId: string,
) {
  const updated = await tx
    .update(agreements)
    .set({ ...set, stage: to, updatedAt: ctx.now() })
    .where(and(eq(agreements.id, row.id), eq(agreements.stage, row.stage)))
    .returning({ id: agreements.id });
  if (updated.length === 0) throw rule(row.kind, row.stage, to);
  await tx.insert(agreementEvents).values({
    id: newId('event', ctx.now().getTime()),
    agreementId: row.id,
    fromStage: row.stage,
    toStage: to,
    data: set as Record<string, unknown>,
    actorUserId: actingUserId(ctx),
    requestId: ctx.requestId,
    createdAt: ctx.now(),
  });
  await recordAudit(tx, ctx, {
    tenantId: actingTenantId,
    action: `agreement.${to}`,
    targetType: 'agreement',
    targetId: row.id,
    diff: { stage: { from: row.stage, to } },
  });
}

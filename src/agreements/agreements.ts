import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import {
  agreementActions,
  agreementDocuments,
  agreementEvaluations,
  agreementEvents,
  agreementParties,
  agreements,
  interests,
  proposals,
  tenants,
} from '../../db/schema';
import { authorize, requireUser } from '../identity/access';
import { recordAudit } from '../platform/audit';
import type { Ctx } from '../platform/context';
import { ApiError, badRequest, type FieldError, notFound } from '../platform/errors';
import { newId } from '../platform/ids';
import { termCodes } from '../reference/vocabularies';

/**
 * From Kesepakatan Bersama (KB, signed by the heads) through Perjanjian Kerja
 * Sama (PKS, the operative contract) to implementation and evaluation. Stages
 * cannot be skipped; each transition is recorded and audited.
 */
export type Stage =
  | 'initiated'
  | 'kesepakatan_bersama'
  | 'perjanjian_kerja_sama'
  | 'implementing'
  | 'evaluated'
  | 'renewed'
  | 'ended';

const NEXT: Record<Stage, Stage[]> = {
  initiated: ['kesepakatan_bersama', 'ended'],
  kesepakatan_bersama: ['perjanjian_kerja_sama', 'ended'],
  perjanjian_kerja_sama: ['implementing', 'ended'],
  implementing: ['evaluated', 'ended'],
  evaluated: ['renewed', 'ended', 'implementing'],
  renewed: ['implementing', 'ended'],
  ended: [],
};
const ACTIVE: Stage[] = [
  'kesepakatan_bersama',
  'perjanjian_kerja_sama',
  'implementing',
  'evaluated',
  'renewed',
];
const STALL_DAYS = 90;
const EXPIRY_WARNING_DAYS = 90;

type Row = typeof agreements.$inferSelect;
const todayOf = (ctx: Ctx) => ctx.now().toISOString().slice(0, 10);
const addDays = (iso: string, days: number) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86400_000).toISOString().slice(0, 10);

function rule(ctx: Ctx, from: Stage, to: Stage): ApiError {
  const allowed = NEXT[from].join(', ') || '—';
  return new ApiError('CONFLICT', {
    key: 'potential.rule',
    params: {
      ruleId: `tahap tidak boleh dilompati: dari ${from} hanya ke ${allowed} (diminta: ${to})`,
      ruleEn: `stages cannot be skipped: from ${from} only to ${allowed} (asked: ${to})`,
    },
  });
}

/** Reads need a party (or the facilitating province of a party); writes need a party. */
async function access(ctx: Ctx, tenantId: string, agreementId: string, write: boolean) {
  const { tenant } = await authorize(ctx, tenantId, write ? 'agreements.write' : 'agreements.read');
  const [row] = await ctx.db.select().from(agreements).where(eq(agreements.id, agreementId));
  if (!row) throw notFound({ key: 'agreement.not_found' });
  const parties = await ctx.db
    .select({ id: tenants.id, name: tenants.name, regionCode: tenants.regionCode })
    .from(agreementParties)
    .innerJoin(tenants, eq(tenants.id, agreementParties.tenantId))
    .where(eq(agreementParties.agreementId, row.id));
  const isParty = parties.some((p) => p.id === tenant.id);
  const province =
    tenant.type === 'region' && tenant.regionCode && !tenant.regionCode.includes('.')
      ? tenant.regionCode
      : null;
  const facilitates = !!province && parties.some((p) => p.regionCode?.startsWith(`${province}.`));
  if (!isParty && !(facilitates && !write)) throw notFound({ key: 'agreement.not_found' });
  return { tenant, row, parties };
}

async function details(
  ctx: Ctx,
  row: Row,
  parties: { id: string; name: string; regionCode: string | null }[],
) {
  const [actions, evaluations, documents, history] = await Promise.all([
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
  ]);
  return {
    ...row,
    parties,
    actions,
    evaluations,
    documents,
    history,
    flags: flagsOf(todayOf(ctx), row, actions, evaluations),
  };
}

/** Derived, never stored: stalled, expiring, overdue actions, evaluation due. */
export function flagsOf(
  today: string,
  row: Row,
  actions: { dueDate: string; status: string }[],
  evaluations: { date: string; nextEvaluationDate: string | null }[],
) {
  const live = row.stage !== 'ended';
  const last = evaluations.at(-1);
  return {
    stalled:
      live &&
      !!row.kbDate &&
      addDays(row.kbDate, STALL_DAYS) <= today &&
      (!row.pksNumber || actions.length === 0),
    expiring:
      live &&
      !!row.pksEnd &&
      row.pksEnd >= today &&
      row.pksEnd <= addDays(today, EXPIRY_WARNING_DAYS),
    overdueActions: actions.filter((a) => a.status !== 'done' && a.dueDate < today).length,
    evaluationDue:
      live &&
      (last?.nextEvaluationDate
        ? last.nextEvaluationDate <= today
        : !last &&
          (row.stage === 'implementing' || row.stage === 'evaluated') &&
          !!row.pksStart &&
          addDays(row.pksStart, 365) <= today),
  };
}

export type CreateAgreementInput = {
  tenantId: string;
  title: string;
  parties: string[];
  kind: string;
  model?: string;
  affairs: string[];
  issues: string[];
  source?: { type: 'interest' | 'proposal' | 'existing'; id?: string };
};

export async function createAgreement({ ctx, input }: { ctx: Ctx; input: CreateAgreementInput }) {
  const { tenant } = await authorize(ctx, input.tenantId, 'agreements.write');
  const actor = requireUser(ctx);
  const errors: FieldError[] = [];
  const parties = [...new Set(input.parties)];
  if (!parties.includes(tenant.id))
    errors.push({
      location: 'body.parties',
      message:
        ctx.lang === 'en' ? 'must include your own tenant' : 'harus memuat tenant Anda sendiri',
    });
  if (parties.length < 2)
    errors.push({
      location: 'body.parties',
      message:
        ctx.lang === 'en'
          ? 'needs at least two different parties'
          : 'minimal dua pihak yang berbeda',
    });
  const found = parties.length
    ? await ctx.db.select({ id: tenants.id }).from(tenants).where(inArray(tenants.id, parties))
    : [];
  parties.forEach((p, i) => {
    if (!found.some((f) => f.id === p))
      errors.push({
        location: `body.parties.${i}`,
        message: ctx.lang === 'en' ? 'unknown tenant' : 'tenant tidak dikenal',
      });
  });
  if (!termCodes('cooperation-kinds').has(input.kind))
    errors.push({ location: 'body.kind', message: 'KSDD, KSDPK, KSDLN, SINERGI' });
  if (input.model && !termCodes('cooperation-models').has(input.model))
    errors.push({ location: 'body.model', message: 'unknown model' });
  input.affairs.forEach(
    (a, i) =>
      !termCodes('affairs').has(a) &&
      errors.push({ location: `body.affairs.${i}`, message: `unknown code ${a}` }),
  );
  input.issues.forEach(
    (a, i) =>
      !termCodes('strategic-issues').has(a) &&
      errors.push({ location: `body.issues.${i}`, message: `unknown code ${a}` }),
  );
  if (input.source?.type === 'interest' && input.source.id) {
    const [i] = await ctx.db.select().from(interests).where(eq(interests.id, input.source.id));
    if (
      !i ||
      i.status !== 'accepted' ||
      (i.ownerTenantId !== tenant.id && i.fromTenantId !== tenant.id)
    )
      errors.push({
        location: 'body.source.id',
        message:
          ctx.lang === 'en'
            ? 'must be an accepted interest of yours'
            : 'harus pernyataan minat Anda yang diterima',
      });
  }
  if (input.source?.type === 'proposal' && input.source.id) {
    const [p] = await ctx.db.select().from(proposals).where(eq(proposals.id, input.source.id));
    if (!p || p.status !== 'accepted' || (p.partyA !== tenant.id && p.partyB !== tenant.id))
      errors.push({
        location: 'body.source.id',
        message:
          ctx.lang === 'en'
            ? 'must be an accepted proposal of yours'
            : 'harus usulan Anda yang diterima',
      });
  }
  if (errors.length) throw badRequest({ key: 'request.invalid' }, errors);
  const now = ctx.now();
  const id = newId('agreement', now.getTime());
  await ctx.db.transaction(async (tx) => {
    await tx.insert(agreements).values({
      id,
      title: input.title,
      kind: input.kind,
      model: input.model ?? null,
      affairs: input.affairs,
      issues: input.issues,
      sourceType: input.source?.type ?? 'existing',
      sourceId: input.source?.id ?? null,
      createdBy: actor.user.id,
      createdAt: now,
      updatedAt: now,
    });
    await tx
      .insert(agreementParties)
      .values(parties.map((tenantId) => ({ agreementId: id, tenantId })));
    await tx.insert(agreementEvents).values({
      id: newId('event', now.getTime()),
      agreementId: id,
      fromStage: null,
      toStage: 'initiated',
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
  const province =
    tenant.type === 'region' && tenant.regionCode && !tenant.regionCode.includes('.')
      ? tenant.regionCode
      : null;
  const ids = await ctx.db
    .selectDistinct({ id: agreementParties.agreementId })
    .from(agreementParties)
    .innerJoin(tenants, eq(tenants.id, agreementParties.tenantId))
    .where(
      province
        ? sql`(${tenants.id} = ${tenant.id} or ${tenants.regionCode} like ${province + '.%'})`
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
    ctx.db
      .select({
        agreementId: agreementParties.agreementId,
        id: tenants.id,
        name: tenants.name,
        regionCode: tenants.regionCode,
      })
      .from(agreementParties)
      .innerJoin(tenants, eq(tenants.id, agreementParties.tenantId))
      .where(inArray(agreementParties.agreementId, agreementIds)),
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
  const today = todayOf(ctx);
  const of = <T extends { agreementId: string }>(xs: T[], id: string) =>
    xs.filter((x) => x.agreementId === id);
  return {
    data: rows.map((row) => ({
      id: row.id,
      title: row.title,
      stage: row.stage,
      kind: row.kind,
      parties: of(parties, row.id).map(({ agreementId: _a, ...p }) => p),
      pksEnd: row.pksEnd,
      flags: flagsOf(today, row, of(actions, row.id), of(evaluations, row.id)),
    })),
  };
}

export type TransitionAgreementInput = {
  tenantId: string;
  agreementId: string;
  stage: Stage;
  kbNumber?: string;
  kbDate?: string;
  kbSignatories?: string[];
  pksNumber?: string;
  pksDate?: string;
  pksStart?: string;
  pksEnd?: string;
  burdensBudget?: boolean;
  dprdApprovalRef?: string;
};

export async function transitionAgreement({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: TransitionAgreementInput;
}) {
  const { row } = await access(ctx, input.tenantId, input.agreementId, true);
  if (!NEXT[row.stage].includes(input.stage)) throw rule(ctx, row.stage, input.stage);
  const en = ctx.lang === 'en';
  const missing = (fields: (keyof TransitionAgreementInput)[]) => {
    const m = fields.filter(
      (f) =>
        input[f] === undefined ||
        input[f] === '' ||
        (Array.isArray(input[f]) && (input[f] as unknown[]).length === 0),
    );
    if (m.length)
      throw badRequest(
        { key: 'request.invalid' },
        m.map((f) => ({
          location: `body.${f}`,
          message: en ? `required for ${input.stage}` : `wajib untuk tahap ${input.stage}`,
        })),
      );
  };
  const set: Partial<Row> = {};
  if (input.stage === 'kesepakatan_bersama') {
    missing(['kbNumber', 'kbDate', 'kbSignatories']);
    Object.assign(set, {
      kbNumber: input.kbNumber,
      kbDate: input.kbDate,
      kbSignatories: input.kbSignatories,
    });
  }
  if (input.stage === 'perjanjian_kerja_sama' || input.stage === 'renewed') {
    missing(
      input.stage === 'renewed'
        ? ['pksEnd']
        : ['pksNumber', 'pksDate', 'pksStart', 'pksEnd', 'burdensBudget'],
    );
    const start = input.pksStart ?? row.pksStart;
    if (start && input.pksEnd && input.pksEnd <= start)
      throw badRequest({ key: 'request.invalid' }, [
        {
          location: 'body.pksEnd',
          message: en ? 'must be after pksStart' : 'harus setelah pksStart',
        },
      ]);
    if (input.stage === 'renewed' && row.pksEnd && input.pksEnd! <= row.pksEnd)
      throw badRequest({ key: 'request.invalid' }, [
        {
          location: 'body.pksEnd',
          message: en ? 'must extend the current end' : 'harus memperpanjang tanggal berakhir',
        },
      ]);
    if (input.burdensBudget && !input.dprdApprovalRef)
      throw badRequest({ key: 'request.invalid' }, [
        {
          location: 'body.dprdApprovalRef',
          message: en
            ? 'required when the agreement burdens the regional budget (DPRD approval)'
            : 'wajib bila membebani APBD (persetujuan DPRD)',
        },
      ]);
    Object.assign(
      set,
      input.stage === 'renewed'
        ? { pksEnd: input.pksEnd }
        : {
            pksNumber: input.pksNumber,
            pksDate: input.pksDate,
            pksStart: input.pksStart,
            pksEnd: input.pksEnd,
            burdensBudget: input.burdensBudget,
            dprdApprovalRef: input.dprdApprovalRef ?? null,
          },
    );
  }
  if (input.stage === 'evaluated') {
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
  await ctx.db.transaction(async (tx) => {
    const updated = await tx
      .update(agreements)
      .set({ ...set, stage: input.stage, updatedAt: ctx.now() })
      .where(and(eq(agreements.id, row.id), eq(agreements.stage, row.stage)))
      .returning({ id: agreements.id });
    if (updated.length === 0) throw rule(ctx, row.stage, input.stage);
    await tx.insert(agreementEvents).values({
      id: newId('event', ctx.now().getTime()),
      agreementId: row.id,
      fromStage: row.stage,
      toStage: input.stage,
      data: set as Record<string, unknown>,
      actorUserId: ctx.actor?.type === 'user' ? ctx.actor.user.id : null,
      requestId: ctx.requestId,
      createdAt: ctx.now(),
    });
    await recordAudit(tx, ctx, {
      tenantId: input.tenantId,
      action: `agreement.${input.stage}`,
      targetType: 'agreement',
      targetId: row.id,
      diff: { stage: { from: row.stage, to: input.stage } },
    });
  });
  return getAgreement({ ctx, input });
}

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
        message: ctx.lang === 'en' ? 'must be a party' : 'harus salah satu pihak',
      },
    ]);
  const id = newId('action', ctx.now().getTime());
  await ctx.db.transaction(async (tx) => {
    await tx.insert(agreementActions).values({
      id,
      agreementId: row.id,
      title: input.title,
      responsibleTenantId: input.responsibleTenantId,
      dueDate: input.dueDate,
      createdAt: ctx.now(),
      updatedAt: ctx.now(),
    });
    await recordAudit(tx, ctx, {
      tenantId: input.tenantId,
      action: 'agreement.action_added',
      targetType: 'agreement_action',
      targetId: id,
      diff: { title: { to: input.title }, dueDate: { to: input.dueDate } },
    });
  });
  return getAgreement({ ctx, input });
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
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(agreementActions)
      .set({
        status: input.status ?? before.status,
        dueDate: input.dueDate ?? before.dueDate,
        updatedAt: ctx.now(),
      })
      .where(eq(agreementActions.id, before.id));
    await recordAudit(tx, ctx, {
      tenantId: input.tenantId,
      action: 'agreement.action_updated',
      targetType: 'agreement_action',
      targetId: before.id,
      diff: { status: { from: before.status, to: input.status ?? before.status } },
    });
  });
  return getAgreement({ ctx, input });
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
  };
}) {
  const { row } = await access(ctx, input.tenantId, input.agreementId, true);
  if (input.nextEvaluationDate && input.nextEvaluationDate <= input.date)
    throw badRequest({ key: 'request.invalid' }, [
      {
        location: 'body.nextEvaluationDate',
        message: ctx.lang === 'en' ? 'must be after date' : 'harus setelah tanggal evaluasi',
      },
    ]);
  const id = newId('event', ctx.now().getTime());
  await ctx.db.transaction(async (tx) => {
    await tx.insert(agreementEvaluations).values({
      id,
      agreementId: row.id,
      date: input.date,
      findings: input.findings,
      rating: input.rating,
      nextEvaluationDate: input.nextEvaluationDate ?? null,
      createdBy: ctx.actor?.type === 'user' ? ctx.actor.user.id : 'api',
      createdAt: ctx.now(),
    });
    await recordAudit(tx, ctx, {
      tenantId: input.tenantId,
      action: 'agreement.evaluated',
      targetType: 'agreement',
      targetId: row.id,
      diff: { rating: { to: input.rating } },
    });
  });
  return getAgreement({ ctx, input });
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
  const { row } = await access(ctx, input.tenantId, input.agreementId, true);
  const id = newId('event', ctx.now().getTime());
  await ctx.db.transaction(async (tx) => {
    await tx.insert(agreementDocuments).values({
      id,
      agreementId: row.id,
      title: input.title,
      number: input.number ?? null,
      date: input.date ?? null,
      link: input.link ?? null,
      createdAt: ctx.now(),
    });
    await recordAudit(tx, ctx, {
      tenantId: input.tenantId,
      action: 'agreement.document_added',
      targetType: 'agreement',
      targetId: row.id,
      diff: { document: { to: input.title } },
    });
  });
  return getAgreement({ ctx, input });
}

/** For the catalogue: active agreements a region is party to. */
export async function activeAgreementCount(ctx: Ctx, tenantId: string): Promise<number> {
  const [r] = await ctx.db
    .select({ n: sql<number>`count(*)::int` })
    .from(agreementParties)
    .innerJoin(agreements, eq(agreements.id, agreementParties.agreementId))
    .where(and(eq(agreementParties.tenantId, tenantId), inArray(agreements.stage, ACTIVE)));
  return Number(r?.n ?? 0);
}

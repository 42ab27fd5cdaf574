import { and, asc, desc, eq, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
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
import { authorize, requireActiveTenant, requireUser, provinceOf } from '../identity/access';
import { recordAudit } from '../platform/audit';
import { type Ctx, today, isoDate, actingUserId } from '../platform/context';
import type { Tx } from '../../db/client';
import {
  ApiError,
  badRequest,
  checkLink,
  type RaisedFieldError,
  notFound,
} from '../platform/errors';
import { newId } from '../platform/ids';
import { termCodes } from '../reference/vocabularies';
import { regulationsFor } from '../reference/regulations';
import { forumRule } from '../forums/access';
import { followUpOf } from '../forums/minutes';

/**
 * The stages of an agreement, by path. A cooperation between regions or with
 * a third party (KSDD, KSDPK, KSDPL, KSDLL) goes from Kesepakatan Bersama (KB,
 * signed by the heads) through Perjanjian Kerja Sama (PKS, the operative
 * contract) to implementation and evaluation (PP 28/2018). Sinergi with a
 * central ministry or agency is planning synergy, not a KB→PKS contract: a
 * Nota Kesepakatan (MoU) and an action plan (rencana aksi), each signed by
 * every party, then implementation. Stages cannot be skipped; each transition
 * is recorded and audited.
 */
export const STAGES = [
  'inisiasi',
  'kesepakatan_bersama',
  'perjanjian_kerja_sama',
  'nota_kesepakatan',
  'rencana_aksi',
  'pelaksanaan',
  'evaluasi',
  'perpanjangan',
  'berakhir',
] as const;
export type Stage = (typeof STAGES)[number];

const KSD_PATH: Record<Stage, Stage[]> = {
  inisiasi: ['kesepakatan_bersama', 'berakhir'],
  kesepakatan_bersama: ['perjanjian_kerja_sama', 'berakhir'],
  perjanjian_kerja_sama: ['pelaksanaan', 'berakhir'],
  nota_kesepakatan: [],
  rencana_aksi: [],
  pelaksanaan: ['evaluasi', 'berakhir'],
  evaluasi: ['perpanjangan', 'berakhir', 'pelaksanaan'],
  perpanjangan: ['pelaksanaan', 'berakhir'],
  berakhir: [],
};
const SINERGI_PATH: Record<Stage, Stage[]> = {
  inisiasi: ['nota_kesepakatan', 'berakhir'],
  kesepakatan_bersama: [],
  perjanjian_kerja_sama: [],
  nota_kesepakatan: ['rencana_aksi', 'berakhir'],
  rencana_aksi: ['pelaksanaan', 'berakhir'],
  pelaksanaan: ['evaluasi', 'berakhir'],
  evaluasi: ['pelaksanaan', 'berakhir'],
  perpanjangan: [],
  berakhir: [],
};
/** The stages an agreement of this kind may move to from this one. */
export const nextStages = (kind: string, stage: Stage): Stage[] =>
  (kind === 'SINERGI' ? SINERGI_PATH : KSD_PATH)[stage];

const ACTIVE: Stage[] = [
  'kesepakatan_bersama',
  'perjanjian_kerja_sama',
  'nota_kesepakatan',
  'rencana_aksi',
  'pelaksanaan',
  'evaluasi',
  'perpanjangan',
];
const STALL_DAYS = 90;
const EXPIRY_WARNING_DAYS = 90;

export type Row = typeof agreements.$inferSelect;
const addDays = (iso: string, days: number) =>
  isoDate(new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86400_000));

/** Each stage's name, in each language: inside sentences and as the stage's label. */
export const STAGE_WORDS: Record<Stage, { id: string; en: string }> = {
  inisiasi: { id: 'inisiasi', en: 'initiation' },
  kesepakatan_bersama: { id: 'Kesepakatan Bersama', en: 'joint agreement (Kesepakatan Bersama)' },
  perjanjian_kerja_sama: {
    id: 'Perjanjian Kerja Sama',
    en: 'cooperation agreement (Perjanjian Kerja Sama)',
  },
  nota_kesepakatan: {
    id: 'Nota Kesepakatan',
    en: 'memorandum of understanding (Nota Kesepakatan)',
  },
  rencana_aksi: { id: 'rencana aksi', en: 'action plan' },
  pelaksanaan: { id: 'pelaksanaan', en: 'implementation' },
  evaluasi: { id: 'evaluasi', en: 'evaluation' },
  perpanjangan: { id: 'perpanjangan', en: 'renewal' },
  berakhir: { id: 'berakhir', en: 'ended' },
};

export function rule(kind: string, from: Stage, to: Stage): ApiError {
  const words = (lang: 'id' | 'en', stages: Stage[]) =>
    stages.map((s) => STAGE_WORDS[s][lang]).join(', ') || '—';
  const next = nextStages(kind, from);
  return new ApiError('CONFLICT', {
    key: 'potential.rule',
    params: {
      ruleId: `tahap tidak boleh dilompati: dari ${words('id', [from])} hanya ke ${words('id', next)} (diminta: ${words('id', [to])})`,
      ruleEn: `stages cannot be skipped: from ${words('en', [from])} only to ${words('en', next)} (asked: ${words('en', [to])})`,
    },
  });
}

export type PartyView = {
  id: string;
  name: string;
  regionCode: string | null;
  status: 'invited' | 'confirmed' | 'declined';
  respondedAt: Date | null;
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
  const write = permission !== 'agreements.read';
  if (!me && !(facilitates && !write)) throw notFound({ key: 'agreement.not_found' });
  if (permission === 'agreements.write' || permission === 'agreements.sign') {
    if (!row.confirmedAt) throw agreementRule('not_confirmed');
    requireActiveTenant(tenant);
  }
  return { tenant, row, parties, me: me ?? null, via: access.via };
}

async function access(ctx: Ctx, tenantId: string, agreementId: string, write: boolean) {
  return agreementAccess(
    ctx,
    tenantId,
    agreementId,
    write ? 'agreements.write' : 'agreements.read',
  );
}

/** A refusal that names the agreement rule it follows (409). */
export function agreementRule(rule: keyof typeof AGREEMENT_RULES, detail = ''): ApiError {
  const r = AGREEMENT_RULES[rule];
  return new ApiError('CONFLICT', {
    key: 'potential.rule',
    params: { ruleId: `${r.id}${detail}`, ruleEn: `${r.en}${detail}` },
  });
}

export const AGREEMENT_RULES = {
  not_confirmed: {
    id: 'kerja sama baru dapat dilanjutkan setelah setiap pihak mengonfirmasi keikutsertaannya',
    en: 'the agreement goes on only after every party has confirmed taking part',
  },
  not_invited: {
    id: 'hanya pihak yang diundang dan belum menjawab yang dapat mengonfirmasi atau menolak',
    en: 'only an invited party that has not answered yet can confirm or decline',
  },
  signed_stage: {
    id: 'tahap Kesepakatan Bersama, Perjanjian Kerja Sama, perpanjangan, Nota Kesepakatan dan rencana aksi dicapai dengan tanda tangan setiap pihak (POST …/signatures)',
    en: 'the joint agreement, cooperation agreement, renewal, memorandum and action plan stages are reached by every party’s signature (POST …/signatures)',
  },
  no_actions: {
    id: 'rencana aksi memerlukan sedikitnya satu kegiatan yang dicatat (POST …/actions)',
    en: 'an action plan needs at least one recorded action (POST …/actions)',
  },
  already_signed: {
    id: 'pihak ini sudah menandatangani dokumen tahap ini',
    en: 'this party has already signed this stage’s document',
  },
  document_differs: {
    id: 'data dokumen berbeda dengan yang sudah ditandatangani pihak lain: ',
    en: 'the document differs from the one another party signed: ',
  },
} as const;

/** Until every party confirmed, nothing is flagged: the agreement does not exist yet for anyone. */
const NO_FLAGS = { stalled: false, expiring: false, overdueActions: 0, evaluationDue: false };

export function consentOf(row: Row, parties: { status: string }[]) {
  return parties.some((p) => p.status === 'declined')
    ? ('declined' as const)
    : row.confirmedAt
      ? ('confirmed' as const)
      : ('pending' as const);
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

/** Derived, never stored: stalled, expiring, overdue actions, evaluation due. */
export function flagsOf(
  today: string,
  row: Row,
  actions: { dueDate: string; status: string }[],
  evaluations: { date: string; nextEvaluationDate: string | null }[],
) {
  const live = row.stage !== 'berakhir';
  const last = evaluations.at(-1);
  // the first signed document (KB, or a sinergi's Nota Kesepakatan) with nothing operative after it
  const opened = row.kbDate ?? row.memorandumDate;
  const operative = row.kind === 'SINERGI' ? row.actionPlanNumber : row.pksNumber;
  const started = row.pksStart ?? row.actionPlanDate;
  return {
    stalled:
      live &&
      !!opened &&
      addDays(opened, STALL_DAYS) <= today &&
      (!operative || actions.length === 0),
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
          (row.stage === 'pelaksanaan' || row.stage === 'evaluasi') &&
          !!started &&
          addDays(started, 365) <= today),
  };
}

export type CreateAgreementInput = {
  tenantId: string;
  title: string;
  parties: string[];
  kind: string;
  /** mandatory cooperation (UU 23/2014 art. 363): KSDD between bordering regions only */
  mandatory?: boolean;
  model?: string;
  object?: string;
  affairs?: string[];
  issues?: string[];
  source?: { type: 'interest' | 'proposal' | 'existing' | 'follow_up'; id?: string };
};

type PartyKind = { type: 'region' | 'partner'; partnerKind: string | null };
const DOMESTIC = ['company', 'bumn_bumd', 'university', 'ngo'];

/**
 * PP 28/2018 and Permendagri 22/2020 / 25/2020: who each kind of
 * cooperation is between. Every kind needs a region; KSDD is between regions
 * only; the others pair regions with partners of one kind.
 */
const KIND_PARTIES: Record<
  string,
  { partner: (p: PartyKind) => boolean; regionsOnly?: true; id: string; en: string }
> = {
  KSDD: {
    partner: () => false,
    regionsOnly: true,
    id: 'KSDD hanya antara pemerintah daerah (PP 28/2018): semua pihak harus daerah',
    en: 'KSDD is between regional governments only (PP 28/2018): every party must be a region',
  },
  KSDPK: {
    partner: (p) => p.partnerKind === null || DOMESTIC.includes(p.partnerKind),
    id: 'KSDPK antara daerah dan pihak ketiga dalam negeri (PP 28/2018): badan usaha, BUMN/BUMD, perguruan tinggi atau lembaga swadaya masyarakat',
    en: 'KSDPK is between a region and a domestic third party (PP 28/2018): a company, BUMN/BUMD, university or NGO',
  },
  KSDPL: {
    partner: (p) => p.partnerKind === 'foreign_region',
    id: 'KSDPL antara daerah dan pemerintah daerah di luar negeri (PP 28/2018, Permendagri 25/2020)',
    en: 'KSDPL is between a region and a foreign regional government (PP 28/2018, Permendagri 25/2020)',
  },
  KSDLL: {
    partner: (p) => p.partnerKind === 'foreign_institution',
    id: 'KSDLL antara daerah dan lembaga di luar negeri (PP 28/2018, Permendagri 25/2020)',
    en: 'KSDLL is between a region and a foreign institution (PP 28/2018, Permendagri 25/2020)',
  },
  SINERGI: {
    partner: (p) => p.partnerKind === 'central_institution',
    id: 'sinergi antara daerah dan kementerian/lembaga pusat, dengan Nota Kesepakatan dan rencana aksi',
    en: 'sinergi is between a region and a central ministry or agency, through a memorandum (Nota Kesepakatan) and an action plan',
  },
};

/** The rule the parties break for this kind, or null. */
function kindMismatch(kind: string, parties: PartyKind[]): { id: string; en: string } | null {
  const r = KIND_PARTIES[kind];
  if (!r) return null;
  const regions = parties.filter((p) => p.type === 'region');
  const others = parties.filter((p) => p.type !== 'region');
  const fits = r.regionsOnly
    ? others.length === 0
    : regions.length >= 1 && others.length >= 1 && others.every(r.partner);
  return fits ? null : { id: r.id, en: r.en };
}

const MANDATORY_RULE = {
  id: 'kerja sama wajib hanya KSDD antardaerah yang berbatasan (UU 23/2014 Pasal 363): setiap daerah harus berbatasan dengan daerah lain di antara para pihak',
  en: 'mandatory cooperation is only KSDD between bordering regions (UU 23/2014 art. 363): each region must border another of the parties',
};

/** Mandatory cooperation: KSDD, and each region borders another party (either side's declared neighbours). */
function bordering(
  kind: string,
  parties: { regionCode: string | null; neighbours: string[] | null }[],
): boolean {
  if (kind !== 'KSDD') return false;
  const borders = (a: (typeof parties)[number], b: (typeof parties)[number]) =>
    (!!b.regionCode && (a.neighbours ?? []).includes(b.regionCode)) ||
    (!!a.regionCode && (b.neighbours ?? []).includes(a.regionCode));
  return parties.every((a) => parties.some((b) => a !== b && borders(a, b)));
}

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
      message: {
        id: 'harus memuat wilayah atau organisasi Anda sendiri',
        en: 'must include your own tenant',
      },
    });
  if (parties.length < 2)
    errors.push({
      location: 'body.parties',
      message: { id: 'minimal dua pihak yang berbeda', en: 'needs at least two different parties' },
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
        message: { id: 'wilayah atau organisasi tidak dikenal', en: 'unknown tenant' },
      });
  });
  if (!termCodes('cooperation-kinds').has(input.kind))
    errors.push({
      location: 'body.kind',
      message: {
        id: `harus salah satu dari: ${[...termCodes('cooperation-kinds')].join(', ')}`,
        en: `must be one of: ${[...termCodes('cooperation-kinds')].join(', ')}`,
      },
    });
  else if (found.length === parties.length && parties.length >= 2) {
    const wrong = kindMismatch(input.kind, found);
    if (wrong) errors.push({ location: 'body.kind', message: wrong });
    else if (input.mandatory && !bordering(input.kind, found))
      errors.push({ location: 'body.mandatory', message: MANDATORY_RULE });
  }
  if (input.model && !termCodes('cooperation-models').has(input.model))
    errors.push({
      location: 'body.model',
      message: { id: 'model kerja sama tidak dikenal', en: 'unknown cooperation model' },
    });
  affairs.forEach(
    (a, i) =>
      !termCodes('affairs').has(a) &&
      errors.push({
        location: `body.affairs.${i}`,
        message: { id: `kode ${a} tidak dikenal`, en: `unknown code ${a}` },
      }),
  );
  issues.forEach(
    (a, i) =>
      !termCodes('strategic-issues').has(a) &&
      errors.push({
        location: `body.issues.${i}`,
        message: { id: `kode ${a} tidak dikenal`, en: `unknown code ${a}` },
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
        message: {
          id: 'harus pernyataan minat Anda yang diterima',
          en: 'must be an accepted interest of yours',
        },
      });
  }
  if (input.source?.type === 'proposal' && input.source.id) {
    const [p] = await ctx.db.select().from(proposals).where(eq(proposals.id, input.source.id));
    if (p?.status === 'accepted') agreedPair = [p.partyA, p.partyB];
    if (!p || p.status !== 'accepted' || (p.partyA !== tenant.id && p.partyB !== tenant.id))
      errors.push({
        location: 'body.source.id',
        message: {
          id: 'harus usulan Anda yang diterima',
          en: 'must be an accepted proposal of yours',
        },
      });
  }
  // A follow-up of a forum session: the agreement's origin is that session.
  let followUp: Awaited<ReturnType<typeof followUpOf>> = null;
  if (input.source?.type === 'follow_up') {
    followUp = input.source.id ? await followUpOf(ctx, input.source.id, tenant.id) : null;
    if (!followUp || followUp.status !== 'open' || !parties.includes(followUp.responsibleTenantId))
      errors.push({
        location: 'body.source.id',
        message: {
          id: 'harus tindak lanjut terbuka dari forum Anda, dengan pihak penanggung jawabnya di antara para pihak',
          en: 'must be an open follow-up of your forum, with its responsible party among the parties',
        },
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

/** Stages a single party may move to; KB, PKS, renewal, Nota Kesepakatan and action plan need every party's signature. */
export type UnilateralStage = 'pelaksanaan' | 'evaluasi' | 'berakhir';
export const SIGNED_STAGES = [
  'kesepakatan_bersama',
  'perjanjian_kerja_sama',
  'nota_kesepakatan',
  'rencana_aksi',
  'perpanjangan',
] as const;
export type SignedStage = (typeof SIGNED_STAGES)[number];

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
  if (!nextStages(row.kind, row.stage).includes(input.stage))
    throw rule(row.kind, row.stage, input.stage);
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
        message: { id: 'harus salah satu pihak', en: 'must be a party' },
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
  };
}) {
  const { row } = await access(ctx, input.tenantId, input.agreementId, true);
  if (input.nextEvaluationDate && input.nextEvaluationDate <= input.date)
    throw badRequest({ key: 'request.invalid' }, [
      {
        location: 'body.nextEvaluationDate',
        message: { id: 'harus setelah tanggal evaluasi', en: 'must be after date' },
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
      ),
    );
  return Number(r?.n ?? 0);
}

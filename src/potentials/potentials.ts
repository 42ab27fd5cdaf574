import { and, asc, desc, eq, getTableColumns, gt, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client';
import {
  agencies,
  districts,
  mappingRounds,
  type ProcessStep,
  potentialEvents,
  potentialRevisions,
  potentials,
} from '../../db/schema';
import { MANDATORY_GROUND_REQUIRED, type MandatoryGround } from '../agreements/stages';
import { recordEvent as recordDomainEvent } from '../events/events';
import { type Access, authorize } from '../identity/access';
import { auditInsert, cteOf, diffOf, recordAudit } from '../platform/audit';
import { actingUserId, type Ctx, today } from '../platform/context';
import { notAfterToday, notBefore } from '../platform/date-rules';
import { ApiError, badRequest, notFound, type RaisedFieldError } from '../platform/errors';
import { fieldMessage } from '../platform/field-messages';
import { newId } from '../platform/ids';
import { decodeCursor, pageOf } from '../platform/pagination';
import { prepared } from '../platform/prepared';
import { withAuthority } from '../reference/authority';
import { regulationsFor } from '../reference/regulations';
import { termCodes } from '../reference/vocabularies';
import { checkRoundOpen } from './rounds';
import {
  type Action,
  type ActorRole,
  canEdit,
  checkTransition,
  EDIT_RULE,
  type Status,
  TRANSITIONS,
} from './rules';
import { placesOf, searchTextOf } from './search-text';

export type PotentialInput = {
  title: string;
  activity: string;
  problem: string;
  potential: string;
  target: string;
  process: ProcessStep[];
  candidatePartner?: string | null;
  candidateReason?: string | null;
  outputs: string[];
  outcome: string;
  outcomeIndicator: string;
  supportBudget?: string | null;
  supportPolicy?: string | null;
  supportOther?: string | null;
  direction: 'offer' | 'need';
  cooperationKinds: string[];
  mandatory: boolean;
  mandatoryGround?: MandatoryGround | null;
  affairs: string[];
  issues: string[];
  model?: string | null;
  valueIdr?: number | null;
  districtCode?: string | null;
  horizon: 'short' | 'medium' | 'long';
  object?: string | null;
  expiresOn: string;
  agencyId?: string | null;
  roundId?: string | null;
};

/**
 * A potential as its verbs read it: every column but the search ones (the
 * text and vector the database keeps for the catalogue), which are large and
 * never shown.
 */
const {
  searchText: _text,
  searchTextEn: _textEn,
  searchVector: _vector,
  ...rowColumns
} = getTableColumns(potentials);
type Row = Omit<typeof potentials.$inferSelect, 'searchText' | 'searchTextEn' | 'searchVector'>;

export const MANDATORY_ONLY_KSDD = {
  id: 'kerja sama wajib hanya KSDD antardaerah yang berbatasan (UU 23/2014 Pasal 363): jenis kerja sama lain tidak boleh dipilih',
  en: 'mandatory cooperation is only KSDD between bordering regions (UU 23/2014 art. 363): no other cooperation kind may be chosen',
};

/** Codes must exist in their vocabularies, the district in the region, the expiry in the future: 400 naming each field. */
async function validateCodes(
  ctx: Ctx,
  regionCode: string,
  input: Partial<PotentialInput>,
): Promise<void> {
  const errors: RaisedFieldError[] = [];
  const check = (field: keyof PotentialInput, vocabulary: string, values: string[] | undefined) => {
    const known = termCodes(vocabulary);
    values?.forEach((v, i) => {
      if (!known.has(v))
        errors.push({
          location: `body.${field}.${i}`,
          message: fieldMessage('potentials.unknown_code_see_v1_vocabularies', { v, vocabulary }),
        });
    });
  };
  check('affairs', 'affairs', input.affairs);
  check('issues', 'strategic-issues', input.issues);
  check('cooperationKinds', 'cooperation-kinds', input.cooperationKinds);
  if (input.model) check('model', 'cooperation-models', [input.model]);
  if (input.model && errors.at(-1)?.location === 'body.model.0')
    errors.at(-1)!.location = 'body.model';
  // UU 23/2014 art. 363: mandatory cooperation binds bordering regions, so only KSDD
  if (input.mandatory && input.cooperationKinds?.some((k) => k !== 'KSDD'))
    errors.push({ location: 'body.mandatory', message: MANDATORY_ONLY_KSDD });
  // UU 23/2014 art. 363(2): a mandatory cooperation rests on one of two grounds, recorded
  if (input.mandatory && !input.mandatoryGround)
    errors.push({ location: 'body.mandatoryGround', message: MANDATORY_GROUND_REQUIRED });
  if (input.expiresOn !== undefined && input.expiresOn <= today(ctx)) {
    errors.push({
      location: 'body.expiresOn',
      message: fieldMessage('potentials.must_date_future'),
    });
  }
  if (input.districtCode) {
    const [d] = await ctx.db
      .select({ code: districts.code })
      .from(districts)
      .where(and(eq(districts.code, input.districtCode), eq(districts.regionCode, regionCode)));
    if (!d)
      errors.push({
        location: 'body.districtCode',
        message: fieldMessage('potentials.no_district_region', {
          districtCode: input.districtCode,
          regionCode,
        }),
      });
  }
  if (errors.length) throw badRequest({ key: 'potential.invalid_codes' }, errors);
}

function actorRole(access: Access): ActorRole {
  if (access.via === 'platform_admin') return 'platform_admin';
  if (access.via === 'api_key') return 'admin';
  return (access.role ?? 'viewer') as ActorRole;
}

function ruleError(kind: 'role' | 'state', rule: { id: string; en: string }): ApiError {
  return new ApiError(kind === 'role' ? 'FORBIDDEN' : 'CONFLICT', {
    key: 'potential.rule',
    params: { ruleId: rule.id, ruleEn: rule.en },
  });
}

async function getRow(ctx: Ctx, tenantId: string, potentialId: string): Promise<Row> {
  const [row] = await ctx.db
    .select(rowColumns)
    .from(potentials)
    .where(and(eq(potentials.id, potentialId), eq(potentials.tenantId, tenantId)));
  if (!row) throw notFound({ key: 'potential.not_found' });
  return row;
}

/** A row of the potential's own history, not yet run (see auditInsert: it may ride in the write's statement). */
function eventInsert(
  db: Db | Tx,
  ctx: Ctx,
  row: Pick<Row, 'id' | 'tenantId'>,
  action: string,
  from: Status | null,
  to: Status,
  reason: string | null,
  data: Record<string, unknown>,
) {
  return db.insert(potentialEvents).values({
    id: newId('event', ctx.now().getTime()),
    potentialId: row.id,
    tenantId: row.tenantId,
    action,
    fromStatus: from,
    toStatus: to,
    reason,
    data,
    actorUserId: actingUserId(ctx),
    requestId: ctx.requestId,
    createdAt: ctx.now(),
  });
}

async function recordEvent(...args: Parameters<typeof eventInsert>) {
  await eventInsert(...args);
}

async function checkAgencyAndRound(
  ctx: Ctx,
  access: Access,
  input: { agencyId?: string | null; roundId?: string | null },
): Promise<{ agencyId: string | null; roundId: string | null }> {
  let agencyId = input.agencyId ?? null;
  if (access.role === 'liaison') {
    if (agencyId && agencyId !== access.agencyId) throw ruleError('role', EDIT_RULE);
    agencyId = access.agencyId;
  }
  if (agencyId) {
    const [a] = await ctx.db
      .select({ id: agencies.id })
      .from(agencies)
      .where(and(eq(agencies.id, agencyId), eq(agencies.tenantId, access.tenant.id)));
    if (!a)
      throw badRequest({ key: 'agency.not_found' }, [
        {
          location: 'body.agencyId',
          message: fieldMessage('identity.unknown_agency'),
        },
      ]);
  }
  const roundId = input.roundId ?? null;
  if (roundId) {
    const [r] = await ctx.db
      .select({ id: mappingRounds.id, status: mappingRounds.status })
      .from(mappingRounds)
      .where(and(eq(mappingRounds.id, roundId), eq(mappingRounds.tenantId, access.tenant.id)));
    if (!r)
      throw badRequest({ key: 'round.not_found' }, [
        {
          location: 'body.roundId',
          message: fieldMessage('potentials.unknown_round'),
        },
      ]);
  }
  return { agencyId, roundId };
}

export async function createPotential({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: PotentialInput & { tenantId: string };
}) {
  const access = await authorize(ctx, input.tenantId, 'potentials.draft');
  const { tenant } = access;
  if (tenant.type !== 'region' || !tenant.regionCode)
    throw notFound({ key: 'potential.not_found' });
  await validateCodes(ctx, tenant.regionCode, input);
  const { agencyId, roundId } = await checkAgencyAndRound(ctx, access, input);
  const now = ctx.now();
  const id = newId('potential', now.getTime());
  const { tenantId: _t, agencyId: _a, roundId: _r, ...fields } = input;
  const values = {
    ...fields,
    candidatePartner: fields.candidatePartner ?? null,
    candidateReason: fields.candidateReason ?? null,
    supportBudget: fields.supportBudget ?? null,
    supportPolicy: fields.supportPolicy ?? null,
    supportOther: fields.supportOther ?? null,
    model: fields.model ?? null,
    valueIdr: fields.valueIdr ?? null,
    districtCode: fields.districtCode ?? null,
    object: fields.object ?? null,
    mandatoryGround: fields.mandatory ? (fields.mandatoryGround ?? null) : null,
  };
  const place = (await placesOf(ctx.db, [tenant.regionCode!])).get(tenant.regionCode!)!;
  // One statement: the potential, its first event and its audit row are written together or not at all.
  const event = cteOf(
    ctx.db,
    'event',
    eventInsert(ctx.db, ctx, { id, tenantId: tenant.id }, 'created', null, 'draft', null, {}),
  );
  const audit = cteOf(
    ctx.db,
    'audit',
    auditInsert(ctx.db, ctx, {
      tenantId: tenant.id,
      action: 'potential.created',
      targetType: 'potential',
      targetId: id,
      diff: { title: { to: values.title }, direction: { to: values.direction } },
    }),
  );
  const [row] = await ctx.db
    .with(event, audit)
    .insert(potentials)
    .values({
      ...values,
      id,
      tenantId: tenant.id,
      regionCode: tenant.regionCode!,
      provinceCode: tenant.regionCode!.slice(0, 2),
      agencyId,
      roundId,
      status: 'draft',
      ...searchTextOf(values, place),
      createdAt: now,
      updatedAt: now,
    })
    .returning(rowColumns);
  return withAuthority(row!);
}

const EDITABLE: (keyof PotentialInput)[] = [
  'title',
  'activity',
  'problem',
  'potential',
  'target',
  'process',
  'candidatePartner',
  'candidateReason',
  'outputs',
  'outcome',
  'outcomeIndicator',
  'supportBudget',
  'supportPolicy',
  'supportOther',
  'direction',
  'cooperationKinds',
  'mandatory',
  'mandatoryGround',
  'affairs',
  'issues',
  'model',
  'valueIdr',
  'districtCode',
  'horizon',
  'object',
  'expiresOn',
];

/** Drafts and returned potentials are edited in place; a published one keeps its place in the catalogue and gains a revision. */
export async function updatePotential({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: Partial<PotentialInput> & { tenantId: string; potentialId: string };
}) {
  const access = await authorize(ctx, input.tenantId, 'potentials.write');
  const before = await getRow(ctx, access.tenant.id, input.potentialId);
  const role = actorRole(access);
  if (
    !canEdit(before.status, role, before.agencyId !== null && before.agencyId === access.agencyId)
  ) {
    throw ruleError(
      ['draft', 'returned', 'published'].includes(before.status) ? 'role' : 'state',
      EDIT_RULE,
    );
  }
  // the mandatory rule is checked on what the edit touches, merged with what it keeps
  await validateCodes(
    ctx,
    before.regionCode,
    input.mandatory !== undefined ||
      input.cooperationKinds !== undefined ||
      input.mandatoryGround !== undefined
      ? {
          ...input,
          mandatory: input.mandatory ?? before.mandatory,
          mandatoryGround:
            input.mandatoryGround !== undefined
              ? input.mandatoryGround
              : (before.mandatoryGround as MandatoryGround | null),
          cooperationKinds: input.cooperationKinds ?? before.cooperationKinds,
        }
      : input,
  );
  const changes: Record<string, unknown> = {};
  for (const k of EDITABLE) if (input[k] !== undefined) changes[k] = input[k];
  // a voluntary potential has no ground to keep
  if (input.mandatory === false) changes.mandatoryGround = null;
  const merged = { ...before, ...changes } as Row;
  const place = (await placesOf(ctx.db, [before.regionCode])).get(before.regionCode)!;
  const published = before.status === 'published';
  // the stored values are the merged ones: the diff is known before the write
  const diff = diffOf(before as Record<string, unknown>, merged, Object.keys(changes));
  // One statement, as createPotential: the edit, the revision a published one keeps, the event and the audit row.
  const revision = published
    ? cteOf(
        ctx.db,
        'revision',
        ctx.db.insert(potentialRevisions).values({
          id: newId('event', ctx.now().getTime()),
          potentialId: before.id,
          version: before.version,
          // the row as read carries no search columns: the snapshot is what was shown
          snapshot: before,
          actorUserId: actingUserId(ctx),
          createdAt: ctx.now(),
        }),
      )
    : null;
  const event = cteOf(
    ctx.db,
    'event',
    eventInsert(
      ctx.db,
      ctx,
      before,
      published ? 'revised' : 'edited',
      before.status,
      before.status,
      null,
      { fields: Object.keys(diff), version: before.version + 1 },
    ),
  );
  const audit = cteOf(
    ctx.db,
    'audit',
    auditInsert(ctx.db, ctx, {
      tenantId: before.tenantId,
      action: published ? 'potential.revised' : 'potential.updated',
      targetType: 'potential',
      targetId: before.id,
      diff,
    }),
  );
  const [after] = await ctx.db
    .with(...(revision ? [revision] : []), event, audit)
    .update(potentials)
    .set({
      ...changes,
      ...searchTextOf(merged, place),
      version: before.version + 1,
      updatedAt: ctx.now(),
    })
    .where(eq(potentials.id, before.id))
    .returning(rowColumns);
  return withAuthority(after!);
}

export type TransitionInput = {
  tenantId: string;
  potentialId: string;
  action: Action;
  reason?: string;
  baNumber?: string;
  baDate?: string;
  priorityRank?: number;
  skNumber?: string;
  skDate?: string;
};

export async function transitionPotential({ ctx, input }: { ctx: Ctx; input: TransitionInput }) {
  const access = await authorize(ctx, input.tenantId, 'potentials.decide');
  const before = await getRow(ctx, access.tenant.id, input.potentialId);
  return ctx.db.transaction((tx) => applyTransition(tx, ctx, access, before, input));
}

const BERITA_ACARA = { id: 'tanggal Berita Acara pleno', en: 'plenary Berita Acara date' };
const SK = { id: 'tanggal SK penetapan', en: 'SK (decree) date' };

/** Dates that cannot be (PP 28/2018: the plenary's Berita Acara comes first, then the head's SK). */
function refuseDates(found: (RaisedFieldError | null)[]) {
  const errors = found.filter((e): e is RaisedFieldError => e !== null);
  if (errors.length) throw badRequest({ key: 'request.invalid' }, errors);
}

/** One potential's step, checked and recorded, in the caller's transaction (one potential or a batch). */
export async function applyTransition(
  tx: Tx,
  ctx: Ctx,
  access: Access,
  before: Row,
  input: TransitionInput,
) {
  const denied = checkTransition(
    input.action,
    before.status,
    actorRole(access),
    before.agencyId !== null && before.agencyId === access.agencyId,
  );
  if (denied) throw ruleError(denied.kind, denied.rule);

  const required = (fields: (keyof TransitionInput)[]) => {
    const missing = fields.filter((f) => input[f] === undefined || input[f] === '');
    if (missing.length)
      throw badRequest(
        { key: 'request.invalid' },
        missing.map((f) => ({
          location: `body.${f}`,
          message: fieldMessage('potentials.required', { action: input.action }),
        })),
      );
  };
  const set: Partial<Row> = {};
  switch (input.action) {
    case 'prioritise':
      required(['baNumber', 'baDate', 'priorityRank']);
      refuseDates([notAfterToday('body.baDate', BERITA_ACARA, input.baDate!, ctx.now())]);
      Object.assign(set, {
        baNumber: input.baNumber,
        baDate: input.baDate,
        priorityRank: input.priorityRank,
      });
      break;
    case 'establish':
      required(['skNumber', 'skDate']);
      refuseDates([
        notAfterToday('body.skDate', SK, input.skDate!, ctx.now()),
        before.baDate
          ? notBefore('body.skDate', SK, input.skDate!, BERITA_ACARA, before.baDate)
          : null,
      ]);
      Object.assign(set, { skNumber: input.skNumber, skDate: input.skDate });
      break;
    case 'reject':
      // the plenary's finding, in its Berita Acara; the reason goes with the recorded event
      required(['baNumber', 'baDate', 'reason']);
      refuseDates([notAfterToday('body.baDate', BERITA_ACARA, input.baDate!, ctx.now())]);
      Object.assign(set, { baNumber: input.baNumber, baDate: input.baDate });
      break;
    case 'return':
      required(['reason']);
      set.returnReason = input.reason!;
      break;
    case 'publish':
      if (before.expiresOn <= today(ctx)) {
        throw badRequest({ key: 'request.invalid' }, [
          {
            location: 'expiresOn',
            message: fieldMessage('potentials.has_passed_renew_before_publishing'),
          },
        ]);
      }
      set.publishedAt = ctx.now();
      break;
    case 'submit':
      await checkRoundOpen(tx, before.roundId, today(ctx));
      set.returnReason = null;
      break;
  }
  const to = TRANSITION_TARGET[input.action];
  const [after] = await tx
    .update(potentials)
    .set({ ...set, status: to, updatedAt: ctx.now() })
    .where(and(eq(potentials.id, before.id), eq(potentials.status, before.status)))
    .returning(rowColumns);
  if (!after)
    throw new ApiError('CONFLICT', {
      key: 'potential.rule',
      params: {
        ruleId: 'status berubah bersamaan; muat ulang',
        ruleEn: 'the status changed concurrently; reload',
      },
    });
  const data = Object.fromEntries(Object.entries(set).filter(([k]) => k !== 'returnReason'));
  await recordEvent(tx, ctx, before, input.action, before.status, to, input.reason ?? null, data);
  // a returned potential goes back to its agency's liaisons (else the secretariat) with the reason;
  // submitted again, their open item on it closes
  if (input.action === 'return')
    await recordDomainEvent(tx, ctx, {
      type: 'potential.returned',
      tenantIds: [before.tenantId],
      objectId: before.id,
      payload: { title: before.title, reason: input.reason!, agencyId: before.agencyId },
    });
  // published: the agency that mapped it hears it is in the catalogue
  if (to === 'published')
    await recordDomainEvent(tx, ctx, {
      type: 'potential.published',
      tenantIds: [before.tenantId],
      objectId: before.id,
      payload: { title: before.title, agencyId: before.agencyId },
    });
  if (input.action === 'submit' && before.status === 'returned')
    await recordDomainEvent(tx, ctx, {
      type: 'potential.resubmitted',
      tenantIds: [before.tenantId],
      objectId: before.id,
      payload: { title: before.title },
    });
  await recordAudit(tx, ctx, {
    tenantId: before.tenantId,
    action: `potential.${input.action}`,
    targetType: 'potential',
    targetId: before.id,
    diff: {
      status: { from: before.status, to },
      ...diffOf(
        before as Record<string, unknown>,
        after as Record<string, unknown>,
        Object.keys(data),
      ),
    },
  });
  return withAuthority(after!);
}

const TRANSITION_TARGET = Object.fromEntries(
  Object.entries(TRANSITIONS).map(([a, r]) => [a, r.to]),
) as Record<Action, Status>;

export async function getPotential({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { tenantId: string; potentialId: string };
}) {
  const access = await authorize(ctx, input.tenantId, 'potentials.read');
  const row = await getRow(ctx, access.tenant.id, input.potentialId);
  const [history, revisions] = await Promise.all([
    ctx.db
      .select()
      .from(potentialEvents)
      .where(eq(potentialEvents.potentialId, row.id))
      .orderBy(asc(potentialEvents.id)),
    ctx.db
      .select({
        version: potentialRevisions.version,
        snapshot: potentialRevisions.snapshot,
        actorUserId: potentialRevisions.actorUserId,
        createdAt: potentialRevisions.createdAt,
      })
      .from(potentialRevisions)
      .where(eq(potentialRevisions.potentialId, row.id))
      .orderBy(desc(potentialRevisions.version)),
  ]);
  return {
    ...withAuthority(row),
    history,
    revisions,
    regulations: regulationsFor(row.object, row.cooperationKinds),
  };
}

export async function listPotentials({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: {
    tenantId: string;
    status?: Status;
    agencyId?: string;
    roundId?: string;
    limit: number;
    cursor?: string;
  };
}) {
  const access = await authorize(ctx, input.tenantId, 'potentials.read');
  const { limit, cursor, tenantId: _t, ...filters } = input;
  const after = decodeCursor(cursor, filters);
  // one statement per combination of filters, built once (the list is read on every visit)
  const shape = `${filters.status ? 's' : ''}${filters.agencyId ? 'a' : ''}${filters.roundId ? 'r' : ''}${after ? 'c' : ''}`;
  const rows = await prepared(ctx.db, `tenant_potentials_${shape}`, (db, name) =>
    db
      .select(rowColumns)
      .from(potentials)
      .where(
        and(
          eq(potentials.tenantId, sql.placeholder('tenantId')),
          filters.status ? eq(potentials.status, sql.placeholder('status')) : undefined,
          filters.agencyId ? eq(potentials.agencyId, sql.placeholder('agencyId')) : undefined,
          filters.roundId ? eq(potentials.roundId, sql.placeholder('roundId')) : undefined,
          after ? gt(potentials.id, sql.placeholder('after')) : undefined,
        ),
      )
      .orderBy(asc(potentials.id))
      .limit(sql.placeholder('limit'))
      .prepare(name),
  ).execute({
    tenantId: access.tenant.id,
    status: filters.status,
    agencyId: filters.agencyId,
    roundId: filters.roundId,
    after: after?.[0],
    limit: limit + 1,
  });
  const { page, nextCursor } = pageOf(rows, limit, (r) => r.id, filters);
  return { data: page.map(withAuthority), nextCursor };
}

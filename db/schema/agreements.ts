import {
  bigint,
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { timestamps } from './columns';
import { users } from './identity';
import { tenants } from './tenants';

const ts = () => timestamp({ withTimezone: true, mode: 'date' });
const day = () => date({ mode: 'string' });

export const agreementStage = pgEnum('agreement_stage', [
  'inisiasi',
  'kesepakatan_bersama',
  'perjanjian_kerja_sama',
  'nota_kesepakatan',
  'rencana_aksi',
  'pelaksanaan',
  'evaluasi',
  'perpanjangan',
  'berakhir',
]);

/** A cooperation from Kesepakatan Bersama (KB) through Perjanjian Kerja Sama (PKS) to evaluation. */
export const agreements = pgTable(
  'agreements',
  {
    id: text().primaryKey(),
    title: text().notNull(),
    kind: text().notNull(),
    /** mandatory cooperation (UU 23/2014 art. 363): KSDD between bordering regions only */
    mandatory: boolean().notNull().default(false),
    /** a mandatory cooperation's ground (UU 23/2014 art. 363(2)) */
    mandatoryGround: text(),
    model: text(),
    /** what it concerns (goods/services, regional assets, …): decides the regulations that apply */
    object: text(),
    affairs: text().array().notNull(),
    issues: text().array().notNull(),
    stage: agreementStage().notNull().default('inisiasi'),
    sourceType: text(),
    sourceId: text(),
    /** the forum session it came out of (a follow-up of its minutes), if any */
    originSessionId: text(),
    /** the document's own date and its parties' signatures: the same for every party */
    kbDate: day(),
    kbSignatories: text().array(),
    /** sinergi: the Nota Kesepakatan (memorandum) and the action plan, each signed by every party */
    memorandumDate: day(),
    actionPlanDate: day(),
    pksDate: day(),
    pksStart: day(),
    pksEnd: day(),
    /** when the last invited party confirmed: until then the agreement binds no one and counts nowhere */
    confirmedAt: ts(),
    createdBy: text()
      .notNull()
      .references(() => users.id),
    ...timestamps,
  },
  (t) => [index().on(t.stage)],
);

export const partyStatus = pgEnum('agreement_party_status', ['invited', 'confirmed', 'declined']);

/** A tenant named in an agreement: invited until its own admin confirms (or declines). */
export const agreementParties = pgTable(
  'agreement_parties',
  {
    agreementId: text()
      .notNull()
      .references(() => agreements.id, { onDelete: 'cascade' }),
    tenantId: text()
      .notNull()
      .references(() => tenants.id),
    status: partyStatus().notNull().default('confirmed'),
    respondedAt: ts(),
    respondedBy: text(),
    declineReason: text(),
    /**
     * Each party records one signed text under its own register number (nomor
     * register), and each region's DPRD gives its own approval: per party, not
     * per agreement.
     */
    kbNumber: text(),
    memorandumNumber: text(),
    actionPlanNumber: text(),
    pksNumber: text(),
    /** a region's answers for its own APBD (PP 28/2018): whether its DPRD must approve */
    burdensBudget: boolean(),
    burdensPublic: boolean(),
    budgeted: boolean(),
    dprdApprovalRef: text(),
    dprdApprovalDate: day(),
  },
  (t) => [primaryKey({ columns: [t.agreementId, t.tenantId] }), index().on(t.tenantId)],
);

export const signedStage = pgEnum('agreement_signed_stage', [
  'kesepakatan_bersama',
  'perjanjian_kerja_sama',
  'nota_kesepakatan',
  'rencana_aksi',
  'perpanjangan',
]);

/**
 * One party's signature of a stage's document (KB, PKS, renewal). The stage is
 * reached when every party has signed the same document; `cycle` counts earlier
 * times the agreement reached that stage (renewals repeat).
 */
export const agreementSignatures = pgTable(
  'agreement_signatures',
  {
    id: text().primaryKey(),
    agreementId: text()
      .notNull()
      .references(() => agreements.id, { onDelete: 'cascade' }),
    stage: signedStage().notNull(),
    cycle: integer().notNull(),
    tenantId: text()
      .notNull()
      .references(() => tenants.id),
    signatoryName: text().notNull(),
    signatoryPosition: text().notNull(),
    /** `head` (gubernur, bupati, wali kota, or a partner's leader) or `delegated` (an official the head delegated) */
    signatoryCapacity: text().notNull().default('head'),
    /** the head's delegation (surat kuasa) when a delegated official signs */
    delegationRef: text(),
    signedOn: day().notNull(),
    document: jsonb().$type<Record<string, unknown>>().notNull(),
    recordedBy: text()
      .notNull()
      .references(() => users.id),
    recordedByRole: text().notNull(),
    createdAt: ts().notNull().defaultNow(),
  },
  (t) => [uniqueIndex().on(t.agreementId, t.stage, t.cycle, t.tenantId)],
);

export const actionStatus = pgEnum('action_status', ['planned', 'in_progress', 'done']);

export const agreementActions = pgTable(
  'agreement_actions',
  {
    id: text().primaryKey(),
    agreementId: text()
      .notNull()
      .references(() => agreements.id, { onDelete: 'cascade' }),
    title: text().notNull(),
    responsibleTenantId: text()
      .notNull()
      .references(() => tenants.id),
    dueDate: day().notNull(),
    status: actionStatus().notNull().default('planned'),
    ...timestamps,
  },
  (t) => [index().on(t.agreementId)],
);

export const agreementEvaluations = pgTable('agreement_evaluations', {
  id: text().primaryKey(),
  agreementId: text()
    .notNull()
    .references(() => agreements.id, { onDelete: 'cascade' }),
  date: day().notNull(),
  findings: text().notNull(),
  rating: integer().notNull(),
  nextEvaluationDate: day(),
  /** what a ministry asks of each agreement in the annual report: realisation and benefits, obstacles, follow-up */
  benefits: text(),
  obstacles: text(),
  followUp: text(),
  /** budget realisation, where recorded: planned and realised, in rupiah */
  budgetPlannedIdr: bigint({ mode: 'number' }),
  budgetRealisedIdr: bigint({ mode: 'number' }),
  createdBy: text().notNull(),
  createdAt: ts().notNull().defaultNow(),
});

export const agreementDocuments = pgTable('agreement_documents', {
  id: text().primaryKey(),
  agreementId: text()
    .notNull()
    .references(() => agreements.id, { onDelete: 'cascade' }),
  title: text().notNull(),
  number: text(),
  date: day(),
  link: text(),
  createdAt: ts().notNull().defaultNow(),
});

export const agreementEvents = pgTable(
  'agreement_events',
  {
    id: text().primaryKey(),
    agreementId: text()
      .notNull()
      .references(() => agreements.id, { onDelete: 'cascade' }),
    fromStage: agreementStage(),
    toStage: agreementStage().notNull(),
    data: jsonb().$type<Record<string, unknown>>().notNull(),
    actorUserId: text(),
    requestId: text().notNull(),
    createdAt: ts().notNull().defaultNow(),
  },
  (t) => [index().on(t.agreementId)],
);

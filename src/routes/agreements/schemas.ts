import { z } from '@hono/zod-openapi';
import { SIGNED_STAGES, STAGES } from '../../agreements/stages';
import {
  CooperationKind,
  DateString,
  idParam,
  jsonResponse,
  NullableTimestamp,
  TenantParams,
  Timestamp,
} from '../common';
import { MandatoryGroundSchema, RegulationSchema } from '../potentials/schemas';

/** Agreements between two or more tenants, from Kesepakatan Bersama to evaluation. */
export const Stage = z.enum(STAGES).openapi('AgreementStage', {
  description:
    'Codes in Indonesian, as the documents are named. KSDD, KSDPK, KSDPL, KSDLL: inisiasi → kesepakatan_bersama (KB) → perjanjian_kerja_sama (PKS) → pelaksanaan → evaluasi (→ perpanjangan) → berakhir. SINERGI: inisiasi → nota_kesepakatan → rencana_aksi → pelaksanaan → evaluasi → berakhir. `stageLabel` names the stage in both languages.',
});
export const StageLabel = z
  .object({ id: z.string(), en: z.string() })
  .openapi('AgreementStageLabel', { description: 'The stage’s name in Indonesian and English.' });
export const Flags = z.object({
  stalled: z.boolean().openapi({
    description: 'A Kesepakatan Bersama signed 90+ days ago with no PKS or no action plan.',
  }),
  expiring: z.boolean().openapi({ description: 'The PKS ends within 90 days.' }),
  lapsed: z.boolean().openapi({
    description:
      'Berakhir tanpa perpanjangan: the PKS’s end has passed and it was neither renewed nor ended. It no longer counts as active (profiles) and is counted as lapsed in annual reports.',
  }),
  overdueActions: z.number().int(),
  evaluationDue: z.boolean(),
});
export const Party = z.object({
  id: z.string(),
  name: z.string(),
  regionCode: z.string().nullable(),
  status: z.enum(['invited', 'confirmed', 'declined']).openapi({
    description: 'An invited party is not bound until its admin confirms.',
  }),
  respondedAt: NullableTimestamp,
  kbNumber: z.string().nullable().openapi({
    description:
      'The Kesepakatan Bersama under this party’s own register number: one text signed by all, each party numbers it in its own register.',
  }),
  memorandumNumber: z
    .string()
    .nullable()
    .openapi({ description: 'Sinergi: the Nota Kesepakatan, in this party’s register.' }),
  actionPlanNumber: z
    .string()
    .nullable()
    .openapi({ description: 'Sinergi: the action plan, in this party’s register.' }),
  pksNumber: z.string().nullable().openapi({ description: 'The PKS, in this party’s register.' }),
  burdensBudget: z
    .boolean()
    .nullable()
    .openapi({ description: 'A region: whether the PKS burdens its own APBD.' }),
  burdensPublic: z
    .boolean()
    .nullable()
    .openapi({ description: 'A region: whether the PKS burdens its public.' }),
  budgeted: z
    .boolean()
    .nullable()
    .openapi({ description: 'A region: whether its funding is budgeted in this year’s APBD.' }),
  dprdApprovalRef: z.string().nullable().openapi({
    description:
      'A region: its own DPRD’s approval, when the law asks for it (PP 28/2018: burdens the region and the public, or not budgeted).',
  }),
  dprdApprovalDate: DateString.nullable(),
});
export const Consent = z.enum(['pending', 'confirmed', 'declined']).openapi({
  description:
    '`pending` until every invited party confirmed: until then the agreement binds no one and counts nowhere (profiles, match history, flags).',
});
export const SignatureSchema = z.object({
  stage: z.enum(SIGNED_STAGES),
  cycle: z.number().int(),
  tenantId: z.string(),
  signatoryName: z.string(),
  signatoryPosition: z.string(),
  signatoryCapacity: z.enum(['head', 'delegated']),
  delegationRef: z.string().nullable(),
  signedOn: DateString,
  document: z.record(z.string(), z.unknown()),
  recordedByRole: z.string(),
  createdAt: Timestamp,
});
export const AgreementAction = z
  .object({
    id: z.string(),
    title: z.string(),
    responsibleTenantId: z.string(),
    dueDate: DateString,
    status: z.enum(['planned', 'in_progress', 'done']),
  })
  .openapi('AgreementAction');
export const AgreementEvaluation = z
  .object({
    id: z.string(),
    date: DateString,
    findings: z.string(),
    rating: z.number().int(),
    nextEvaluationDate: DateString.nullable(),
    benefits: z.string().nullable(),
    obstacles: z.string().nullable(),
    followUp: z.string().nullable(),
    budgetPlannedIdr: z.number().int().nullable(),
    budgetRealisedIdr: z.number().int().nullable(),
  })
  .openapi('AgreementEvaluation');
export const AgreementDocument = z
  .object({
    id: z.string(),
    title: z.string(),
    number: z.string().nullable(),
    date: DateString.nullable(),
    link: z.string().nullable(),
  })
  .openapi('AgreementDocument');

export const AgreementSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    kind: CooperationKind,
    mandatory: z.boolean().openapi({
      description:
        'Mandatory cooperation (wajib, UU 23/2014 art. 363): KSDD between bordering regions.',
    }),
    mandatoryGround: MandatoryGroundSchema.nullable(),
    model: z.string().nullable(),
    object: z.string().nullable(),
    regulations: z.array(RegulationSchema).openapi({
      description: 'The regulations that apply, by its object and kind: a checklist.',
    }),
    affairs: z.array(z.string()),
    issues: z.array(z.string()),
    stage: Stage,
    stageLabel: StageLabel,
    sourceType: z.string().nullable(),
    sourceId: z.string().nullable(),
    originSessionId: z.string().nullable().openapi({
      description: 'The forum session it came out of (through a follow-up of its minutes), if any.',
    }),
    kbDate: DateString.nullable(),
    kbSignatories: z.array(z.string()).nullable(),
    memorandumDate: DateString.nullable().openapi({
      description: 'Sinergi: the Nota Kesepakatan.',
    }),
    actionPlanDate: DateString.nullable().openapi({ description: 'Sinergi: the action plan.' }),
    pksDate: DateString.nullable(),
    pksStart: DateString.nullable(),
    pksEnd: DateString.nullable(),
    parties: z.array(Party),
    actions: z.array(AgreementAction),
    evaluations: z.array(AgreementEvaluation),
    documents: z.array(AgreementDocument),
    history: z.array(
      z.object({ fromStage: z.string().nullable(), toStage: z.string(), createdAt: Timestamp }),
    ),
    signatures: z.array(SignatureSchema),
    consent: Consent,
    flags: Flags,
  })
  .openapi('Agreement');
export const Params = TenantParams.extend({
  agreementId: idParam('agreementId', 'agreement', 'The agreement.'),
});
export const ok = (d: string) => ({ 200: jsonResponse(d, AgreementSchema) });

/** 201 with the created item; `Location` is the agreement it belongs to, where it is read. */
export const created = <T extends z.ZodType>(description: string, schema: T) => ({
  201: {
    description,
    headers: {
      Location: {
        description: 'The agreement the item belongs to.',
        schema: { type: 'string' as const },
      },
    },
    content: { 'application/json': { schema } },
  },
});

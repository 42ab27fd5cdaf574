import { z } from '@hono/zod-openapi';
import { MANDATORY_GROUNDS } from '../../agreements/stages';
import { STATUSES } from '../../potentials/rules';
import { OBJECTS } from '../../reference/regulations';
import { DateString, idPattern, NullableTimestamp, Timestamp } from '../common';

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD')
  .refine(
    (v) =>
      !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) &&
      new Date(`${v}T00:00:00Z`).toISOString().startsWith(v),
    {
      params: { id: 'harus tanggal yang ada di kalender', en: 'must be a real calendar date' },
      message: 'must be a real calendar date',
    },
  );
/** The ground of a mandatory cooperation (UU 23/2014 art. 363(2)). */
export const MandatoryGroundSchema = z.enum(MANDATORY_GROUNDS).openapi('MandatoryGround', {
  description:
    'UU 23/2014 art. 363(2): `cross_border_externality` (an affair with cross-border externalities) or `efficient_shared_service` (a public service more efficient when managed together). Required when `mandatory` is true.',
});

export const IsoDate = isoDate.openapi({ format: 'date', example: '2027-12-31' });

const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();
const codes = (max: number, description: string) =>
  z.array(z.string().max(60)).max(max).openapi({ description });

/** The eight questions of the mapping form, plus what the catalogue needs. */
export const PotentialBody = z
  .object({
    title: text(200).openapi({ example: 'Paket wisata bersama Lombok–Sumbawa' }),
    activity: text(2000).openapi({
      description: '1. What will be done through cooperation, concisely.',
    }),
    problem: text(4000).openapi({ description: '2a. Background: the problem.' }),
    potential: text(4000).openapi({ description: '2b. Background: the potential.' }),
    target: text(2000).openapi({ description: '2c. Background: the target.' }),
    process: z
      .array(z.object({ party: text(200), role: text(1000) }).strict())
      .min(1)
      .max(10)
      .openapi({ description: '3. What each party does.' }),
    candidatePartner: optionalText(300).openapi({
      description: '4. The candidate partner, if one is in view.',
    }),
    candidateReason: optionalText(2000).openapi({
      description: '5. Why that partner: its technical or operational advantages.',
    }),
    outputs: z
      .array(text(500))
      .min(1)
      .max(20)
      .openapi({ description: '6. Physical products and/or activities produced.' }),
    outcome: text(2000).openapi({ description: '7. The impact.' }),
    outcomeIndicator: text(500).openapi({
      description: '7. The agency performance indicator the outcome serves.',
    }),
    supportBudget: optionalText(2000).openapi({ description: '8. Budget support needed.' }),
    supportPolicy: optionalText(2000).openapi({ description: '8. Policy support needed.' }),
    supportOther: optionalText(2000).openapi({ description: '8. Other support needed.' }),
    direction: z
      .enum(['offer', 'need'])
      .openapi({ description: '`offer`: what the region brings; `need`: what it seeks.' }),
    cooperationKinds: codes(
      4,
      'Codes of `cooperation-kinds` the potential is open to (KSDD, KSDPK, KSDPL, KSDLL, SINERGI).',
    ).min(1),
    mandatory: z.boolean().openapi({
      description:
        'Mandatory cooperation (wajib, UU 23/2014 art. 363) rather than voluntary: with a bordering region, or between a province and a kabupaten/kota in its territory. Its matches and suggestions come only from those regions.',
    }),
    mandatoryGround: MandatoryGroundSchema.optional(),
    affairs: codes(10, 'Codes of `affairs` (urusan).').min(1),
    issues: codes(9, 'Codes of `strategic-issues`.'),
    model: z
      .string()
      .max(60)
      .nullable()
      .optional()
      .openapi({ description: 'Preferred code of `cooperation-models`.' }),
    valueIdr: z
      .number()
      .int()
      .min(0)
      .max(1e15)
      .nullable()
      .optional()
      .openapi({ description: 'Estimated value in rupiah.', example: 2500000000 }),
    districtCode: z
      .string()
      .regex(/^\d{2}\.\d{2}\.\d{2}$/, 'must be a district code such as 52.01.01')
      .nullable()
      .optional(),
    horizon: z
      .enum(['short', 'medium', 'long'])
      .openapi({ description: 'short ≤ 1 year, medium 1–3 years, long > 3 years.' }),
    object: z.enum(OBJECTS).nullable().optional().openapi({
      description:
        'What the cooperation concerns: goods/services, regional assets, investment, infrastructure, public service or other. The potential then lists the regulations that apply.',
    }),
    expiresOn: IsoDate.openapi({
      description: 'After this date the potential leaves the catalogue until renewed.',
    }),
    agencyId: idPattern('agency')
      .nullable()
      .optional()
      .openapi({ description: 'The proposing agency (OPD). A liaison’s own agency by default.' }),
    roundId: idPattern('round')
      .nullable()
      .optional()
      .openapi({ description: 'The mapping round it answers.' }),
  })
  .strict()
  .openapi('PotentialInput');

export const PotentialPatch = PotentialBody.omit({ agencyId: true, roundId: true })
  .partial()
  .strict()
  .openapi('PotentialPatch');

const common = {
  id: z.string(),
  title: z.string(),
  activity: z.string(),
  problem: z.string(),
  potential: z.string(),
  target: z.string(),
  process: z.array(z.object({ party: z.string(), role: z.string() })),
  candidatePartner: z.string().nullable(),
  candidateReason: z.string().nullable(),
  outputs: z.array(z.string()),
  outcome: z.string(),
  outcomeIndicator: z.string(),
  supportBudget: z.string().nullable(),
  supportPolicy: z.string().nullable(),
  supportOther: z.string().nullable(),
  direction: z.enum(['offer', 'need']),
  cooperationKinds: z.array(z.string()),
  mandatory: z.boolean(),
  mandatoryGround: MandatoryGroundSchema.nullable(),
  affairs: z.array(z.string()),
  issues: z.array(z.string()),
  model: z.string().nullable(),
  valueIdr: z.number().nullable(),
  regionCode: z.string(),
  provinceCode: z.string(),
  districtCode: z.string().nullable(),
  horizon: z.enum(['short', 'medium', 'long']),
  object: z.enum(OBJECTS).nullable(),
  expiresOn: DateString,
  skNumber: z.string().nullable(),
  skDate: DateString.nullable(),
  publishedAt: NullableTimestamp,
  version: z.number().int(),
  isDemo: z.boolean().openapi({ description: 'True for demo data (`npm run seed:demo`).' }),
  tenantId: z.string(),
};

export const AuthorityWarning = z
  .object({
    affair: z.string(),
    message: z.object({ id: z.string(), en: z.string() }),
    source: z.string(),
  })
  .openapi('AuthorityWarning');

export const PotentialSchema = z
  .object({
    ...common,
    agencyId: z.string().nullable(),
    roundId: z.string().nullable(),
    status: z.enum(STATUSES),
    returnReason: z.string().nullable(),
    baNumber: z.string().nullable(),
    baDate: DateString.nullable(),
    priorityRank: z.number().int().nullable(),
    authorityWarnings: z.array(AuthorityWarning).openapi({
      description:
        'A kabupaten/kota naming an affair the province holds (UU 23/2014, annex: forestry, energy and mineral resources, the sea within 12 miles): the rule, and the part that is the kabupaten/kota’s own. The object of a cooperation must be within the region’s authority; the warning does not block.',
    }),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  })
  .openapi('Potential');

/** A regulation that applies, as a checklist item. */
export const RegulationSchema = z
  .object({
    code: z.string(),
    title: z.string(),
    about: z.object({ id: z.string(), en: z.string() }),
  })
  .openapi('Regulation');

export const PotentialDetailSchema = PotentialSchema.extend({
  regulations: z.array(RegulationSchema).openapi({
    description: 'The regulations that apply, by its object and kinds (PP 28/2018 always).',
  }),
  history: z.array(
    z.object({
      id: z.string(),
      action: z.string(),
      fromStatus: z.string().nullable(),
      toStatus: z.string(),
      reason: z.string().nullable(),
      data: z.record(z.string(), z.unknown()),
      actorUserId: z.string().nullable(),
      requestId: z.string(),
      createdAt: Timestamp,
    }),
  ),
  revisions: z.array(
    z.object({
      version: z.number().int(),
      snapshot: z.record(z.string(), z.unknown()),
      actorUserId: z.string().nullable(),
      createdAt: Timestamp,
    }),
  ),
}).openapi('PotentialDetail');

export const PublicPotentialSchema = z
  .object({ ...common, regionName: z.string(), regulations: z.array(RegulationSchema).optional() })
  .openapi('PublishedPotential');

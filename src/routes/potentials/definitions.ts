import { z } from '@hono/zod-openapi';
import {
  DateString,
  idParam,
  Name,
  NullableTimestamp,
  PartnerKind,
  RoundStatus,
  TenantParams,
  TenantType,
  Timestamp,
} from '../common';
import { IsoDate } from './schemas';

export const PotentialParams = TenantParams.extend({
  potentialId: idParam('potentialId', 'potential', 'The potential.'),
});

export const Rank = z.number().int().min(1).max(10000);

export const only = <A extends string>(action: A, name: string, description: string) =>
  z
    .object({ action: z.literal(action) })
    .strict()
    .openapi(name, { description });

/**
 * One shape per action, discriminated by `action`: what each step needs is
 * required by the type, so `{ action: 'prioritise' }` without its Berita Acara
 * does not compile in a generated client (and answers 400 naming the fields).
 */
export const TransitionBody = z
  .discriminatedUnion('action', [
    only(
      'submit',
      'PotentialSubmit',
      'An agency’s liaison (or an admin) submits a draft for review.',
    ),
    z
      .object({
        action: z.literal('prioritise'),
        baNumber: Name(100).openapi({ description: 'The TKKSD plenary’s Berita Acara number.' }),
        baDate: IsoDate.openapi({ description: 'The Berita Acara’s date.' }),
        priorityRank: Rank.openapi({ description: 'Its rank in the prioritised list (1 first).' }),
      })
      .strict()
      .openapi('PotentialPrioritise', { description: 'The TKKSD plenary prioritises (admin).' }),
    z
      .object({
        action: z.literal('establish'),
        skNumber: Name(100).openapi({ description: 'The SK Kepala Daerah number.' }),
        skDate: IsoDate.openapi({ description: 'The SK’s date.' }),
      })
      .strict()
      .openapi('PotentialEstablish', { description: 'The head of region establishes it by SK.' }),
    only('publish', 'PotentialPublish', 'An admin publishes it to the catalogue.'),
    z
      .object({
        action: z.literal('return'),
        reason: z.string().trim().min(1).max(2000).openapi({ description: 'What to revise.' }),
      })
      .strict()
      .openapi('PotentialReturn', { description: 'Sent back for revision, with a reason.' }),
    z
      .object({
        action: z.literal('reject'),
        baNumber: Name(100).openapi({
          description: 'The TKKSD plenary’s Berita Acara number, which records the finding.',
        }),
        baDate: IsoDate.openapi({ description: 'The Berita Acara’s date.' }),
        reason: z.string().trim().min(1).max(2000).openapi({
          description: 'Which criterion it does not meet.',
        }),
      })
      .strict()
      .openapi('PotentialReject', {
        description:
          'The TKKSD plenary finds it does not meet the criteria (admin): it ends as `criteria_not_met` (*tidak memenuhi kriteria*), recorded in the Berita Acara and counted in reports; unlike `return`, it is not sent back for revision.',
      }),
    only('close', 'PotentialClose', 'Taken out of the catalogue.'),
    only('archive', 'PotentialArchive', 'Archived for good.'),
  ])
  .openapi('PotentialTransition');

export type TransitionBody = z.infer<typeof TransitionBody>;

// ---- rounds ----
export const RoundSchema = z
  .object({
    id: z.string(),
    tenantId: z.string(),
    title: z.string(),
    periodStart: DateString,
    periodEnd: DateString,
    deadline: DateString,
    status: RoundStatus,
    createdBy: z.string(),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  })
  .openapi('MappingRound');

export const RoundDetail = RoundSchema.extend({
  agencies: z.array(
    z.object({
      agencyId: z.string(),
      name: z.string(),
      submitted: z.number().int(),
      drafts: z.number().int(),
      liaisonCount: z.number().int(),
      hasRequiredLiaisons: z.boolean(),
    }),
  ),
  totals: z.object({ submitted: z.number().int(), agenciesWithoutLiaisons: z.number().int() }),
}).openapi('MappingRoundDetail');

// ---- profile ----
export const Contact = z
  .object({
    role: z.string().trim().min(1).max(100),
    name: z.string().trim().min(1).max(200),
    email: z.string().email().max(254).optional(),
    phone: z.string().max(40).optional(),
  })
  .strict();

export const ProfileBody = z
  .object({
    summary: z.string().trim().max(4000).nullable().optional(),
    sectors: z
      .array(z.string().max(60))
      .max(18)
      .optional()
      .openapi({ description: 'Codes of `sectors` (flagship sectors for a region).' }),
    issues: z.array(z.string().max(60)).max(9).optional(),
    affairs: z.array(z.string().max(60)).max(32).optional(),
    regionsOfInterest: z
      .array(z.string().max(5))
      .max(552)
      .optional()
      .openapi({ description: 'Region codes a partner works in or wants to.' }),
    neighbours: z
      .array(z.string().max(5))
      .max(40)
      .optional()
      .openapi({ description: 'Regions bordering this region (used for mandatory cooperation).' }),
    offers: z.string().trim().max(4000).nullable().optional(),
    engagementMinIdr: z.number().int().min(0).max(1e15).nullable().optional(),
    engagementMaxIdr: z.number().int().min(0).max(1e15).nullable().optional(),
    contacts: z
      .array(Contact)
      .max(20)
      .optional()
      .openapi({ description: 'Contacts by role (regions): shown publicly.' }),
  })
  .strict()
  .openapi('ProfileInput');

export const ProfileSchema = z
  .object({
    tenantId: z.string(),
    type: TenantType,
    name: z.string(),
    summary: z.string().nullable(),
    sectors: z.array(z.string()),
    issues: z.array(z.string()),
    affairs: z.array(z.string()),
    regionsOfInterest: z.array(z.string()),
    neighbours: z.array(z.string()),
    offers: z.string().nullable(),
    engagementMinIdr: z.number().nullable(),
    engagementMaxIdr: z.number().nullable(),
    contacts: z.array(
      z.object({
        role: z.string(),
        name: z.string(),
        email: z.string().optional(),
        phone: z.string().optional(),
      }),
    ),
  })
  .openapi('Profile');

// ---- interests ----
export const Person = z.object({ name: z.string(), email: z.string(), role: z.string() });

export const InterestSchema = z
  .object({
    id: z.string(),
    potentialId: z.string(),
    ownerTenantId: z.string(),
    fromTenantId: z.string(),
    message: z.string(),
    status: z.enum(['pending', 'accepted', 'declined']),
    decisionNote: z.string().nullable(),
    decidedAt: NullableTimestamp,
    createdAt: Timestamp,
    contacts: z
      .object({ owner: z.array(Person), interested: z.array(Person) })
      .nullable()
      .openapi({
        description: 'The responsible officials of both sides: present only once accepted.',
      }),
  })
  .openapi('Interest');

/** An interest with the potential's title and the interested tenant's name, as lists and the single read give it. */
export const InterestDetail = InterestSchema.extend({
  potentialTitle: z.string(),
  fromTenantName: z.string(),
}).openapi('InterestDetail');

export const InterestList = z.object({ data: z.array(InterestDetail) }).openapi('InterestList');

// ---- reports ----
export const Counts = z.record(z.string(), z.number().int());

// ---- matching ----
export const ComponentSchema = z.object({
  component: z.string(),
  weight: z.number(),
  value: z.number(),
  contribution: z.number(),
});

export const ReasonSchema = z
  .object({
    component: z.string(),
    kind: z.string().openapi({
      description:
        'What the reason says, stable for clients: `their_offer_meets_your_need`, `your_offer_meets_their_need`, `they_offer_for_your_need`, `you_offer_for_their_need`, `shared_issues`, `same_affairs`, `geography.neighbour|province|island|interest_region|interest_province`, `agreements_before`, `interest_accepted_before`, `kind_mismatch`. Phrased for the tenant reading it.',
    }),
    items: z
      .array(
        z.object({
          type: z.enum(['affair', 'issue', 'potential', 'offer']),
          code: z.string().openapi({ description: 'The vocabulary code, or the potential’s id.' }),
          label: z.string().openapi({ description: 'In the request’s language.' }),
        }),
      )
      .openapi({ description: 'What it names, each once.' }),
    text: z.string().openapi({ description: 'Plain text in the request’s language.' }),
    id: z.string(),
    en: z.string(),
  })
  .openapi('MatchReason');

export const MatchSchema = z
  .object({
    score: z.number().openapi({ description: '0–100: the sum of the components’ contributions.' }),
    candidate: z.object({
      type: z.enum(['region', 'partner']),
      tenantId: z.string(),
      potentialId: z.string().nullable(),
      name: z.string(),
      regionCode: z.string().nullable(),
      provinceCode: z.string().nullable(),
      direction: z.string().nullable(),
      partnerKind: PartnerKind.optional(),
    }),
    components: z.array(ComponentSchema),
    reasons: z.array(ReasonSchema).openapi({
      description:
        'Why: the concrete shared issues, the offer meeting the need, geography, history.',
    }),
  })
  .openapi('Match');

export const MatchPage = z
  .object({
    data: z.array(MatchSchema),
    total: z.number().int(),
    nextCursor: z.string().nullable(),
  })
  .openapi('MatchPage');

export const RecommendationPage = z
  .object({
    data: z.array(
      z.object({
        potential: z.object({
          id: z.string(),
          title: z.string(),
          regionCode: z.string(),
          provinceCode: z.string(),
          direction: z.string(),
          tenantId: z.string(),
        }),
        score: z.number(),
        components: z.array(ComponentSchema),
        reasons: z.array(ReasonSchema),
      }),
    ),
    total: z.number().int(),
    nextCursor: z.string().nullable(),
  })
  .openapi('RecommendationPage');

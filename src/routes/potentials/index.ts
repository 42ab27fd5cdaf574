import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { DateString } from '../common';
import { RoundStatus, TenantType, RegionKind, PartnerKind } from '../common';
import { decideInterest, listInterests } from '../../interests/interests';
import {
  createPotential,
  getPotential,
  listPotentials,
  transitionPotential,
  updatePotential,
} from '../../potentials/potentials';
import { getProfile, updateProfile } from '../../profiles/profiles';
import { provinceReport } from '../../reports/mapping';
import { createRound, getRound, listRounds } from '../../potentials/rounds';
import { matchesForPotential, recommendationsFor } from '../../matches/matches';
import type { AppEnv } from '../../platform/context';
import { problemResponses } from '../../platform/errors';
import { cursorParam, limitParam } from '../../platform/pagination';
import {
  authSecurity,
  idParam,
  jsonBody,
  jsonResponse,
  Name,
  NullableTimestamp,
  TenantParams,
  Timestamp,
} from '../common';
import { idPattern } from '../common';
import {
  IsoDate,
  PotentialBody,
  PotentialDetailSchema,
  PotentialPatch,
  PotentialSchema,
} from './schemas';

/** A region's own work on its potentials: mapping rounds, drafting, the review lifecycle, its profile, its interest inbox, reports. */
const readErrors = problemResponses(400, 401, 403, 404);
const writeErrors = problemResponses(400, 401, 403, 404, 409);
const PotentialParams = TenantParams.extend({
  potentialId: idParam('potentialId', 'pot', 'The potential.'),
});

// ---- potentials ----
const createPotentialRoute = createRoute({
  method: 'post',
  path: '/v1/tenants/{tenantId}/potentials',
  operationId: 'createPotential',
  tags: ['Potentials'],
  summary: 'Draft a cooperation potential (the mapping form)',
  description:
    'A liaison drafts for their own agency; the TKKSD admin for any. Unknown codes answer 400 naming the field.',
  security: authSecurity,
  request: { params: TenantParams, body: jsonBody(PotentialBody) },
  responses: { 201: jsonResponse('The draft.', PotentialSchema), ...writeErrors },
});
const listPotentialsRoute = createRoute({
  method: 'get',
  path: '/v1/tenants/{tenantId}/potentials',
  description:
    'The region’s cooperation potentials in every state, newest first, filtered by state, agency or round. A liaison sees its own agency’s.',
  operationId: 'listPotentials',
  tags: ['Potentials'],
  summary: 'The region’s potentials in every state',
  security: authSecurity,
  request: {
    params: TenantParams,
    query: z.object({
      status: z
        .enum([
          'draft',
          'submitted',
          'returned',
          'prioritised',
          'established',
          'published',
          'closed',
          'archived',
        ])
        .optional()
        .openapi({
          param: { name: 'status', in: 'query' },
          description: 'Only items in this state.',
        }),
      agencyId: idPattern('opd')
        .optional()
        .openapi({ param: { name: 'agencyId', in: 'query' }, description: 'Only this agency’s.' }),
      roundId: idPattern('rnd')
        .optional()
        .openapi({ param: { name: 'roundId', in: 'query' }, description: 'Only this round’s.' }),
      limit: limitParam(50),
      cursor: cursorParam,
    }),
  },
  responses: {
    200: jsonResponse(
      'A page.',
      z.object({ data: z.array(PotentialSchema), nextCursor: z.string().nullable() }),
    ),
    ...readErrors,
  },
});
const getPotentialRoute = createRoute({
  method: 'get',
  path: '/v1/tenants/{tenantId}/potentials/{potentialId}',
  description:
    'One potential with the eight questions of the mapping form, its history and, once published, its earlier revisions.',
  operationId: 'getPotential',
  tags: ['Potentials'],
  summary: 'A potential with its history and revisions',
  security: authSecurity,
  request: { params: PotentialParams },
  responses: { 200: jsonResponse('The potential.', PotentialDetailSchema), ...readErrors },
});
const updatePotentialRoute = createRoute({
  method: 'patch',
  path: '/v1/tenants/{tenantId}/potentials/{potentialId}',
  operationId: 'updatePotential',
  tags: ['Potentials'],
  summary: 'Edit a potential',
  description:
    'Drafts and returned potentials are edited in place; a published one stays in the catalogue and gains a revision. Archived and closed ones cannot be edited (409 naming the rule).',
  security: authSecurity,
  request: { params: PotentialParams, body: jsonBody(PotentialPatch) },
  responses: { 200: jsonResponse('The potential.', PotentialSchema), ...writeErrors },
});
const Rank = z.number().int().min(1).max(10000);
const only = <A extends string>(action: A, name: string, description: string) =>
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
    only('close', 'PotentialClose', 'Taken out of the catalogue.'),
    only('archive', 'PotentialArchive', 'Archived for good.'),
  ])
  .openapi('PotentialTransition');
export type TransitionBody = z.infer<typeof TransitionBody>;
const transitionRoute = createRoute({
  method: 'post',
  path: '/v1/tenants/{tenantId}/potentials/{potentialId}/transitions',
  operationId: 'transitionPotential',
  tags: ['Potentials'],
  summary: 'Move a potential through its lifecycle',
  description:
    'draft → submit (liaison of its agency, or admin) → prioritise (admin, with Berita Acara) → establish (head, with SK) → publish (admin) → close / archive; `return` for revision with a reason at any review step. A wrong role answers 403 and a wrong state 409, both naming the rule.',
  security: authSecurity,
  request: { params: PotentialParams, body: jsonBody(TransitionBody) },
  responses: {
    200: jsonResponse('The potential after the transition.', PotentialSchema),
    ...writeErrors,
  },
});

// ---- rounds ----
const RoundSchema = z
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
const RoundDetail = RoundSchema.extend({
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
const createRoundRoute = createRoute({
  method: 'post',
  path: '/v1/tenants/{tenantId}/rounds',
  description:
    'Opens a mapping round (Pemetaan Potensi Kerja Sama Daerah) with its period and deadline.',
  operationId: 'createRound',
  tags: ['Mapping rounds'],
  summary: 'Open a mapping round',
  security: authSecurity,
  request: {
    params: TenantParams,
    body: jsonBody(
      z
        .object({ title: Name(200), periodStart: IsoDate, periodEnd: IsoDate, deadline: IsoDate })
        .strict()
        .openapi('CreateRoundRequest'),
    ),
  },
  responses: { 201: jsonResponse('The round.', RoundSchema), ...writeErrors },
});
const listRoundsRoute = createRoute({
  method: 'get',
  path: '/v1/tenants/{tenantId}/rounds',
  description: 'The region’s mapping rounds, newest first.',
  operationId: 'listRounds',
  tags: ['Mapping rounds'],
  summary: 'List mapping rounds',
  security: authSecurity,
  request: { params: TenantParams },
  responses: {
    200: jsonResponse('Rounds, newest first.', z.object({ data: z.array(RoundSchema) })),
    ...readErrors,
  },
});
const getRoundRoute = createRoute({
  method: 'get',
  path: '/v1/tenants/{tenantId}/rounds/{roundId}',
  description:
    'A mapping round with, per agency, how many potentials it submitted and whether it has its two liaisons.',
  operationId: 'getRound',
  tags: ['Mapping rounds'],
  summary: 'A round with submissions per agency',
  security: authSecurity,
  request: { params: TenantParams.extend({ roundId: idParam('roundId', 'rnd', 'The round.') }) },
  responses: {
    200: jsonResponse(
      'The round and, per agency, proposals submitted and whether it has its two liaisons.',
      RoundDetail,
    ),
    ...readErrors,
  },
});

// ---- profile ----
const Contact = z
  .object({
    role: z.string().trim().min(1).max(100),
    name: z.string().trim().min(1).max(200),
    email: z.string().email().max(254).optional(),
    phone: z.string().max(40).optional(),
  })
  .strict();
const ProfileBody = z
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
const getProfileRoute = createRoute({
  method: 'get',
  path: '/v1/tenants/{tenantId}/profile',
  description:
    'What the tenant says about itself: issues, affairs, offers, declared neighbours or regions of interest, engagement sizes.',
  operationId: 'getProfile',
  tags: ['Profiles'],
  summary: 'The tenant’s profile',
  security: authSecurity,
  request: { params: TenantParams },
  responses: {
    200: jsonResponse('The profile (empty fields until filled).', ProfileSchema),
    ...readErrors,
  },
});
const putProfileRoute = createRoute({
  method: 'put',
  path: '/v1/tenants/{tenantId}/profile',
  operationId: 'updateProfile',
  tags: ['Profiles'],
  summary: 'Describe the tenant',
  description:
    'Partners: kind of work, sectors, issues, affairs, regions of interest, offers, typical engagement size. Regions: summary, flagship sectors, contacts by role. Fields left out stay as they are.',
  security: authSecurity,
  request: { params: TenantParams, body: jsonBody(ProfileBody) },
  responses: { 200: jsonResponse('The profile.', ProfileSchema), ...writeErrors },
});

// ---- interests ----
const Person = z.object({ name: z.string(), email: z.string(), role: z.string() });
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
const InterestList = z
  .object({
    data: z.array(
      InterestSchema.extend({ potentialTitle: z.string(), fromTenantName: z.string() }),
    ),
  })
  .openapi('InterestList');
const listInterestsRoute = createRoute({
  method: 'get',
  path: '/v1/tenants/{tenantId}/interests',
  description:
    'Interests received in the tenant’s potentials (`box=received`) or sent by it (`box=sent`); contacts appear only once accepted.',
  operationId: 'listInterests',
  tags: ['Interests'],
  summary: 'Interests received (inbox) or sent',
  security: authSecurity,
  request: {
    params: TenantParams,
    query: z.object({
      box: z
        .enum(['received', 'sent'])
        .default('received')
        .openapi({
          param: { name: 'box', in: 'query' },
          description:
            '`received`: interests in this tenant’s potentials; `sent`: interests it expressed.',
        }),
      status: z
        .enum(['pending', 'accepted', 'declined'])
        .optional()
        .openapi({
          param: { name: 'status', in: 'query' },
          description: 'Only items in this state.',
        }),
    }),
  },
  responses: { 200: jsonResponse('Newest first.', InterestList), ...readErrors },
});
const decideRoute = createRoute({
  method: 'post',
  path: '/v1/tenants/{tenantId}/interests/{interestId}/decision',
  operationId: 'decideInterest',
  tags: ['Interests'],
  summary: 'Accept or decline an interest',
  description: 'On acceptance both sides see each other’s responsible officials.',
  security: authSecurity,
  request: {
    params: TenantParams.extend({ interestId: idParam('interestId', 'int', 'The interest.') }),
    body: jsonBody(
      z
        .object({
          decision: z.enum(['accept', 'decline']),
          note: z.string().trim().max(2000).optional(),
        })
        .strict()
        .openapi('InterestDecision'),
    ),
  },
  responses: { 200: jsonResponse('The decided interest.', InterestSchema), ...writeErrors },
});

// ---- reports ----
const Counts = z.record(z.string(), z.number().int());
const reportRoute = createRoute({
  method: 'get',
  path: '/v1/tenants/{tenantId}/reports/mapping',
  operationId: 'provinceMappingReport',
  tags: ['Reports'],
  summary: 'A province’s view of its kabupaten/kota',
  description:
    'For each kabupaten/kota: claimed or not, a mapping round this year or not, potentials in each state.',
  security: authSecurity,
  request: { params: TenantParams },
  responses: {
    200: jsonResponse(
      'The report.',
      z.object({
        provinceCode: z.string(),
        year: z.number().int(),
        data: z.array(
          z.object({
            regionCode: z.string(),
            name: z.string(),
            provinceCode: z.string(),
            kind: RegionKind,
            autonomous: z.boolean(),
            tenantId: z.string(),
            claimed: z.boolean(),
            mappedThisYear: z.boolean(),
            potentials: Counts,
          }),
        ),
        summary: z.object({
          regions: z.number().int(),
          claimed: z.number().int(),
          mappedThisYear: z.number().int(),
          published: z.number().int(),
        }),
      }),
    ),
    ...readErrors,
  },
});

// ---- matching ----
const ComponentSchema = z.object({
  component: z.string(),
  weight: z.number(),
  value: z.number(),
  contribution: z.number(),
});
const ReasonSchema = z.object({
  component: z.string(),
  text: z.string().openapi({ description: 'In the request’s language.' }),
  id: z.string(),
  en: z.string(),
});
const MatchSchema = z
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
const MatchPage = z
  .object({
    data: z.array(MatchSchema),
    total: z.number().int(),
    nextCursor: z.string().nullable(),
  })
  .openapi('MatchPage');
const matchesRoute = createRoute({
  method: 'get',
  path: '/v1/tenants/{tenantId}/potentials/{potentialId}/matches',
  operationId: 'matchPotential',
  tags: ['Matching'],
  summary: 'Ranked partners and regions for a published potential',
  description:
    'Scores regions’ published potentials (KSDD) and verified partners (KSDPK, KSDLN, SINERGI) that share at least one issue or affair. The weights are documented in `src/matching/weights.ts`. Computed per request: a change shows in the next one.',
  security: authSecurity,
  request: {
    params: PotentialParams,
    query: z.object({
      candidateType: z
        .enum(['partner', 'region'])
        .optional()
        .openapi({
          param: { name: 'candidateType', in: 'query' },
          description:
            '`region` (other regions’ potentials, KSDD) or `partner` (verified partners).',
        }),
      province: z
        .string()
        .regex(/^\d{2}$/, 'must be a two-digit province code')
        .optional()
        .openapi({
          param: { name: 'province', in: 'query' },
          description: 'Regions in this province; partners interested in it.',
        }),
      limit: limitParam(20),
      cursor: cursorParam,
    }),
  },
  responses: {
    200: jsonResponse('Candidates, best first; ties broken by id.', MatchPage),
    ...readErrors,
  },
});
const RecommendationPage = z
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
const recommendationsRoute = createRoute({
  method: 'get',
  path: '/v1/tenants/{tenantId}/recommendations',
  operationId: 'recommendations',
  tags: ['Matching'],
  summary: 'Published potentials that fit this tenant',
  description:
    'For a partner: scored with its profile. For a region: with its own published potentials.',
  security: authSecurity,
  request: {
    params: TenantParams,
    query: z.object({ limit: limitParam(20), cursor: cursorParam }),
  },
  responses: { 200: jsonResponse('Potentials, best first.', RecommendationPage), ...readErrors },
});

export function registerPotentials(app: OpenAPIHono<AppEnv>) {
  app.openapi(matchesRoute, async (c) =>
    c.json(
      MatchPage.parse(
        await matchesForPotential({
          ctx: c.get('ctx'),
          input: { ...c.req.valid('param'), ...c.req.valid('query') },
        }),
      ),
      200,
    ),
  );
  app.openapi(recommendationsRoute, async (c) =>
    c.json(
      RecommendationPage.parse(
        await recommendationsFor({
          ctx: c.get('ctx'),
          input: { ...c.req.valid('param'), ...c.req.valid('query') },
        }),
      ),
      200,
    ),
  );

  app.openapi(createPotentialRoute, async (c) =>
    c.json(
      PotentialSchema.parse(
        await createPotential({
          ctx: c.get('ctx'),
          input: { ...c.req.valid('param'), ...c.req.valid('json') },
        }),
      ),
      201,
    ),
  );
  app.openapi(listPotentialsRoute, async (c) =>
    c.json(
      z.object({ data: z.array(PotentialSchema), nextCursor: z.string().nullable() }).parse(
        await listPotentials({
          ctx: c.get('ctx'),
          input: { ...c.req.valid('param'), ...c.req.valid('query') },
        }),
      ),
      200,
    ),
  );
  app.openapi(getPotentialRoute, async (c) =>
    c.json(
      PotentialDetailSchema.parse(
        await getPotential({ ctx: c.get('ctx'), input: c.req.valid('param') }),
      ),
      200,
    ),
  );
  app.openapi(updatePotentialRoute, async (c) =>
    c.json(
      PotentialSchema.parse(
        await updatePotential({
          ctx: c.get('ctx'),
          input: { ...c.req.valid('param'), ...c.req.valid('json') },
        }),
      ),
      200,
    ),
  );
  app.openapi(transitionRoute, async (c) =>
    c.json(
      PotentialSchema.parse(
        await transitionPotential({
          ctx: c.get('ctx'),
          input: { ...c.req.valid('param'), ...c.req.valid('json') },
        }),
      ),
      200,
    ),
  );

  app.openapi(createRoundRoute, async (c) =>
    c.json(
      RoundSchema.parse(
        await createRound({
          ctx: c.get('ctx'),
          input: { ...c.req.valid('param'), ...c.req.valid('json') },
        }),
      ),
      201,
    ),
  );
  app.openapi(listRoundsRoute, async (c) =>
    c.json(
      z
        .object({ data: z.array(RoundSchema) })
        .parse(await listRounds({ ctx: c.get('ctx'), input: c.req.valid('param') })),
      200,
    ),
  );
  app.openapi(getRoundRoute, async (c) =>
    c.json(
      RoundDetail.parse(await getRound({ ctx: c.get('ctx'), input: c.req.valid('param') })),
      200,
    ),
  );

  app.openapi(getProfileRoute, async (c) =>
    c.json(
      ProfileSchema.parse(await getProfile({ ctx: c.get('ctx'), input: c.req.valid('param') })),
      200,
    ),
  );
  app.openapi(putProfileRoute, async (c) =>
    c.json(
      ProfileSchema.parse(
        await updateProfile({
          ctx: c.get('ctx'),
          input: { ...c.req.valid('param'), ...c.req.valid('json') },
        }),
      ),
      200,
    ),
  );

  app.openapi(listInterestsRoute, async (c) =>
    c.json(
      InterestList.parse(
        await listInterests({
          ctx: c.get('ctx'),
          input: { ...c.req.valid('param'), ...c.req.valid('query') },
        }),
      ),
      200,
    ),
  );
  app.openapi(decideRoute, async (c) =>
    c.json(
      InterestSchema.parse(
        await decideInterest({
          ctx: c.get('ctx'),
          input: { ...c.req.valid('param'), ...c.req.valid('json') },
        }),
      ),
      200,
    ),
  );

  app.openapi(reportRoute, async (c) =>
    c.json(await provinceReport({ ctx: c.get('ctx'), input: c.req.valid('param') }), 200),
  );
}

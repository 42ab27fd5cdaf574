import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import {
  answerProposal,
  createProposal,
  listProposals,
  proposalStats,
} from '../../facilitation/proposals';
import type { AppEnv } from '../../platform/context';
import { problemResponses } from '../../platform/errors';
import {
  authSecurity,
  idParam,
  jsonBody,
  jsonResponse,
  NullableTimestamp,
  TenantParams,
  Timestamp,
} from '../common';

/** Province facilitation: proposing matches between two parties, their answers, and the facilitator's outcomes. */
const Answer = z.object({
  answer: z.enum(['pending', 'accepted', 'declined']),
  reason: z.string().nullable(),
  answeredAt: NullableTimestamp,
});
const ProposalSchema = z
  .object({
    id: z.string(),
    facilitatorTenantId: z.string().nullable(),
    partyA: z.string(),
    partyB: z.string(),
    potentialId: z.string().nullable(),
    note: z.string(),
    status: z.enum(['pending', 'accepted', 'declined', 'expired']),
    answers: z
      .record(z.string(), Answer)
      .openapi({ description: 'Each party’s answer, by tenant id.' }),
    expiresAt: Timestamp,
    reminderSentAt: NullableTimestamp,
    decidedAt: NullableTimestamp,
    createdAt: Timestamp,
  })
  .openapi('Proposal');
const writeErrors = problemResponses(400, 401, 403, 404, 409);

const createRouteDef = createRoute({
  method: 'post',
  path: '/v1/tenants/{tenantId}/proposals',
  operationId: 'createProposal',
  tags: ['Facilitation'],
  summary: 'Propose a match between two parties',
  description:
    'By a province’s admin, between two of its kabupaten/kota or partners (a platform admin anywhere). Both parties’ admins are emailed; unanswered, it expires after `validityDays` (default 14) with one reminder halfway.',
  security: authSecurity,
  request: {
    params: TenantParams,
    body: jsonBody(
      z
        .object({
          partyA: z.string().max(40),
          partyB: z.string().max(40),
          potentialId: z
            .string()
            .max(40)
            .optional()
            .openapi({ description: 'A published potential of one party the match is about.' }),
          note: z.string().trim().min(1).max(4000),
          validityDays: z.number().int().min(1).max(90).optional(),
        })
        .strict()
        .openapi('CreateProposalRequest'),
    ),
  },
  responses: { 201: jsonResponse('The proposal, pending.', ProposalSchema), ...writeErrors },
});
const listRouteDef = createRoute({
  method: 'get',
  path: '/v1/tenants/{tenantId}/proposals',
  description:
    'Proposals the province made, or, for a party, the proposals it received, newest first.',
  operationId: 'listProposals',
  tags: ['Facilitation'],
  summary: 'Proposals made (as facilitator) or received (as party)',
  security: authSecurity,
  request: {
    params: TenantParams,
    query: z.object({
      as: z
        .enum(['facilitator', 'party'])
        .default('party')
        .openapi({
          param: { name: 'as', in: 'query' },
          description:
            '`facilitator`: proposals this province made; `party`: proposals this tenant received.',
        }),
    }),
  },
  responses: {
    200: jsonResponse('Newest first.', z.object({ data: z.array(ProposalSchema) })),
    ...problemResponses(400, 401, 403, 404),
  },
});
const answerRouteDef = createRoute({
  method: 'post',
  path: '/v1/tenants/{tenantId}/proposals/{proposalId}/answer',
  description:
    'A party accepts or declines a proposal (a decline needs a reason). It is accepted when both parties accept.',
  operationId: 'answerProposal',
  tags: ['Facilitation'],
  summary: 'Accept or decline a proposal (a declining party gives a reason)',
  security: authSecurity,
  request: {
    params: TenantParams.extend({ proposalId: idParam('proposalId', 'prp', 'The proposal.') }),
    body: jsonBody(
      z
        .object({
          decision: z.enum(['accept', 'decline']),
          reason: z.string().trim().min(1).max(2000).optional(),
        })
        .strict()
        .openapi('AnswerProposalRequest'),
    ),
  },
  responses: {
    200: jsonResponse('The proposal after the answer.', ProposalSchema),
    ...writeErrors,
  },
});
const StatsSchema = z
  .object({
    total: z.number().int(),
    pending: z.number().int(),
    accepted: z.number().int(),
    declined: z.number().int(),
    expired: z.number().int(),
    acceptedRate: z.number().nullable(),
    medianHoursToAnswer: z.number().nullable(),
  })
  .openapi('ProposalStats');
const statsRouteDef = createRoute({
  method: 'get',
  path: '/v1/tenants/{tenantId}/proposals/stats',
  description:
    'The facilitator’s outcomes: proposals by state, the accepted rate and the median hours to an answer.',
  operationId: 'proposalStats',
  tags: ['Facilitation'],
  summary: 'How a facilitator’s proposals fared',
  security: authSecurity,
  request: { params: TenantParams },
  responses: {
    200: jsonResponse(
      'Outcomes: accepted rate among decided proposals, median hours to an answer.',
      StatsSchema,
    ),
    ...problemResponses(400, 401, 403, 404),
  },
});

export function registerFacilitation(app: OpenAPIHono<AppEnv>) {
  app.openapi(statsRouteDef, async (c) =>
    c.json(
      StatsSchema.parse(await proposalStats({ ctx: c.get('ctx'), input: c.req.valid('param') })),
      200,
    ),
  );
  app.openapi(createRouteDef, async (c) =>
    c.json(
      ProposalSchema.parse(
        await createProposal({
          ctx: c.get('ctx'),
          input: { ...c.req.valid('param'), ...c.req.valid('json') },
        }),
      ),
      201,
    ),
  );
  app.openapi(listRouteDef, async (c) =>
    c.json(
      z.object({ data: z.array(ProposalSchema) }).parse(
        await listProposals({
          ctx: c.get('ctx'),
          input: { ...c.req.valid('param'), ...c.req.valid('query') },
        }),
      ),
      200,
    ),
  );
  app.openapi(answerRouteDef, async (c) =>
    c.json(
      ProposalSchema.parse(
        await answerProposal({
          ctx: c.get('ctx'),
          input: { ...c.req.valid('param'), ...c.req.valid('json') },
        }),
      ),
      200,
    ),
  );
}

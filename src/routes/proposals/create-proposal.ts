import { type OpenAPIHono, z } from '@hono/zod-openapi';
import { createProposal } from '../../facilitation/proposals';
import type { AppEnv } from '../../platform/context';
import { createdResponse, idPattern, jsonBody, TenantParams } from '../common';
import { tenantWrite } from '../tenant-route';
import { ProposalSchema } from './definitions';
export const createProposalRoute = tenantWrite({
  method: 'post',
  path: '/v1/tenants/{tenantId}/proposals',
  operationId: 'createProposal',
  tags: ['Facilitation'],
  summary: 'Propose a match between two parties',
  description:
    'By a province’s admin, between two of its kabupaten/kota or partners (a platform admin anywhere). Both parties’ admins are emailed; unanswered, it expires after `validityDays` (default 14) with one reminder halfway.',
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
          originSessionId: idPattern('forumSession').optional().openapi({
            description:
              'The forum session where the match was found (one the province convened or took part in): counted in its outcomes.',
          }),
        })
        .strict()
        .openapi('CreateProposalRequest'),
    ),
  },
  responses: { 201: createdResponse('The proposal, pending.', ProposalSchema) },
});

export function registerCreateProposal(app: OpenAPIHono<AppEnv>) {
  app.openapi(createProposalRoute, async (c) => {
    const p = c.req.valid('param');
    const created = ProposalSchema.parse(
      await createProposal({
        ctx: c.get('ctx'),
        input: { ...p, ...c.req.valid('json') },
      }),
    );
    c.header('Location', `/v1/tenants/${p.tenantId}/proposals/${created.id}`);
    return c.json(created, 201);
  });
}

import { type OpenAPIHono, z } from '@hono/zod-openapi';
import { listProposals } from '../../facilitation/proposals';
import type { AppEnv } from '../../platform/context';
import { jsonResponse, TenantParams } from '../common';
import { tenantRead } from '../tenant-route';
import { ProposalSchema } from './definitions';

/** The answer's shape, made once: the handler parses what it returns with it. */
const List = z.object({ data: z.array(ProposalSchema) });

export const listProposalsRoute = tenantRead({
  method: 'get',
  path: '/v1/tenants/{tenantId}/proposals',
  description:
    'Proposals the province made, or, for a party, the proposals it received, newest first.',
  operationId: 'listProposals',
  tags: ['Facilitation'],
  summary: 'Proposals made (as facilitator) or received (as party)',
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
    200: jsonResponse('Newest first.', List),
  },
});

export function registerListProposals(app: OpenAPIHono<AppEnv>) {
  app.openapi(listProposalsRoute, async (c) =>
    c.json(
      List.parse(
        await listProposals({
          ctx: c.get('ctx'),
          input: { ...c.req.valid('param'), ...c.req.valid('query') },
        }),
      ),
      200,
    ),
  );
}

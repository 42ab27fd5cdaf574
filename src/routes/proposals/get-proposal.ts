import { type OpenAPIHono } from '@hono/zod-openapi';
import { getProposal } from '../../facilitation/proposals';
import type { AppEnv } from '../../platform/context';
import { idParam, jsonResponse, TenantParams } from '../common';
import { tenantRead } from '../tenant-route';
import { ProposalSchema } from './definitions';
export const getProposalRoute = tenantRead({
  method: 'get',
  path: '/v1/tenants/{tenantId}/proposals/{proposalId}',
  operationId: 'getProposal',
  tags: ['Facilitation'],
  summary: 'A facilitation proposal',
  description: 'To the province that proposed it and to either party.',
  request: {
    params: TenantParams.extend({ proposalId: idParam('proposalId', 'proposal', 'The proposal.') }),
  },
  responses: { 200: jsonResponse('The proposal.', ProposalSchema) },
});

export function registerGetProposal(app: OpenAPIHono<AppEnv>) {
  app.openapi(getProposalRoute, async (c) =>
    c.json(
      ProposalSchema.parse(await getProposal({ ctx: c.get('ctx'), input: c.req.valid('param') })),
      200,
    ),
  );
}

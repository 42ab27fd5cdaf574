import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { proposalStats } from '../../facilitation/proposals';
import type { AppEnv } from '../../platform/context';
import { problemResponses } from '../../platform/errors';
import { authSecurity, jsonResponse, TenantParams } from '../common';
import { StatsSchema } from './definitions';

export const proposalStatsRoute = createRoute({
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

export function registerProposalStats(app: OpenAPIHono<AppEnv>) {
  app.openapi(proposalStatsRoute, async (c) =>
    c.json(
      StatsSchema.parse(await proposalStats({ ctx: c.get('ctx'), input: c.req.valid('param') })),
      200,
    ),
  );
}

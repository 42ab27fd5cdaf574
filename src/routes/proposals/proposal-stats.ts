import { type OpenAPIHono } from '@hono/zod-openapi';
import { proposalStats } from '../../facilitation/proposals';
import type { AppEnv } from '../../platform/context';
import { jsonResponse } from '../common';
import { tenantRead } from '../tenant-route';
import { StatsSchema } from './definitions';

export const proposalStatsRoute = tenantRead({
  method: 'get',
  path: '/v1/tenants/{tenantId}/proposals/stats',
  description:
    'The facilitator’s outcomes: proposals by state, the accepted rate and the median hours to an answer.',
  operationId: 'proposalStats',
  tags: ['Facilitation'],
  summary: 'How a facilitator’s proposals fared',
  responses: {
    200: jsonResponse(
      'Outcomes: accepted rate among decided proposals, median hours to an answer.',
      StatsSchema,
    ),
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

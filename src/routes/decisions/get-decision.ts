import { type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../platform/context';
import { getDecision } from '../../potentials/decisions';
import { idParam, jsonResponse, TenantParams } from '../common';
import { BatchDecisionResponse } from '../potentials/decide-potentials';
import { tenantRead } from '../tenant-route';

export const getDecisionRoute = tenantRead({
  method: 'get',
  path: '/v1/tenants/{tenantId}/decisions/{decisionId}',
  operationId: 'getDecision',
  tags: ['Potentials'],
  summary: 'Read a Berita Acara or an SK',
  description:
    'A batch decision as recorded: its number, date, attendees and the potentials it moved, in its order, with their state now.',
  request: {
    params: TenantParams.extend({
      decisionId: idParam('decisionId', 'decision', 'The Berita Acara or SK.'),
    }),
  },
  responses: {
    200: jsonResponse('The decision.', BatchDecisionResponse),
  },
});

export function registerGetDecision(app: OpenAPIHono<AppEnv>) {
  app.openapi(getDecisionRoute, async (c) =>
    c.json(
      BatchDecisionResponse.parse(
        await getDecision({ ctx: c.get('ctx'), input: c.req.valid('param') }),
      ),
      200,
    ),
  );
}

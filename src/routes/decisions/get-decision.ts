import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../platform/context';
import { getDecision } from '../../potentials/decisions';
import { authSecurity, idParam, jsonResponse, TenantParams } from '../common';
import { BatchDecisionResponse } from '../potentials/decide-potentials';
import { readErrors } from '../potentials/definitions';

export const getDecisionRoute = createRoute({
  method: 'get',
  path: '/v1/tenants/{tenantId}/decisions/{decisionId}',
  operationId: 'getDecision',
  tags: ['Potentials'],
  summary: 'Read a Berita Acara or an SK',
  description:
    'A batch decision as recorded: its number, date, attendees and the potentials it moved, in its order, with their state now.',
  security: authSecurity,
  request: {
    params: TenantParams.extend({
      decisionId: idParam('decisionId', 'dec', 'The Berita Acara or SK.'),
    }),
  },
  responses: {
    200: jsonResponse('The decision.', BatchDecisionResponse),
    ...readErrors,
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

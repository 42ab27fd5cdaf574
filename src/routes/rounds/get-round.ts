import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../platform/context';
import { getRound } from '../../potentials/rounds';
import { authSecurity, idParam, jsonResponse, TenantParams } from '../common';
import { RoundDetail, readErrors } from '../potentials/definitions';

export const getRoundRoute = createRoute({
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

export function registerGetRound(app: OpenAPIHono<AppEnv>) {
  app.openapi(getRoundRoute, async (c) =>
    c.json(
      RoundDetail.parse(await getRound({ ctx: c.get('ctx'), input: c.req.valid('param') })),
      200,
    ),
  );
}

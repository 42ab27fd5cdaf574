import { type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../platform/context';
import { getRound } from '../../potentials/rounds';
import { idParam, jsonResponse, TenantParams } from '../common';
import { RoundDetail } from '../potentials/definitions';
import { tenantRead } from '../tenant-route';
export const getRoundRoute = tenantRead({
  method: 'get',
  path: '/v1/tenants/{tenantId}/rounds/{roundId}',
  description:
    'A mapping round with, per agency, how many potentials it submitted and whether it has its two liaisons.',
  operationId: 'getRound',
  tags: ['Mapping rounds'],
  summary: 'A round with submissions per agency',
  request: { params: TenantParams.extend({ roundId: idParam('roundId', 'round', 'The round.') }) },
  responses: {
    200: jsonResponse(
      'The round and, per agency, proposals submitted and whether it has its two liaisons.',
      RoundDetail,
    ),
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

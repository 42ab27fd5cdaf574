import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../../platform/context';
import { listRounds } from '../../potentials/rounds';
import { authSecurity, jsonResponse, TenantParams } from '../common';
import { RoundSchema, readErrors } from '../potentials/definitions';

export const listRoundsRoute = createRoute({
  method: 'get',
  path: '/v1/tenants/{tenantId}/rounds',
  description: 'The region’s mapping rounds, newest first.',
  operationId: 'listRounds',
  tags: ['Mapping rounds'],
  summary: 'List mapping rounds',
  security: authSecurity,
  request: { params: TenantParams },
  responses: {
    200: jsonResponse('Rounds, newest first.', z.object({ data: z.array(RoundSchema) })),
    ...readErrors,
  },
});

export function registerListRounds(app: OpenAPIHono<AppEnv>) {
  app.openapi(listRoundsRoute, async (c) =>
    c.json(
      z
        .object({ data: z.array(RoundSchema) })
        .parse(await listRounds({ ctx: c.get('ctx'), input: c.req.valid('param') })),
      200,
    ),
  );
}

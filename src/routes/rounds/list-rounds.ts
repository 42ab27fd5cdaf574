import { type OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../../platform/context';
import { listRounds } from '../../potentials/rounds';
import { jsonResponse } from '../common';
import { RoundSchema } from '../potentials/definitions';
import { tenantRead } from '../tenant-route';
export const listRoundsRoute = tenantRead({
  method: 'get',
  path: '/v1/tenants/{tenantId}/rounds',
  description: 'The region’s mapping rounds, newest first.',
  operationId: 'listRounds',
  tags: ['Mapping rounds'],
  summary: 'List mapping rounds',
  responses: {
    200: jsonResponse('Rounds, newest first.', z.object({ data: z.array(RoundSchema) })),
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

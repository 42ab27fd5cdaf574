import { type OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../../platform/context';
import { listRounds } from '../../potentials/rounds';
import { jsonResponse } from '../common';
import { RoundSchema } from '../potentials/definitions';
import { tenantRead } from '../tenant-route';

/** The answer's shape, made once: the handler parses what it returns with it. */
const List = z.object({ data: z.array(RoundSchema) });

export const listRoundsRoute = tenantRead({
  method: 'get',
  path: '/v1/tenants/{tenantId}/rounds',
  description: 'The region’s mapping rounds, newest first.',
  operationId: 'listRounds',
  tags: ['Mapping rounds'],
  summary: 'List mapping rounds',
  responses: {
    200: jsonResponse('Rounds, newest first.', List),
  },
});

export function registerListRounds(app: OpenAPIHono<AppEnv>) {
  app.openapi(listRoundsRoute, async (c) =>
    c.json(List.parse(await listRounds({ ctx: c.get('ctx'), input: c.req.valid('param') })), 200),
  );
}

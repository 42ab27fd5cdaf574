import { type OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../../platform/context';
import { cursorParam, limitParam } from '../../platform/pagination';
import { listPotentials } from '../../potentials/potentials';
import { STATUSES } from '../../potentials/rules';
import { idPattern, jsonResponse, TenantParams } from '../common';
import { tenantRead } from '../tenant-route';
import { PotentialSchema } from './schemas';

/** The answer's shape, made once: the handler parses what it returns with it. */
const Page = z.object({ data: z.array(PotentialSchema), nextCursor: z.string().nullable() });

export const listPotentialsRoute = tenantRead({
  method: 'get',
  path: '/v1/tenants/{tenantId}/potentials',
  description:
    'The region’s cooperation potentials in every state, newest first, filtered by state, agency or round. A liaison sees its own agency’s.',
  operationId: 'listPotentials',
  tags: ['Potentials'],
  summary: 'The region’s potentials in every state',
  request: {
    params: TenantParams,
    query: z.object({
      status: z
        .enum(STATUSES)
        .optional()
        .openapi({
          param: { name: 'status', in: 'query' },
          description: 'Only items in this state.',
        }),
      agencyId: idPattern('agency')
        .optional()
        .openapi({ param: { name: 'agencyId', in: 'query' }, description: 'Only this agency’s.' }),
      roundId: idPattern('round')
        .optional()
        .openapi({ param: { name: 'roundId', in: 'query' }, description: 'Only this round’s.' }),
      limit: limitParam(50),
      cursor: cursorParam,
    }),
  },
  responses: {
    200: jsonResponse('A page.', Page),
  },
});

export function registerListPotentials(app: OpenAPIHono<AppEnv>) {
  app.openapi(listPotentialsRoute, async (c) =>
    c.json(
      Page.parse(
        await listPotentials({
          ctx: c.get('ctx'),
          input: { ...c.req.valid('param'), ...c.req.valid('query') },
        }),
      ),
      200,
    ),
  );
}
